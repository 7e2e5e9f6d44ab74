"""The form for making a personal access token."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tending.api.tokens import LIFETIMES
from tending.core.plain_messages import PlainMessages

ACCESS = [("read", _("Read only")), ("write", _("Read and change"))]
LASTS = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("365", _("A year")),
    ("never", _("Until I revoke it")),
]
assert {value for value, _label in LASTS} == set(LIFETIMES)
NAME_NEEDED = _("Please give it a name, so you can tell it apart later.")


class TokenForm(PlainMessages, forms.Form):
    name = forms.CharField(
        label=_("What is it for?"),
        max_length=60,
        help_text=_("A name you will recognise later, like “phone shortcut” or “backup script”."),
        error_messages={"required": NAME_NEEDED},
    )
    access = forms.ChoiceField(
        label=_("What may it do?"),
        choices=ACCESS,
        initial="read",
        widget=forms.RadioSelect,
        help_text=_("Read only is safest: choose it unless the program must add or change things."),
    )
    lasts = forms.ChoiceField(label=_("For how long?"), choices=LASTS, initial="90")

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(NAME_NEEDED)
        return name
