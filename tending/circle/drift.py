"""Keep-in-touch rhythm and drift: pure functions of dates, no database."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

RING_RHYTHM_DAYS = {"inner": 7, "middle": 30, "outer": 180}


class Drift(StrEnum):
    IN_RHYTHM = "in-rhythm"
    DUE = "due"
    DRIFTING = "drifting"
    NEVER = "never"

    @property
    def label(self) -> str:
        return DRIFT_LABELS[self]


DRIFT_LABELS = {
    Drift.IN_RHYTHM: gettext_lazy("In rhythm"),
    Drift.DUE: pgettext_lazy("keeping in touch", "Due"),
    Drift.DRIFTING: gettext_lazy("Drifting"),
    Drift.NEVER: gettext_lazy("No moments yet"),
}


def default_rhythm(ring: str) -> int:
    return RING_RHYTHM_DAYS[ring]


def due_from_day(rhythm_days: int) -> int:
    """The day from which someone counts as due: the last fifth of the rhythm.

    That is ceil(0.8 * rhythm), in whole numbers so that no float rounding (0.8 * 5 is
    4.000000000000001) moves the day: the smallest day d with 5d >= 4 * rhythm. A rhythm is
    at least a day (the model's validator), so this is always day 1 or later.
    """
    return -(-4 * rhythm_days // 5)


def days_between(earlier: date, later: date) -> int:
    """Whole days from one date to a later one, never negative.

    A moment a few minutes in the future (another device's clock, a time typed across
    midnight) lands on tomorrow's date; it counts as today, not as "-1 days ago".
    """
    return max(0, (later - earlier).days)


def drift_status(last_contact: date | None, rhythm_days: int, today: date) -> Drift:
    """In rhythm, due, or drifting (longer since the last moment than the rhythm asks)."""
    if last_contact is None:
        return Drift.NEVER
    days = days_between(last_contact, today)
    if days > rhythm_days:
        return Drift.DRIFTING
    if days >= due_from_day(rhythm_days):
        return Drift.DUE
    return Drift.IN_RHYTHM


def rhythm_words(rhythm_days: int) -> str:
    """'every week', 'every 2 weeks', 'every month', 'every 6 months', 'every 10 days'..."""
    if rhythm_days == 1:
        return _("every day")
    if rhythm_days % 365 == 0:
        years = rhythm_days // 365
        return ngettext("every year", "every %(count)d years", years) % {"count": years}
    if rhythm_days % 30 == 0:
        months = rhythm_days // 30
        return ngettext("every month", "every %(count)d months", months) % {"count": months}
    if rhythm_days % 7 == 0:
        weeks = rhythm_days // 7
        return ngettext("every week", "every %(count)d weeks", weeks) % {"count": weeks}
    return ngettext("every %(count)d day", "every %(count)d days", rhythm_days) % {
        "count": rhythm_days
    }


def days_words(days: int) -> str:
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}


class Rhythm(NamedTuple):  # a tuple: made for everyone in the circle on each visit
    """What the person page says about keeping in touch with someone."""

    status: Drift
    days_since: int | None
    rhythm_days: int

    @property
    def last_seen_words(self) -> str:
        return "" if self.days_since is None else days_words(self.days_since)

    @property
    def summary(self) -> str:
        words = {"rhythm": rhythm_words(self.rhythm_days)}
        if self.days_since is None:
            return _("No moments logged yet; you hoped to be in touch %(rhythm)s.") % words
        words["since"] = days_words(self.days_since)
        if self.status is Drift.DRIFTING:
            over = self.days_since - self.rhythm_days
            return ngettext(
                "Last moment %(since)s; you hoped to be in touch %(rhythm)s, so that is "
                "%(count)d day longer.",
                "Last moment %(since)s; you hoped to be in touch %(rhythm)s, so that is "
                "%(count)d days longer.",
                over,
            ) % {**words, "count": over}
        if self.status is Drift.DUE:
            left = self.rhythm_days - self.days_since
            if left == 0:
                return (
                    _(
                        "Last moment %(since)s; you hoped to be in touch %(rhythm)s, "
                        "so it is due today."
                    )
                    % words
                )
            return ngettext(
                "Last moment %(since)s; you hoped to be in touch %(rhythm)s, so it is due within "
                "%(count)d day.",
                "Last moment %(since)s; you hoped to be in touch %(rhythm)s, so it is due within "
                "%(count)d days.",
                left,
            ) % {**words, "count": left}
        return _("Last moment %(since)s; you hoped to be in touch %(rhythm)s.") % words


def rhythm_for(last_contact: date | None, rhythm_days: int, today: date) -> Rhythm:
    days = None if last_contact is None else days_between(last_contact, today)
    return Rhythm(drift_status(last_contact, rhythm_days, today), days, rhythm_days)
