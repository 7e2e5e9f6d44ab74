"""Setting a forgotten password by e-mail: Django's own flow, in tending's words.

Offered only when mail is set up (settings.MAIL_CONFIGURED); otherwise the page says who can
set a new password instead. The answer to a request is the same whether or not an account
has the address, and requests are counted per visitor's address and per e-mail address.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMessage
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tending.core import throttle
from tending.core.accounts import end_sessions
from tending.core.languages import account_language
from tending.core.plain_messages import PlainMessages, PlainPasswordChangeForm
from tending.core.rate import allow
from tending.core.throttle import client_address
from tending.invitations.views import absolute_url
from tending.today.digest import mail_failure

log = logging.getLogger(__name__)
HOUR = timedelta(hours=1)
PER_ADDRESS = 10  # requests from one visitor's address in an hour
PER_EMAIL = 3  # e-mails to one address in an hour, however many ask: no one is flooded
SUBJECT = gettext_lazy("A new password for tending")


def reset_mail(username: str, link: str, days: int) -> str:
    """The e-mail's words: who it is for, the link, and that doing nothing is fine."""
    lasting = ngettext(
        "It works once, for a day. If you did not ask, you can let this e-mail be:\n"
        "your password stays as it is, and everything you wrote stays as it was.",
        "It works once, for %(days)d days. If you did not ask, you can let this e-mail be:\n"
        "your password stays as it is, and everything you wrote stays as it was.",
        days,
    ) % {"days": days}
    asked = _(
        "Someone, we hope you, asked to set a new password for your tending account\n"
        "“%(name)s”. To choose one, open this link:"
    ) % {"name": username}
    return "\n".join([_("Hello,"), "", asked, "", f"  {link}", "", lasting, "", "tending"])


class ResetRequestForm(PlainMessages, PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Your e-mail address")
        self.fields["email"].help_text = _("The one you gave for your account.")
        self.fields["email"].error_messages["required"] = _("Please type your e-mail address.")

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None) -> None:  # fmt: skip
        """The mail as plain text made here, where Django would render its templates; in
        the account's own language, else the page's."""
        user = context["user"]
        path = reverse(
            "invitations:reset", kwargs={"uidb64": context["uid"], "reset_token": context["token"]}
        )
        days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
        language = account_language(user, translation.get_language())
        with translation.override(language):
            body = reset_mail(user.get_username(), context["address_of"](path), days)
            message = EmailMessage(str(SUBJECT), body, from_email, [to_email])
        try:
            message.send()
        except Exception as exc:  # the visitor sees the same answer; the host sees why
            log.warning("A password e-mail could not be sent: %s", mail_failure(exc))


class SetPasswordForm(PlainPasswordChangeForm):
    """The change-password form without the current password, which is what was forgotten."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["old_password"]


def _no_mail(request):
    return render(request, "invitations/forgot_no_mail.html", {"hosted": settings.HOSTED})


class ForgotView(auth_views.PasswordResetView):
    template_name = "invitations/forgot.html"
    form_class = ResetRequestForm
    success_url = reverse_lazy("invitations:forgot_sent")

    def dispatch(self, request, *args, **kwargs):
        if not settings.MAIL_CONFIGURED:
            return _no_mail(request)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not allow("reset-address", client_address(request), PER_ADDRESS, HOUR):
            return render(request, "invitations/slow_down.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.extra_email_context = {"address_of": lambda path: absolute_url(self.request, path)}
        email = form.cleaned_data["email"]
        if allow("reset-email", email.strip().casefold(), PER_EMAIL, HOUR):
            form.save(
                request=self.request,
                from_email=self.from_email,
                token_generator=self.token_generator,
                extra_email_context=self.extra_email_context,
            )
        # Past the limit nothing more is sent, with the same answer: it says nothing either.
        return super(auth_views.PasswordResetView, self).form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(hosted=settings.HOSTED, **kwargs)


class ForgotSentView(auth_views.PasswordResetDoneView):
    template_name = "invitations/forgot_sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(hosted=settings.HOSTED, **kwargs)


class ResetView(auth_views.PasswordResetConfirmView):
    """The link from the e-mail. Django moves its secret into the session and on to
    …/set-password/, so the secret leaves the address bar; it works once."""

    template_name = "invitations/reset.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("invitations:reset_done")

    def dispatch(self, request, *args, reset_token: str, **kwargs):
        # Django's view reads `token`; this URL names it apart from the calendar's token.
        return super().dispatch(request, *args, token=reset_token, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        # As `tending password` does: every browser logged in to it is logged out, and a
        # wait after forgotten tries ends.
        end_sessions(form.user)
        throttle.forget_name(form.user.get_username())
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(hosted=settings.HOSTED, **kwargs)


class ResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "invitations/reset_done.html"
