"""Growth's reads shared by its pages, Today and the weekly review: rows as the pure modules'
plain values, and whether brave steps rest after a hard day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tending.checkins.models import CheckIn
from tending.core.ownership import owned
from tending.growth import brave, goals
from tending.growth.models import BraveStep, Goal, GoalStep

STEP_FIELDS = (
    "id",
    "text",
    "hardness",
    "belief",
    "added_on",
    "done_on",
    "set_aside",
    "felt",
    "fear_came_true",
    "belief_after",
)


def as_step(row: dict) -> brave.Step:
    return brave.Step(
        key=row["id"],
        text=row["text"],
        hardness=row["hardness"],
        belief=row["belief"],
        added_on=row["added_on"],
        done_on=row["done_on"],
        set_aside=row["set_aside"],
        felt=row["felt"],
        fear_came_true=row["fear_came_true"],
        belief_after=row["belief_after"],
    )


def brave_steps(user) -> list[brave.Step]:
    """All of the person's brave steps, as the pure module's steps, in the order written."""
    rows = owned(BraveStep, user).order_by("added_on", "id").values(*STEP_FIELDS)
    return [as_step(row) for row in rows]


def safety_fired_on(user, today: date) -> date | None:
    """The day (in the person's zone) of the newest check-in whose safety rule fired within
    the pause before `today`, or None: steps are not offered for a week after one."""
    since = datetime.combine(today - timedelta(days=brave.PAUSE_DAYS), time(), user.zone)
    taken = (
        owned(CheckIn, user)
        .filter(safety_fired=True, taken_at__gte=since)
        .order_by("-taken_at")
        .values_list("taken_at", flat=True)
        .first()
    )
    return None if taken is None else taken.astimezone(user.zone).date()


def step_offer(
    user, today: date, steps: list[brave.Step] | None = None
) -> tuple[brave.Step | None, date | None]:
    """The brave step to offer today (or None), and until when steps rest (or None). The
    steps are read unless given."""
    fired = safety_fired_on(user, today)
    until = brave.paused_until(fired)
    if until is not None and today < until:
        return None, until
    return brave.step_to_offer(brave_steps(user) if steps is None else steps, today), None


def goals_with_steps(user, statuses: tuple[str, ...] = tuple(goals.STATUSES)) -> list[goals.Goal]:
    """The person's goals of these statuses, each with its steps (in the order added), as the
    pure module's goals, newest goal first. Two queries."""
    rows = list(
        owned(Goal, user)
        .filter(status__in=statuses)
        .order_by("-created_at", "-id")
        .values("id", "title", "area", "why", "target", "status")
    )
    steps: dict[int, list[goals.GoalStep]] = {row["id"]: [] for row in rows}
    found = (
        owned(GoalStep, user)
        .filter(goal_id__in=list(steps))
        .order_by("id")
        .values_list("goal_id", "id", "text", "due", "done_on")
    )
    for goal_id, pk, text, due, done_on in found:
        steps[goal_id].append(goals.GoalStep(pk, text, due, done_on))
    return [
        goals.Goal(
            key=row["id"],
            title=row["title"],
            area=row["area"],
            why=row["why"],
            target=row["target"],
            status=row["status"],
            steps=tuple(steps[row["id"]]),
        )
        for row in rows
    ]
