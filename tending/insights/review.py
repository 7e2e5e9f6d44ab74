"""The weekly review as plain data: the week's moments and how they went, check-ins with their
changes, journal entries, the person most overdue, findings and one question. Of Django, only
its translation: the short phrases are said in the page's language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import gettext as _

from tending.checkins.definitions import Instrument
from tending.checkins.scoring import Change, band_for, change_since, shown_score
from tending.core.date_format import format_date

# How much was shared in a moment, 0-4, in words that fit "you shared …".
SHARED = "after 'you shared'"
SHARING_WORDS = ("nothing personal", "facts", "thoughts", "feelings", "something vulnerable")
_SHARING_MARKED = (  # marked to be translated; sharing_words() looks each up
    pgettext_lazy("after 'you shared'", "nothing personal"),
    pgettext_lazy("after 'you shared'", "facts"),
    pgettext_lazy("after 'you shared'", "thoughts"),
    pgettext_lazy("after 'you shared'", "feelings"),
    pgettext_lazy("after 'you shared'", "something vulnerable"),
)
FIRST_LINE = 140  # characters of an entry's first line shown in the review


def short_day(day: date) -> str:
    """ "Mon 23 Nov": a day of the week as a row shows it, in the page's language (worked
    out once per day and language; Django's date filter for every row was a good part of
    the page)."""
    return _short_day(day, get_language())


@lru_cache(maxsize=512)
def _short_day(day: date, language: str | None) -> str:
    return format_date(day, "D j M")


# New findings a week's review names: the first review after years of days would otherwise
# list every pattern at once; the rest wait on the insights page.
WEEK_FINDINGS = 5


class MomentRow(NamedTuple):  # a tuple: made for each row of a week
    id: int
    day: date
    people: tuple[str, ...]
    understood: int | None = None  # 1-5
    safe: int | None = None  # 1-5
    closeness: int | None = None  # 1-7
    self_shared: int | None = None  # 0-4
    other_shared: int | None = None  # 0-4
    # Who each name is, in the same order: two people may share a name. Without them, the
    # names alone say who.
    person_ids: tuple[int, ...] = ()

    @property
    def when(self) -> str:
        return short_day(self.day)

    @property
    def how_it_went(self) -> list[str]:
        """Short phrases for what was rated, in the order the moment form asks."""
        return list(
            how_it_went(
                self.self_shared, self.other_shared, self.understood, self.closeness, self.safe
            )
        )


def how_it_went(
    self_shared: int | None,
    other_shared: int | None,
    understood: int | None,
    closeness: int | None,
    safe: int | None,
) -> tuple[str, ...]:
    """A moment's ratings as short phrases (see MomentRow.how_it_went), in the page's
    language: a few numbers, so the same few phrases for most of a week's moments, worked
    out once for each language."""
    return _how_it_went(self_shared, other_shared, understood, closeness, safe, get_language())


@lru_cache(maxsize=1024)
def _how_it_went(
    self_shared: int | None,
    other_shared: int | None,
    understood: int | None,
    closeness: int | None,
    safe: int | None,
    language: str | None,
) -> tuple[str, ...]:
    said = []
    if (mine := sharing_words(self_shared)) is not None:
        said.append(_("you shared %(what)s") % {"what": mine})
    if (theirs := sharing_words(other_shared)) is not None:
        said.append(_("they shared %(what)s") % {"what": theirs})
    if understood is not None:
        said.append(_("understood %(value)s of 5") % {"value": understood})
    if closeness is not None:
        said.append(_("closeness %(value)s of 7") % {"value": closeness})
    if safe is not None:
        said.append(_("safe %(value)s of 5") % {"value": safe})
    return tuple(said)


class CheckInRow(NamedTuple):  # a tuple: made for each row of a week
    id: int
    instrument_id: str
    day: date
    total: float
    previous: float | None  # the score of the one taken before it, if any


class EntryRow(NamedTuple):  # a tuple: made for each row of a week
    id: int
    day: date
    heading: str
    first_line: str

    @property
    def when(self) -> str:
        return short_day(self.day)


@dataclass(frozen=True)
class CheckInSeen:
    id: int
    title: str
    day: date
    score: float
    band: str
    change: Change | None

    @property
    def when(self) -> str:
        return short_day(self.day)

    @property
    def meaningful(self) -> bool:
        return bool(self.change and self.change.meaningful)


@dataclass(frozen=True)
class Average:
    label: str
    value: float  # one decimal
    top: int
    rated: int  # how many moments it is the average of


@dataclass(frozen=True)
class WeekReview:
    moments: tuple[MomentRow, ...]
    people: tuple[tuple[str, int], ...]  # (name, moments together), most first
    averages: tuple[Average, ...]
    checkins: tuple[CheckInSeen, ...]
    entries: tuple[EntryRow, ...]
    overdue: object | None = None  # a today.reach_out.Suggestion: the person most overdue now
    findings: tuple = ()  # the clearest new ones, at most WEEK_FINDINGS
    more_findings: int = 0  # new ones beyond those, left to the insights page
    prompt: object | None = None  # a journal.prompts.Prompt
    # Goal steps checked off and brave steps taken (review_queries.StepTaken), in order.
    goal_steps: tuple = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Nothing was logged this week: no moment, check-in or journal entry."""
        return not (self.moments or self.checkins or self.entries)

    @property
    def meaningful_changes(self) -> tuple[CheckInSeen, ...]:
        return tuple(seen for seen in self.checkins if seen.meaningful)


def sharing_words(level: int | None) -> str | None:
    """How much was shared, in the page's language; None when it was not said (or the value
    is not one of the five levels, which only a damaged row could hold)."""
    if level is None or not 0 <= level < len(SHARING_WORDS):
        return None
    return pgettext(SHARED, SHARING_WORDS[level])


def first_line(text: str, limit: int = FIRST_LINE) -> str:
    """The first non-empty line of a text, cut at a word near `limit` characters."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,;:") + "…"


def average_of(values: Iterable[int | None]) -> tuple[float, int] | None:
    """The mean of the values given (None left out), to one decimal, and how many there were."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return shown_score(sum(known) / len(known)), len(known)


def moment_averages(moments: Sequence[MomentRow]) -> tuple[Average, ...]:
    """How the moments went on average, for each rating given at least once."""
    found = []
    for label, top, values in (
        ("felt understood", 5, (m.understood for m in moments)),
        ("felt safe", 5, (m.safe for m in moments)),
        ("closeness afterwards", 7, (m.closeness for m in moments)),
    ):
        result = average_of(values)
        if result is not None:
            found.append(Average(label, result[0], top, result[1]))
    return tuple(found)


def people_counts(moments: Iterable[MomentRow]) -> tuple[tuple[str, int], ...]:
    """Who the moments were with, most moments first, then by name; two people with the
    same name are counted apart, not as one person with both's moments."""
    pairs = (zip(m.person_ids or m.people, m.people, strict=True) for m in moments)
    counts = Counter(pair for moment in pairs for pair in moment)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][1].casefold()))
    return tuple((name, n) for (_, name), n in ordered)


def checkins_seen(
    rows: Iterable[CheckInRow], instruments: Mapping[str, Instrument]
) -> tuple[CheckInSeen, ...]:
    """Each check-in of the week with its band and its change from the one before it."""
    seen = []
    for row in rows:
        inst = instruments.get(row.instrument_id)
        if inst is None:  # an instrument since removed: nothing to say what it means
            continue
        band = band_for(inst, row.total)
        change = change_since(inst, row.total, row.previous)
        label = band.label if band else ""
        seen.append(CheckInSeen(row.id, inst.title, row.day, shown_score(row.total), label, change))
    return tuple(sorted(seen, key=lambda s: (s.day, s.title, s.id)))


def week_review(
    moments: Sequence[MomentRow],
    checkins: Iterable[CheckInRow],
    entries: Iterable[EntryRow],
    instruments: Mapping[str, Instrument],
    *,
    overdue: object | None = None,
    findings: Iterable = (),
    prompt: object | None = None,
    goal_steps: Iterable = (),
) -> WeekReview:
    ordered = tuple(sorted(moments, key=lambda m: (m.day, m.id)))
    found = tuple(findings)  # clearest first, as the engine orders them
    return WeekReview(
        moments=ordered,
        people=people_counts(ordered),
        averages=moment_averages(ordered),
        checkins=checkins_seen(checkins, instruments),
        entries=tuple(sorted(entries, key=lambda e: (e.day, e.id))),
        overdue=overdue,
        findings=found[:WEEK_FINDINGS],
        more_findings=max(0, len(found) - WEEK_FINDINGS),
        prompt=prompt,
        goal_steps=tuple(goal_steps),
    )
