"""Today's one written-out query for the small things it needs from other parts: check-in
choices and drafts, journal prompts, the weekly review's day, people to thank after a Mirror
round, and Growth's open brave steps, a hard day's pause and this week's goal steps."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db import connection
from django.utils import timezone

from tending.checkins.models import CheckInChoice, CheckInDraft
from tending.core.dates import stored_day, stored_time
from tending.core.reads import Read, read_together
from tending.growth import brave, goals
from tending.growth.models import BraveStep, Goal, GoalStep
from tending.growth.queries import fired_cte, fired_cte_params
from tending.journal.models import Entry, HiddenPrompt
from tending.mirror.models import Invitation, Round
from tending.today.models import CalendarFeed

THANKS_DAYS = 30  # how long after a feedback round Today suggests thanking who answered


@dataclass(frozen=True, slots=True)
class SmallReads:
    """The few small things Today needs from other parts, read in one query."""

    chosen: dict[str, str]  # check-in id → the frequency the person chose
    drafts: list[tuple[str, dict]]  # unfinished check-ins' answers, newest first
    recent_prompts: set[str]  # prompts answered in the journal since the day asked about
    hidden_prompts: set[str]
    review_weekday: int | None = None  # the weekly review's day, from the calendar options
    # People of the circle who answered a Mirror round lately, with when the round opened.
    answered: list[tuple[int, datetime]] = field(default_factory=list)
    open_steps: list[brave.Step] = field(default_factory=list)  # brave steps to take
    # The newest check-in whose safety rule fired within a brave step's pause, if any.
    fired_at: datetime | None = None
    # Steps of active goals not yet done whose day is within Today's week (or past).
    goal_steps: list[goals.Goal] = field(default_factory=list)


def small_reads_read(user, prompts_since: date, now: datetime | None = None) -> Read:
    now = now or timezone.now()
    rounds_since = now - timedelta(days=THANKS_DAYS)
    today = now.astimezone(user.zone).date()
    last_day = today + timedelta(days=goals.COMING_UP_DAYS)
    return _small_reads_sql(), [
        *fired_cte_params(user, today),
        user.pk, user.pk, user.pk, prompts_since, user.pk, user.pk, user.pk, rounds_since,
        user.pk, False, user.pk, last_day,
    ]  # fmt: skip


def small_reads(user, prompts_since: date, rows: list | None = None) -> SmallReads:
    """Check-in choices, kept drafts, the journal prompts lately answered or hidden, the
    weekly review's day, and Growth's few rows.

    Several ORM queries cost Today more to build than to run; this is one written-out query.
    Each part's own functions (`checkins.queries.frequencies`, `risky_drafts`,
    `journal.offering.offer_prompt`, `growth.queries.step_offer`) read the same rows; tests
    keep them in step.
    """
    if rows is None:
        (rows,) = read_together([small_reads_read(user, prompts_since)])
    chosen, drafts, recent, hidden, review_weekday = {}, [], set(), set(), None
    answered, steps, fired_at, planned = [], [], None, {}
    for kind, key, value, when, pk, more in rows:
        if kind == 8:
            planned.setdefault(more, []).append(goals.GoalStep(pk, key, stored_day(value)))
        elif kind == 7:
            taken = stored_time(when)
            fired_at = taken if fired_at is None else max(fired_at, taken)
        elif kind == 6:
            steps.append(brave.Step(pk, key, more, 0, stored_day(value)))
        elif kind == 5:
            answered.append((pk, stored_time(when)))
        elif kind == 4:
            review_weekday = pk
        elif kind == 0:
            chosen[key] = value
        elif kind == 1:
            drafts.append((stored_time(when), pk, key, json.loads(value)))
        elif kind == 2:
            recent.add(key)
        elif kind == 3:
            hidden.add(key)
    drafts.sort(key=lambda draft: (draft[0], draft[1]), reverse=True)
    shown = [(key, answers) for _, _, key, answers in drafts]
    goal_steps = [goals.Goal(pk, "", "connection", steps=tuple(s)) for pk, s in planned.items()]
    return SmallReads(
        chosen, shown, recent, hidden, review_weekday, answered, steps, fired_at, goal_steps
    )


@lru_cache(maxsize=1)
def _small_reads_sql() -> str:
    quote = connection.ops.quote_name

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    owner = quote("owner_id")
    return fired_cte() + " UNION ALL ".join(
        [
            # The last column typed here: PostgreSQL would take NULLs all the way down for text.
            f"SELECT 0, {column(CheckInChoice, 'instrument_id')}, "
            f"{column(CheckInChoice, 'frequency')}, NULL, NULL, CAST(NULL AS BIGINT) "
            f"FROM {table(CheckInChoice)} WHERE {owner} = %s",
            f"SELECT 1, {column(CheckInDraft, 'instrument_id')}, "
            f"CAST({column(CheckInDraft, 'answers')} AS TEXT), "
            f"{column(CheckInDraft, 'updated_at')}, {column(CheckInDraft, 'id')}, NULL "
            f"FROM {table(CheckInDraft)} WHERE {owner} = %s",
            f"SELECT 2, {column(Entry, 'prompt_id')}, NULL, NULL, NULL, NULL "
            f"FROM {table(Entry)} "
            f"WHERE {owner} = %s AND {column(Entry, 'written_on')} >= %s "
            f"AND {column(Entry, 'prompt_id')} <> ''",
            f"SELECT 3, {column(HiddenPrompt, 'prompt_id')}, NULL, NULL, NULL, NULL "
            f"FROM {table(HiddenPrompt)} WHERE {owner} = %s",
            # The weekly review's day, so Today can point to the review on it.
            f"SELECT 4, NULL, NULL, NULL, {column(CalendarFeed, 'review_weekday')}, NULL "
            f"FROM {table(CalendarFeed)} WHERE {owner} = %s",
            # People who answered a Mirror round opened lately, to thank (a link tied to them).
            f"SELECT 5, NULL, NULL, r.{column(Round, 'created_at')}, "
            f"i.{column(Invitation, 'person')}, NULL "
            f"FROM {table(Invitation)} i JOIN {table(Round)} r "
            f"ON r.{column(Round, 'id')} = i.{column(Invitation, 'round')} "
            f"AND r.{owner} = i.{owner} "
            f"WHERE i.{owner} = %s AND i.{column(Invitation, 'uses')} > 0 "
            f"AND i.{column(Invitation, 'person')} IS NOT NULL "
            f"AND r.{column(Round, 'created_at')} >= %s",
            # Brave steps still to take (not done, not set aside), to offer the easiest.
            f"SELECT 6, {column(BraveStep, 'text')}, "
            f"CAST({column(BraveStep, 'added_on')} AS TEXT), NULL, "
            f"{column(BraveStep, 'id')}, {column(BraveStep, 'hardness')} "
            f"FROM {table(BraveStep)} WHERE {owner} = %s "
            f"AND {column(BraveStep, 'done_on')} IS NULL AND {column(BraveStep, 'set_aside')} = %s",
            # A hard day lately: a check-in whose safety rule fired pauses brave steps.
            "SELECT 7, NULL, NULL, f.fired, NULL, NULL FROM fired f WHERE f.fired IS NOT NULL",
            # Steps of active goals with a day up to a week ahead, for "coming up".
            f"SELECT 8, s.{column(GoalStep, 'text')}, CAST(s.{column(GoalStep, 'due')} AS TEXT), "
            f"NULL, s.{column(GoalStep, 'id')}, s.{column(GoalStep, 'goal')} "
            f"FROM {table(GoalStep)} s JOIN {table(Goal)} g "
            f"ON g.{column(Goal, 'id')} = s.{column(GoalStep, 'goal')} AND g.{owner} = s.{owner} "
            f"WHERE s.{owner} = %s AND g.{column(Goal, 'status')} = 'active' "
            f"AND s.{column(GoalStep, 'done_on')} IS NULL "
            f"AND s.{column(GoalStep, 'due')} IS NOT NULL AND s.{column(GoalStep, 'due')} <= %s",
        ]
    )
