"""The one field of searching everything."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tending.core.plain_messages import PlainMessages
from tending.core.words import grouped

MAX_WORDS_LENGTH = 500


class EverythingForm(PlainMessages, forms.Form):
    q = forms.CharField(label=gettext_lazy("Words to find"), required=False, strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "dir": "auto", "maxlength": MAX_WORDS_LENGTH}
        )

    def clean_q(self) -> str:
        words = self.cleaned_data.get("q", "")
        if len(words) > MAX_WORDS_LENGTH:
            raise forms.ValidationError(
                _("Please use at most %(most)d characters (this has %(count)s).")
                % {
                    "most": MAX_WORDS_LENGTH,
                    "count": grouped(len(words)),
                }
            )
        return words


class PeopleForm(PlainMessages, forms.Form):
    """What follows an @ as it is typed."""

    q = forms.CharField(required=False, max_length=100)
