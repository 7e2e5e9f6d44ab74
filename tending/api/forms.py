"""The form for making a personal access token."""

from __future__ import annotations

from django import forms

from tending.api.tokens import LIFETIMES
from tending.core.plain_messages import PlainMessages

ACCESS = [("read", "Read only"), ("write", "Read and change")]
LASTS = [("30", "30 days"), ("90", "90 days"), ("365", "A year"), ("never", "Until I revoke it")]
assert {value for value, _ in LASTS} == set(LIFETIMES)


class TokenForm(PlainMessages, forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=60,
        help_text="A name you will recognise later, like “phone shortcut” or “backup script”.",
        error_messages={"required": "Please give it a name, so you can tell it apart later."},
    )
    access = forms.ChoiceField(
        label="What may it do?",
        choices=ACCESS,
        initial="read",
        widget=forms.RadioSelect,
        help_text="Read only is safest: choose it unless the program must add or change things.",
    )
    lasts = forms.ChoiceField(label="For how long?", choices=LASTS, initial="90")

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please give it a name, so you can tell it apart later.")
        return name
