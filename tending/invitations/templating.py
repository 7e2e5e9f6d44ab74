"""What core's pages ask of this part: whether to offer inviting (settings) and the e-mail
way to a new password (login)."""

from __future__ import annotations

from django.conf import settings

from tending.invitations.admins import is_administrator


def mail_configured() -> bool:
    return settings.MAIL_CONFIGURED


GLOBALS = {"is_administrator": is_administrator, "mail_configured": mail_configured}
