"""Goals: why one matters, small steps with optional dates, a target date, a status; what is
coming up this week, and what a week held. Pure: plain data in, plain data out, no Django but
its translation functions.

Small, concrete steps with a when go with reaching goals (SCIENCE.md, "Goals and therapy").
Nothing here scolds: a step past its date is simply still there, "whenever you're ready".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# The stored key, and its name as shown (in the page's language).
AREAS = {
    "connection": gettext_lazy("Connection"),
    "support": gettext_lazy("Support and therapy"),
    "body": gettext_lazy("Body and health"),
    "new": gettext_lazy("New experiences"),
    "self-compassion": gettext_lazy("Self-compassion"),
}
STATUSES = {
    "active": gettext_lazy("Working on it"),
    "paused": gettext_lazy("Resting"),
    "done": gettext_lazy("Reached"),
    "let-go": gettext_lazy("Let go"),
}
COMING_UP_DAYS = 7


@dataclass(frozen=True)
class GoalStep:
    key: int
    text: str
    due: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class Goal:
    key: int
    title: str
    area: str
    why: str = ""
    target: date | None = None
    status: str = "active"
    steps: tuple[GoalStep, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Upcoming:
    goal: Goal
    step: GoalStep
    waiting: bool  # its day has passed: still there, whenever the person is ready


def coming_up(goals: Iterable[Goal], today: date, days: int = COMING_UP_DAYS) -> list[Upcoming]:
    """Steps of active goals not yet done with a day up to `days` ahead (those whose day has
    passed included, marked waiting), soonest first."""
    last = today + timedelta(days=days)
    found = [
        Upcoming(goal, step, step.due < today)
        for goal in goals
        if goal.status == "active"
        for step in goal.steps
        if step.done_on is None and step.due is not None and step.due <= last
    ]
    return sorted(found, key=lambda u: (u.step.due, u.goal.key, u.step.key))


def done_between(goals: Iterable[Goal], first: date, last: date) -> list[tuple[Goal, GoalStep]]:
    """The steps checked off from `first` to `last`, both included (a week, for its review),
    in the order they were done."""
    found = [
        (goal, step)
        for goal in goals
        for step in goal.steps
        if step.done_on is not None and first <= step.done_on <= last
    ]
    return sorted(found, key=lambda pair: (pair[1].done_on, pair[0].key, pair[1].key))


def progress_words(goal: Goal) -> str:
    """ "2 of 5 steps done", or a gentle word when there are no steps yet."""
    if not goal.steps:
        return _("No steps yet: what is one small thing you could do?")
    done = sum(1 for step in goal.steps if step.done_on is not None)
    return ngettext(
        "%(done)d of %(count)d step done", "%(done)d of %(count)d steps done", len(goal.steps)
    ) % {
        "done": done,
        "count": len(goal.steps),
    }


def is_known(area: str, status: str) -> bool:
    return area in AREAS and status in STATUSES
