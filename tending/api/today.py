"""Today's suggestions: the one next step, someone to reach out to, a prompt, what is due,
what is coming up; and "not now" for the person suggested."""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from tending.api.common import READ_ERRORS, WRITE_ERRORS, Shown
from tending.api.safety_shown import SafetyHelpOut, safety_help
from tending.circle.models import Person, Ring
from tending.core.ownership import get_owned_or_404
from tending.today.next_step import MOMENT, PROMPT, PULSE, REACH
from tending.today.overview import MAX_TURN, today_for
from tending.today.services import set_aside

router = Router(tags=["today"])


class PersonRef(Shown):
    person_id: int
    name: str


class ReachOutOut(Shown):
    person_id: int
    name: str
    reason: str = Field(description="Why now, in words.")
    ring: Literal[tuple(Ring.values)]  # type: ignore[valid-type]
    days_since: int = Field(description="Days since the last moment (or since being added).")
    rhythm_days: int
    phone: str
    email: str
    more_waiting: int = Field(description="How many more are due besides this one.")


class PromptOut(Shown):
    id: str
    text: str
    theme: str
    theme_label: str


class DueOut(Shown):
    instrument_id: str
    title: str
    measures: str


class BirthdayOut(Shown):
    person_id: int
    name: str
    on: date
    is_today: bool


class GoalStepOut(Shown):
    goal_id: int
    step_id: int
    text: str
    due: date
    waiting: bool = Field(description="Its day has passed; still there, whenever ready.")


class BraveStepOut(Shown):
    id: int
    text: str


class TodaySafetyOut(SafetyHelpOut):
    unfinished: list[DueOut] = Field(description="Unfinished check-ins whose answers signal risk.")


class TodayOut(Shown):
    day: date
    next_step: Literal[PULSE, REACH, PROMPT, MOMENT] = Field(  # type: ignore[valid-type]
        description="What leads the page: the pulse, reaching out, a prompt or a moment."
    )
    safety: TodaySafetyOut | None = Field(
        description="A risky answer kept in an unfinished check-in: the help its result shows."
    )
    welcome_back_days: int | None = Field(description="Days away, after a week or more.")
    pulse_due: bool = Field(description="The daily pulse is not done yet today.")
    reach_out: ReachOutOut | None
    has_people: bool
    not_yet_seen: list[PersonRef] = Field(
        description="When nobody is due: no moment with them yet."
    )
    not_yet_seen_more: int
    set_aside: int = Field(description='People set aside with "not now", still waiting.')
    prompt: PromptOut | None
    next_another: int = Field(description="Pass as `another` for a different prompt.")
    checkins_due: list[DueOut] = Field(description="Check-ins due besides the daily pulse.")
    review_day: bool = Field(description="Today is the day chosen for the weekly review.")
    to_thank: list[PersonRef] = Field(description="They answered a Mirror round lately.")
    brave_step: BraveStepOut | None = Field(description="None on a hard day's pause.")
    birthdays: list[BirthdayOut] = Field(description="In the next two weeks, soonest first.")
    goal_steps: list[GoalStepOut]
    more_goal_steps: int


class TodayQuery(Schema):
    another: int = Field(0, ge=0, le=MAX_TURN, description="Which other prompt (0: the first).")


def _due(inst) -> DueOut:
    return DueOut(instrument_id=inst.id, title=inst.title, measures=inst.measures)


def _people(rows) -> list[PersonRef]:
    return [PersonRef(person_id=p.pk, name=p.name) for p in rows]


@router.get("/today", response={200: TodayOut, **READ_ERRORS})
def today(request: HttpRequest, query: Query[TodayQuery]):
    """What the Today page shows the caller now, worked out as the page works it out."""
    day = timezone.localdate()
    seen = today_for(request.user, day, query.another)
    suggestion, person, prompt = seen["suggestion"], seen["person"], seen["prompt"]
    safety = None
    if seen["risky_drafts"]:
        help_ = safety_help(request.user, seen["fired"])
        unfinished = [_due(draft.instrument) for draft in seen["risky_drafts"]]
        safety = TodaySafetyOut(**help_.model_dump(), unfinished=unfinished)
    return TodayOut(
        day=day,
        next_step=seen["lead"],
        safety=safety,
        welcome_back_days=seen["away"],
        pulse_due=seen["pulse"] is not None,
        reach_out=None
        if suggestion is None
        else ReachOutOut(
            person_id=person.pk,
            name=person.name,
            reason=suggestion.reason,
            ring=person.ring,
            days_since=suggestion.days_since,
            rhythm_days=suggestion.rhythm_days,
            phone=person.phone,
            email=person.email,
            more_waiting=seen["more_waiting"],
        ),
        has_people=seen["has_people"],
        not_yet_seen=_people(seen["not_yet_seen"]),
        not_yet_seen_more=seen["not_yet_seen_more"],
        set_aside=seen["set_aside"],
        prompt=None
        if prompt is None
        else PromptOut(
            id=prompt.id, text=prompt.text, theme=prompt.theme, theme_label=prompt.theme_label
        ),
        next_another=min(seen["next_turn"], MAX_TURN),
        checkins_due=[_due(inst) for inst in seen["other_due"]],
        review_day=seen["review_day"],
        to_thank=_people(seen["to_thank"]),
        brave_step=None
        if seen["brave_step"] is None
        else BraveStepOut(id=seen["brave_step"].key, text=seen["brave_step"].text),
        birthdays=[
            BirthdayOut(person_id=who.pk, name=who.name, on=when, is_today=when == day)
            for when, who in seen["birthdays"]
        ],
        goal_steps=[
            GoalStepOut(
                goal_id=up.goal.key,
                step_id=up.step.key,
                text=up.step.text,
                due=up.step.due,
                waiting=up.waiting,
            )
            for up in seen["goal_steps"]
        ],
        more_goal_steps=seen["more_goal_steps"],
    )


class SetAsideOut(Shown):
    person_id: int
    until: date = Field(description="They are not suggested again before this day.")
    message: str


@router.post("/today/not-now/{person_id}", response={200: SetAsideOut, **WRITE_ERRORS})
def not_now(request: HttpRequest, person_id: int):
    """ "Not now" for someone suggested: set aside for a few days; nothing else changes.
    ("Done" is a moment with them: POST /moments.)"""
    day = timezone.localdate()
    person = get_owned_or_404(Person, request.user, pk=person_id)
    until = set_aside(request.user, person, day)
    message = f"{person.name} can wait. They will come up again in a few days."
    return SetAsideOut(person_id=person.pk, until=until, message=message)
