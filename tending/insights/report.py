"""A report to share with a supporter, as plain data: the period and parts the person chose,
each check-in's scale and results, a summary of moments, chosen journal entries, the safety plan
and findings. The page and the PDF both draw this. Of Django, only its translation: the
words made here are said in the page's language."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from django.utils.translation import (
    get_language,
    gettext,
    gettext_lazy,
    gettext_noop,
    ngettext,
    pgettext_lazy,
)
from markupsafe import Markup, escape

from tending.checkins.definitions import Instrument
from tending.checkins.scoring import band_for, shown_score
from tending.core.date_format import format_date

# The parts a report can hold, in the order they appear, with the words the form shows.
SECTIONS = (
    ("scores", gettext_lazy("Check-in scores, with the scale each one follows")),
    ("moments", gettext_lazy("Moments: how many, with whom, how they went")),
    ("journal", gettext_lazy("Journal entries you choose below")),
    ("safety", gettext_lazy("Your safety plan")),
    ("findings", gettext_lazy("What your own days show (findings)")),
)
SECTION_KEYS = tuple(key for key, _ in SECTIONS)
# Private parts are left out unless the person ticks them.
DEFAULT_SECTIONS = ("scores", "moments", "findings")
DEFAULT_MONTHS = 3
MAX_YEARS = 20
RESULTS_SHOWN = 400  # results listed per check-in; the rest are counted, not lost
FINDINGS_SHOWN = 10  # the clearest findings a report lists; how many there are in all is said
RINGS = (
    ("inner", pgettext_lazy("a report's ring", "Inner ring")),
    ("middle", pgettext_lazy("a report's ring", "Middle ring")),
    ("outer", pgettext_lazy("a report's ring", "Outer ring")),
)
# How the moments went on average: (label, top of its scale). The label stays English in
# the data (as the API gives it); AVERAGE_WORDS says it.
AVERAGE_WORDS = {
    "felt understood": pgettext_lazy("a report's average", "felt understood"),
    "felt safe": pgettext_lazy("a report's average", "felt safe"),
    "closeness afterwards": pgettext_lazy("a report's average", "closeness afterwards"),
}

# In English, as the tests compare them; period_problems says them in the page's language.
START_AFTER_END = gettext_noop(
    "The start is after the end; please choose a start on or before the end."
)
END_AHEAD = gettext_noop("The report can end today at the latest.")
TOO_LONG_WORDS = gettext_noop("Please choose a period of at most %(years)d years.")
TOO_LONG = TOO_LONG_WORDS % {"years": MAX_YEARS}


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def default_period(today: date) -> tuple[date, date]:
    return months_before(today, DEFAULT_MONTHS), today


def period_problems(start: date, end: date, today: date) -> dict[str, str]:
    """What is wrong with a period, by the field to say it next to; empty when it is fine."""
    problems = {}
    if end > today:
        problems["end"] = gettext(END_AHEAD)
    if start > end:
        problems["start"] = gettext(START_AFTER_END)
    elif months_before(end, 12 * MAX_YEARS) > start:
        problems["start"] = gettext(TOO_LONG_WORDS) % {"years": MAX_YEARS}
    return problems


class ScoreRow(NamedTuple):  # a tuple: a quarter's hundred are made and kept quickly
    instrument_id: str
    day: date
    total: float


def day_label(day: date) -> Markup:
    """ "2 Dec 2026", as the results table shows a day in the page's language (worked out and
    escaped once per day and language)."""
    return _day_label(day, get_language())


@lru_cache(maxsize=4096)
def _day_label(day: date, language: str | None) -> Markup:
    return escape(format_date(day, "j M Y"))


class Result(NamedTuple):
    day: date
    score: float
    band: str

    @property
    def when(self) -> str:
        return day_label(self.day)


@dataclass(frozen=True)
class Scale:
    title: str
    measures: str
    higher_is: str  # "better" or "worse"
    range: tuple[float, float]
    bands: tuple[tuple[float, float, str, str], ...]  # low, high, label, meaning
    results: tuple[Result, ...]  # in order of time, at most RESULTS_SHOWN
    left_out: int  # earlier results in the period not listed


@dataclass(frozen=True)
class MomentTotals:
    """The period's moments, added up by the database: how many, and for each rating its sum
    and how many moments gave it."""

    count: int = 0
    understood: tuple[int, int] = (0, 0)  # sum, how many rated
    safe: tuple[int, int] = (0, 0)
    closeness: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class RingSummary:
    label: str
    people: tuple[tuple[str, int], ...]  # (name, moments with them), most first


@dataclass(frozen=True)
class MomentsSummary:
    count: int
    rings: tuple[RingSummary, ...]
    averages: tuple[tuple[str, float, int, int], ...]  # label, mean, top of scale, how many


@dataclass(frozen=True)
class EntryText:
    day: date
    heading: str
    body: str


@dataclass(frozen=True)
class PlanPart:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    sections: tuple[str, ...]
    scales: tuple[Scale, ...] = ()
    moments: MomentsSummary | None = None
    entries: tuple[EntryText, ...] = ()
    plan: tuple[PlanPart, ...] = ()
    findings: tuple[tuple[str, str], ...] = ()  # (status, sentence), the clearest first
    findings_total: int = 0  # how many there are, listed or not

    @property
    def findings_left_out(self) -> str:
        """What is said of the findings not listed, or nothing when all are."""
        more = self.findings_total - len(self.findings)
        if more <= 0:
            return ""
        return ngettext(
            "%(num)d more pattern, less clear than these, is in tending's Insights.",
            "%(num)d more patterns, less clear than these, are in tending's Insights.",
            more,
        ) % {"num": more}

    def has(self, section: str) -> bool:
        return section in self.sections


def average_words(label: str, mean: str, top: int, rated: int) -> str:
    """One of the moments' averages as the report says it: "On average felt understood: 4.2
    of 5 (12 rated)." (`mean` as the page or the PDF writes the number)."""
    return gettext("On average %(label)s: %(mean)s of %(top)s (%(rated)s rated).") % {
        "label": AVERAGE_WORDS.get(label, label),
        "mean": mean,
        "top": top,
        "rated": rated,
    }


def status_words(status: str) -> str:
    """A finding's status as the report says it before the sentence: "Finding", "Early sign"."""
    return gettext("Early sign") if status == "early sign" else gettext("Finding")


def scales(
    rows: Iterable[ScoreRow], instruments: Mapping[str, Instrument], shown: int = RESULTS_SHOWN
) -> tuple[Scale, ...]:
    """Each check-in taken in the period, with what it measures, its bands and every result
    (the latest `shown` of them when there are more), in the order the instruments are listed."""
    by_instrument: dict[str, list[ScoreRow]] = {}
    for row in rows:
        by_instrument.setdefault(row.instrument_id, []).append(row)
    found = []
    for inst_id, inst in instruments.items():
        taken = sorted(by_instrument.get(inst_id, ()), key=lambda r: r.day)
        if not taken:
            continue
        kept = taken[-shown:]
        results = []
        # A scale gives few distinct totals (a daily pulse's are quarters from 1 to 5): each
        # is shown and banded once.
        seen: dict[float, tuple[float, str]] = {}
        for row in kept:
            if row.total not in seen:
                band = band_for(inst, row.total)
                seen[row.total] = (shown_score(row.total), band.label if band else "")
            results.append(Result(row.day, *seen[row.total]))
        found.append(
            Scale(
                title=inst.title,
                measures=inst.measures,
                higher_is=inst.higher_is,
                range=inst.score_range(),
                bands=tuple((b.low, b.high, b.label, b.meaning) for b in inst.bands),
                results=tuple(results),
                left_out=len(taken) - len(kept),
            )
        )
    return tuple(found)


def moments_summary(totals: MomentTotals, people: Iterable[tuple[str, str, int]]) -> MomentsSummary:
    """How many moments, with whom by ring (each person with their moments, most first), and
    how they went on average over the moments that were rated. `people` is (ring, name,
    moments) as the database counted them."""
    by_ring: dict[str, list[tuple[str, int]]] = {key: [] for key, _ in RINGS}
    for ring, name, count in people:
        if ring in by_ring and count:
            by_ring[ring].append((name, count))
    rings = tuple(
        RingSummary(str(label), tuple(sorted(by_ring[key], key=lambda p: (-p[1], p[0].casefold()))))
        for key, label in RINGS
        if by_ring[key]
    )
    averages = []
    for label, top, (total, rated) in (
        ("felt understood", 5, totals.understood),
        ("felt safe", 5, totals.safe),
        ("closeness afterwards", 7, totals.closeness),
    ):
        if rated:
            averages.append((label, shown_score(total / rated), top, rated))
    return MomentsSummary(totals.count, rings, tuple(averages))


def assemble(
    start: date,
    end: date,
    sections: Iterable[str],
    *,
    instruments: Mapping[str, Instrument] | None = None,
    scores: Iterable[ScoreRow] = (),
    moments: tuple[MomentTotals, Iterable[tuple[str, str, int]]] | None = None,
    entries: Iterable[EntryText] = (),
    plan: Iterable[PlanPart] = (),
    findings: Iterable[tuple[str, str]] = (),
    shown_scales: tuple[Scale, ...] | None = None,
) -> Report:
    """The report holding only the chosen sections; what was not chosen is never in it.
    `shown_scales`, when given, are the scales `scales(scores, instruments)` made before."""
    chosen = tuple(key for key in SECTION_KEYS if key in set(sections))
    found = tuple(findings) if "findings" in chosen else ()
    summary = None
    if "moments" in chosen:
        summary = moments_summary(*(moments or (MomentTotals(), ())))
    return Report(
        start=start,
        end=end,
        sections=chosen,
        scales=(
            (shown_scales if shown_scales is not None else scales(scores, instruments or {}))
            if "scores" in chosen
            else ()
        ),
        moments=summary,
        entries=tuple(sorted(entries, key=lambda e: e.day)) if "journal" in chosen else (),
        plan=tuple(part for part in plan if part.lines) if "safety" in chosen else (),
        findings=found[:FINDINGS_SHOWN],
        findings_total=len(found),
    )
