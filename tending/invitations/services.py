"""Making, withdrawing and accepting invitations: one account per link, once, in time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tending.core.tokens import new_token, token_hash
from tending.invitations.models import NOTE_LENGTH, Invitation

DAY_CHOICES = (1, 7, 30)  # the page offers these; the terminal takes any of 1 to MOST_DAYS
DEFAULT_DAYS = 7
MOST_DAYS = 30
LISTED = 100  # the newest this many are shown on the page; older ones are long done


class InvitationGone(Exception):
    """The link was used, withdrawn or ran out between opening the page and sending it."""


@dataclass(frozen=True)
class Made:
    invitation: Invitation
    token: str  # the link's secret: shown this once, never kept


def days_problem(days: int) -> str | None:
    if not 1 <= days <= MOST_DAYS:
        return f"Please choose from 1 to {MOST_DAYS} days."
    return None


def make_invitation(
    created_by, days: int = DEFAULT_DAYS, note: str = "", now: datetime | None = None
) -> Made:
    problem = days_problem(days)
    if problem:
        raise ValueError(problem)
    if len(note) > NOTE_LENGTH:
        raise ValueError(f"Please keep the note to {NOTE_LENGTH} characters.")
    now = now or timezone.now()
    token = new_token()
    invitation = Invitation.objects.create(
        token_hash=token_hash(token),
        created_by=created_by,
        note=note.strip(),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return Made(invitation, token)


def _open(now: datetime) -> QuerySet[Invitation]:
    return Invitation.objects.filter(used_at=None, expires_at__gt=now)


def find_open(token: str, now: datetime | None = None) -> Invitation | None:
    """The invitation a link stands for, if it can still be used; None whatever the reason."""
    return _open(now or timezone.now()).filter(token_hash=token_hash(token)).first()


def withdraw(invitation_id: int) -> bool:
    """Delete an invitation nobody has used; False when it was used (or gone) already."""
    deleted, _ = Invitation.objects.filter(pk=invitation_id, used_at=None).delete()
    return bool(deleted)


def accept(invitation: Invitation, make_account, extras: Sequence = ()):
    """Make the account with `make_account()` and mark the invitation used, all or nothing.

    The invitation is claimed first with a conditional UPDATE: of two tabs (or two people)
    sending the same link at once, the second finds it used (PostgreSQL makes it wait for the
    first's row lock, SQLite for its write lock) and makes nothing. Raises InvitationGone then.
    """
    now = timezone.now()
    with transaction.atomic():
        claimed = _open(now).filter(pk=invitation.pk).update(used_at=now)
        if claimed != 1:
            raise InvitationGone
        user = make_account()
        Invitation.objects.filter(pk=invitation.pk).update(used_by=user)
        for extra in extras:
            extra.save(user)
    return user


def listed() -> list[Invitation]:
    """The newest invitations with who made and who used each, in one query."""
    rows = Invitation.objects.select_related("created_by", "used_by")
    return list(rows.order_by("-created_at", "-pk")[:LISTED])
