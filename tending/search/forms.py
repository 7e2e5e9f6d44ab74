"""The one field of searching everything."""

from __future__ import annotations

from django import forms

from tending.core.plain_messages import PlainMessages

MAX_WORDS_LENGTH = 500


class EverythingForm(PlainMessages, forms.Form):
    q = forms.CharField(label="Words to find", required=False, strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "dir": "auto", "maxlength": MAX_WORDS_LENGTH}
        )

    def clean_q(self) -> str:
        words = self.cleaned_data.get("q", "")
        if len(words) > MAX_WORDS_LENGTH:
            raise forms.ValidationError(
                f"Please use at most {MAX_WORDS_LENGTH} characters (this has {len(words):,})."
            )
        return words


class PeopleForm(PlainMessages, forms.Form):
    """What follows an @ as it is typed."""

    q = forms.CharField(required=False, max_length=100)
