"""Changes made from Today: setting a suggested person aside for a few days."""

from __future__ import annotations

from datetime import date, timedelta

from tending.circle.models import Person
from tending.today.models import ReachOutSnooze

SNOOZE_DAYS = 3


def set_aside(user, person: Person, today: date) -> date:
    """ "Not now" for someone Today suggests: they come up again after a few days. Returns the
    day they wait until; nothing else about them changes."""
    until = today + timedelta(days=SNOOZE_DAYS)
    ReachOutSnooze.objects.update_or_create(owner=user, person=person, defaults={"until": until})
    return until
