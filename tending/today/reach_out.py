"""Who to reach out to today: a pure ranking of people by how overdue they are."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import ngettext

from tending.circle.drift import days_between, due_from_day, rhythm_words

RING_ORDER = {"inner": 0, "middle": 1, "outer": 2}


@dataclass(slots=True)  # not frozen: made for every active person on each page that ranks
class Candidate:
    key: int
    name: str
    ring: str
    rhythm_days: int
    last_contact: date | None
    added_on: date
    snoozed_until: date | None = None


@dataclass(frozen=True)
class Suggestion:
    key: int
    name: str
    ring: str
    days_since: int
    rhythm_days: int
    overdue: float  # days since / rhythm: 1.0 is exactly on the rhythm
    never_seen: bool = False  # no moment logged yet: the days count from when they were added

    @property
    def reason(self) -> str:
        """Why they are suggested, in the language in use: written only when it is shown."""
        return reason_words(self.name, self.days_since, self.rhythm_days, self.never_seen)


def reason_words(name: str, days: int, rhythm_days: int, never_seen: bool) -> str:
    usual = rhythm_words(rhythm_days)
    if never_seen:
        said = ngettext(
            "You added %(name)s %(days)d day ago and have not logged a moment yet; you hoped "
            "to be in touch %(how_often)s.",
            "You added %(name)s %(days)d days ago and have not logged a moment yet; you hoped "
            "to be in touch %(how_often)s.",
            days,
        )
    else:
        said = ngettext(
            "It has been %(days)d day; you usually talk %(how_often)s.",
            "It has been %(days)d days; you usually talk %(how_often)s.",
            days,
        )
    return said % {"name": name, "days": days, "how_often": usual}


def _due(people: Iterable[Candidate], today: date) -> Iterator[tuple[Candidate, int]]:
    """Each person due or drifting, with the days since they were last seen (or added)."""
    for c in people:
        if c.snoozed_until is not None and c.snoozed_until > today:
            continue
        days = days_between(c.last_contact or c.added_on, today)
        if days >= due_from_day(c.rhythm_days):
            yield c, days


def _suggestion(c: Candidate, days: int) -> Suggestion:
    return Suggestion(
        c.key, c.name, c.ring, days, c.rhythm_days, days / c.rhythm_days, c.last_contact is None
    )


def _order(c: Candidate, days: int) -> tuple:
    return RING_ORDER.get(c.ring, 3), -(days / c.rhythm_days), c.name


def rank_reach_out(people: Iterable[Candidate], today: date) -> list[Suggestion]:
    """People who are due or drifting, inner ring first, then the most overdue for their rhythm.

    Someone never seen counts from the day they were added; snoozed people wait until the
    snooze ends; people seen recently enough are not suggested at all.
    """
    due = sorted(_due(people, today), key=lambda found: _order(*found))
    return [_suggestion(c, days) for c, days in due]


def first_to_reach(people: Iterable[Candidate], today: date) -> Suggestion | None:
    """What `rank_reach_out` puts first (None when nobody is due), without writing out a
    suggestion for everyone else."""
    first = min(_due(people, today), key=lambda found: _order(*found), default=None)
    return None if first is None else _suggestion(*first)
