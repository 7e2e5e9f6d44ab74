"""The invitation an administrator makes, and the account its link makes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tending.core.forms import WelcomeForm
from tending.core.plain_messages import PlainMessages
from tending.invitations.models import NOTE_LENGTH
from tending.invitations.services import DAY_CHOICES, DEFAULT_DAYS


def _days_text(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


_days = lazy(_days_text, str)  # said in the page's language, not the one at import


class InvitationForm(PlainMessages, forms.Form):
    note = forms.CharField(
        label=_("Who is it for? (if you like)"),
        max_length=NOTE_LENGTH,
        required=False,
        help_text=_("Only for you and the other administrators, to recognise it in the list."),
    )
    days = forms.TypedChoiceField(
        label=_("The link works for"),
        choices=[(d, _days(d)) for d in DAY_CHOICES],
        coerce=int,
        initial=DEFAULT_DAYS,
        widget=forms.RadioSelect,
    )


class AcceptForm(WelcomeForm):
    """The welcome page's account form, and an e-mail address where one can be used."""

    field_order = ["username", "password1", "password2", "email", "time_zone", "language"]
    email = forms.EmailField(
        label=_("Your e-mail address (if you like)"),
        required=False,
        max_length=254,
        help_text=_("Only used to send you a link if you forget your password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["username"]
        name.help_text = _("Letters, digits and @ . + - _ only. Whoever runs this tending sees it.")
        if not settings.MAIL_CONFIGURED:
            # Nothing would ever be sent to it, so it is not asked for.
            del self.fields["email"]

    def save(self):
        return get_user_model().objects.create_user(
            username=self.cleaned_data["username"],
            email=self.cleaned_data.get("email", ""),
            password=self.cleaned_data["password1"],
            time_zone=self.cleaned_data["time_zone"],
            language=self.cleaned_data.get("language") or "",
        )
