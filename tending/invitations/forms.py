"""The invitation an administrator makes, and the account its link makes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model

from tending.core.forms import WelcomeForm
from tending.core.plain_messages import PlainMessages
from tending.invitations.models import NOTE_LENGTH
from tending.invitations.services import DAY_CHOICES, DEFAULT_DAYS


class InvitationForm(PlainMessages, forms.Form):
    note = forms.CharField(
        label="Who is it for? (if you like)",
        max_length=NOTE_LENGTH,
        required=False,
        help_text="Only for you and the other administrators, to recognise it in the list.",
    )
    days = forms.TypedChoiceField(
        label="The link works for",
        choices=[(d, f"{d} day{'s' if d > 1 else ''}") for d in DAY_CHOICES],
        coerce=int,
        initial=DEFAULT_DAYS,
        widget=forms.RadioSelect,
    )


class AcceptForm(WelcomeForm):
    """The welcome page's account form, and an e-mail address where one can be used."""

    field_order = ["username", "password1", "password2", "email", "time_zone"]
    email = forms.EmailField(
        label="Your e-mail address (if you like)",
        required=False,
        max_length=254,
        help_text="Only used to send you a link if you forget your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["username"]
        name.help_text = "Letters, digits and @ . + - _ only. Whoever runs this tending sees it."
        if not settings.MAIL_CONFIGURED:
            # Nothing would ever be sent to it, so it is not asked for.
            del self.fields["email"]

    def save(self):
        return get_user_model().objects.create_user(
            username=self.cleaned_data["username"],
            email=self.cleaned_data.get("email", ""),
            password=self.cleaned_data["password1"],
            time_zone=self.cleaned_data["time_zone"],
        )
