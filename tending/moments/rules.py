"""What a moment's time must be: no database here, so the terminal's quick path shares it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError

from tending.core.dates import check_plausible_date
from tending.core.words import gettext as _
from tending.core.words import grouped

# A note is a few lines about what happened; the journal is there for more.
NOTE_LIMIT = 10_000

# A clock a little ahead of the server's is not a moment still to come.
LEEWAY = timedelta(minutes=5)


def check_moment_time(occurred_at: datetime, now: datetime) -> None:
    """Refuse a time still to come, or outside the years tending takes (aware, in UTC)."""
    if occurred_at > now + LEEWAY:
        raise ValidationError(
            {"occurred_at": _("That is still to come; a moment is something that happened.")}
        )
    try:
        check_plausible_date(occurred_at.date())
    except ValidationError as exc:
        raise ValidationError({"occurred_at": exc.messages}) from None


def check_note(note: str) -> None:
    """Refuse a note longer than NOTE_LIMIT, saying by how much, so it can be shortened."""
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            {
                "note": _(
                    "Please keep a note to %(limit)s characters (this one has %(length)s); "
                    "a journal entry can hold more."
                )
                % {"limit": grouped(NOTE_LIMIT), "length": grouped(len(note))}
            }
        )
