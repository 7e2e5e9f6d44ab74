"""A report to share with a supporter, as plain data: the period and parts the person chose,
each check-in's scale and results, a summary of moments, chosen journal entries, the safety plan
and findings. The page and the PDF both draw this. No Django here."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tending.checkins.definitions import Instrument
from tending.checkins.scoring import band_for, shown_score
from tending.insights.review import average_of

# The parts a report can hold, in the order they appear, with the words the form shows.
SECTIONS = (
    ("scores", "Check-in scores, with the scale each one follows"),
    ("moments", "Moments: how many, with whom, how they went"),
    ("journal", "Journal entries you choose below"),
    ("safety", "Your safety plan"),
    ("findings", "What your own days show (findings)"),
)
SECTION_KEYS = tuple(key for key, _ in SECTIONS)
# Private parts are left out unless the person ticks them.
DEFAULT_SECTIONS = ("scores", "moments", "findings")
DEFAULT_MONTHS = 3
MAX_YEARS = 20
RESULTS_SHOWN = 400  # results listed per check-in; the rest are counted, not lost
RINGS = (("inner", "Inner ring"), ("middle", "Middle ring"), ("outer", "Outer ring"))

START_AFTER_END = "The start is after the end; please choose a start on or before the end."
END_AHEAD = "The report can end today at the latest."
TOO_LONG = f"Please choose a period of at most {MAX_YEARS} years."


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
        problems["end"] = END_AHEAD
    if start > end:
        problems["start"] = START_AFTER_END
    elif months_before(end, 12 * MAX_YEARS) > start:
        problems["start"] = TOO_LONG
    return problems


@dataclass(frozen=True)
class ScoreRow:
    instrument_id: str
    day: date
    total: float


@lru_cache(maxsize=4096)
def day_label(day: date) -> str:
    """ "2 Dec 2026", as the results table shows a day (worked out once per day)."""
    return f"{day.day} {day:%b %Y}"


@dataclass(frozen=True)
class Result:
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
class MomentPersonRow:
    """One person in one moment of the period (a moment with two people gives two rows)."""

    moment_id: int
    person: str
    ring: str
    understood: int | None
    safe: int | None
    closeness: int | None


@dataclass(frozen=True)
class RingSummary:
    label: str
    moments: int
    people: tuple[str, ...]


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
    findings: tuple[tuple[str, str], ...] = ()  # (status, sentence)

    def has(self, section: str) -> bool:
        return section in self.sections


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
        for row in kept:
            band = band_for(inst, row.total)
            results.append(Result(row.day, shown_score(row.total), band.label if band else ""))
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


def moments_summary(rows: Sequence[MomentPersonRow]) -> MomentsSummary:
    """How many moments, with whom by ring, and how they went on average (each moment once)."""
    once: dict[int, MomentPersonRow] = {}
    rings: dict[str, tuple[set[int], set[str]]] = {key: (set(), set()) for key, _ in RINGS}
    for row in rows:
        once.setdefault(row.moment_id, row)
        if row.ring in rings:
            rings[row.ring][0].add(row.moment_id)
            rings[row.ring][1].add(row.person)
    summaries = tuple(
        RingSummary(label, len(rings[key][0]), tuple(sorted(rings[key][1], key=str.casefold)))
        for key, label in RINGS
        if rings[key][0]
    )
    averages = []
    for label, top, pick in (
        ("felt understood", 5, lambda r: r.understood),
        ("felt safe", 5, lambda r: r.safe),
        ("closeness afterwards", 7, lambda r: r.closeness),
    ):
        result = average_of(pick(r) for r in once.values())
        if result is not None:
            averages.append((label, result[0], top, result[1]))
    return MomentsSummary(len(once), summaries, tuple(averages))


def assemble(
    start: date,
    end: date,
    sections: Iterable[str],
    *,
    instruments: Mapping[str, Instrument] | None = None,
    scores: Iterable[ScoreRow] = (),
    moments: Sequence[MomentPersonRow] = (),
    entries: Iterable[EntryText] = (),
    plan: Iterable[PlanPart] = (),
    findings: Iterable[tuple[str, str]] = (),
) -> Report:
    """The report holding only the chosen sections; what was not chosen is never in it."""
    chosen = tuple(key for key in SECTION_KEYS if key in set(sections))
    return Report(
        start=start,
        end=end,
        sections=chosen,
        scales=scales(scores, instruments or {}) if "scores" in chosen else (),
        moments=moments_summary(moments) if "moments" in chosen else None,
        entries=tuple(sorted(entries, key=lambda e: e.day)) if "journal" in chosen else (),
        plan=tuple(part for part in plan if part.lines) if "safety" in chosen else (),
        findings=tuple(findings) if "findings" in chosen else (),
    )
