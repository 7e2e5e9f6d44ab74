"""Insights, read only: the findings as the insights page words them, and the weekly review."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from tending.api.common import READ_ERRORS, FormInvalid, Shown
from tending.core.kept_with import KeptWith
from tending.insights import findings as kept_findings
from tending.insights.assemble import FEWEST_DAYS
from tending.insights.diary import EARLY_SIGN, FINDING, Finding
from tending.insights.review_queries import review_for
from tending.insights.showing import (
    MEANING,
    NOT_ENOUGH_DAYS,
    NOTHING_STANDS_OUT,
    SCALE_TOPS,
    nothing_stands_out_words,
    shown,
    still_needed_words,
    too_few_words,
)
from tending.insights.views import FIRST_SHOWN
from tending.insights.weeks import parse_day, week_just_gone, week_of, week_start

router = Router(tags=["insights"])

# An exposure about one person names them by id: "person-12" (days with time with them) or
# "moments-with-12" (how moments with them went); see tending/insights/diary.py.
_ABOUT_PERSON = re.compile(r"(?:person|moments-with)-(\d+)")


class FindingOut(Shown):
    sentence: str = Field(description="The pattern in words, never as a cause.")
    status: Literal[FINDING, EARLY_SIGN]  # type: ignore[valid-type]
    early: bool = Field(description="An early sign: it may fade or grow firmer with more days.")
    days: str = Field(description="How many days (or rated moments) it rests on, in words.")
    size: str = Field(description="How large the difference likely is, in words.")
    exposure: str = Field(description='What the days differ by: "moment-any", "person-12"…')
    outcome: str = Field(description='What differs: "pulse-mood", "felt_safe"…')
    lag_days: int = Field(description="0: the same day; 1: the next day.")
    person: str | None
    person_id: int | None = Field(description="The person it is about, if it is about one.")
    effect: float = Field(description="The difference, in the outcome's own points.")
    interval_low: float = Field(description="The 95% interval of the difference: from…")
    interval_high: float = Field(description="…to. A chart draws `effect` between these.")
    scale_top: int | None = Field(description="The outcome's scale runs from 1 to this.")
    n_days: int
    n_effective: float = Field(description="How many independent days the days are worth.")
    q: float = Field(description="The false-discovery-adjusted p value.")
    shown_first: bool = Field(
        description="Among the strongest the page shows at once; the rest wait behind a tap."
    )


class InsightsOut(Shown):
    state: Literal["findings", "not-enough-days", "nothing-stands-out"]
    title: str | None = Field(description="What the page says when there are no findings.")
    message: str | None = Field(description="Why there are none yet, and what would help.")
    findings: list[FindingOut] = Field(description="Strongest first: firm ones, then early signs.")
    days: int = Field(description="Days the findings are worked out from.")
    pulse_days: int = Field(description="Of those, days with a daily pulse.")
    fewest_days: int = Field(description="Days with a daily pulse before patterns can show.")
    days_still_needed: int = Field(description="Days with a daily pulse still to come for that.")
    still_needed: str | None = Field(description='The same in words: "5 more days".')
    meaning: list[str] = Field(description="What every finding does and does not mean.")


def _person_id(exposure: str) -> int | None:
    found = _ABOUT_PERSON.fullmatch(exposure)
    return int(found.group(1)) if found else None


def finding_rows(found: list[Finding], first: int | None = None) -> list[FindingOut]:
    """The findings with the page's words beside each (tending.insights.showing)."""
    rows = []
    for at, (finding, words) in enumerate(zip(found, shown(found), strict=True)):
        low, high = finding.interval
        rows.append(
            FindingOut(
                sentence=finding.sentence,
                status=finding.status,
                early=words.early,
                days=words.days,
                size=words.size,
                exposure=finding.exposure,
                outcome=finding.outcome,
                lag_days=finding.lag_days,
                person=finding.person,
                person_id=_person_id(finding.exposure),
                effect=finding.effect,
                interval_low=low,
                interval_high=high,
                scale_top=SCALE_TOPS.get(finding.outcome),
                n_days=finding.n_days,
                n_effective=finding.n_effective,
                q=finding.q,
                shown_first=first is None or at < first,
            )
        )
    return rows


# Written once for each result worked out, as the page writes its list: the same result
# object is handed out while the person's data is unchanged (tending.insights.findings).
_written = KeptWith()


@router.get("/insights", response={200: InsightsOut, **READ_ERRORS})
def insights(request: HttpRequest):
    """What the person's own days show, as the insights page says it. Kept while their
    moments, pulses and people are unchanged, so asking again costs one query."""
    found = kept_findings.current(request.user)
    rows = _written.get(found, None, lambda: finding_rows(found.findings, FIRST_SHOWN))
    still = found.days_still_needed
    if found.findings:
        state, title, message = "findings", None, None
    elif still:
        state, title = "not-enough-days", NOT_ENOUGH_DAYS
        message = too_few_words(found.pulse_days, FEWEST_DAYS)
    else:
        state, title = "nothing-stands-out", NOTHING_STANDS_OUT
        message = nothing_stands_out_words(found.pulse_days)
    return {
        "state": state,
        "title": title,
        "message": message,
        "findings": rows,
        "days": found.days,
        "pulse_days": found.pulse_days,
        "fewest_days": FEWEST_DAYS,
        "days_still_needed": still,
        "still_needed": still_needed_words(still) if still else None,
        "meaning": [paragraph.striptags() for paragraph in MEANING],
    }


class WeekQuery(Schema):
    day: str | None = Field(
        None,
        max_length=40,
        description="Any day of the week (YYYY-MM-DD). Empty: the week "
        "just gone (this week from its fourth day on).",
    )


class ReviewMoment(Shown):
    id: int
    day: date
    people: list[str]
    person_ids: list[int]
    understood: int | None = Field(description="Felt understood, 1-5.")
    safe: int | None = Field(description="Felt safe, 1-5.")
    closeness: int | None = Field(description="Closeness afterwards, 1-7.")
    self_shared: int | None = Field(description="How much you shared, 0-4.")
    other_shared: int | None = Field(description="How much they shared, 0-4.")
    how_it_went: list[str]


class ReviewPeople(Shown):
    name: str
    moments: int


class ReviewAverage(Shown):
    label: str
    value: float
    top: int
    rated: int = Field(description="How many moments it is the average of.")


class ReviewChange(Shown):
    delta: float
    direction: Literal["better", "worse", "same"]
    words: str
    meaningful: bool | None = Field(description="Empty when the scale defines no such change.")


class ReviewCheckIn(Shown):
    id: int
    title: str
    day: date
    score: float
    band: str
    change: ReviewChange | None = Field(description="Since the one taken before it.")


class ReviewEntry(Shown):
    id: int
    day: date
    heading: str
    first_line: str


class ReviewStep(Shown):
    brave: bool = Field(description="A brave step; otherwise a step towards a goal.")
    text: str
    goal: str
    day: date


class ReviewOverdue(Shown):
    person_id: int
    name: str
    reason: str


class ReviewPrompt(Shown):
    id: str
    text: str


class WeekOut(Shown):
    start: date
    end: date
    earlier: date | None = Field(description="The first day of the week before, if any.")
    later: date | None = Field(description="The first day of the week after, once begun.")
    is_current: bool
    is_empty: bool = Field(description="No moment, check-in or journal entry this week.")
    moments: list[ReviewMoment]
    people: list[ReviewPeople] = Field(description="Who the moments were with, most first.")
    averages: list[ReviewAverage]
    checkins: list[ReviewCheckIn]
    entries: list[ReviewEntry]
    goal_steps: list[ReviewStep]
    findings: list[FindingOut] = Field(description="New this week in what your days show.")
    more_findings: int = Field(description="More new ones, left to the insights page.")
    overdue: ReviewOverdue | None = Field(description="Someone to reach out to now.")
    prompt: ReviewPrompt | None = Field(description="One question to write about.")


def _asked_week(day: str | None, today: date):
    start = week_just_gone(today)
    if day:
        parsed = parse_day(day)
        start = week_start(parsed) if parsed else None
    week = week_of(start, today) if start else None
    if week is None:
        problem = "Please give a day from 1900 up to today, like 2026-03-14."
        raise FormInvalid([{"loc": ["query", "day"], "msg": problem, "type": "invalid"}])
    return week


@router.get("/insights/week", response={200: WeekOut, **READ_ERRORS})
def weekly_review(request: HttpRequest, query: Query[WeekQuery]):
    """The weekly review of one week, as the week's page shows it."""
    today = timezone.localdate()
    week = _asked_week(query.day, today)
    review = review_for(request.user, week, today)
    overdue = review.overdue
    return {
        "start": week.start,
        "end": week.end,
        "earlier": week.earlier,
        "later": week.later,
        "is_current": week.is_current,
        "is_empty": review.is_empty,
        # The review's rows as they are: each schema reads the fields it names from them.
        "moments": list(review.moments),
        "people": [{"name": name, "moments": n} for name, n in review.people],
        "averages": list(review.averages),
        "checkins": list(review.checkins),
        "entries": list(review.entries),
        "goal_steps": list(review.goal_steps),
        "findings": finding_rows(list(review.findings)),
        "more_findings": review.more_findings,
        "overdue": None
        if overdue is None
        else {"person_id": overdue.key, "name": overdue.name, "reason": overdue.reason},
        "prompt": None
        if review.prompt is None
        else {"id": review.prompt.id, "text": review.prompt.text},
    }
