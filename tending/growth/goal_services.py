"""Changes to goals and their steps, and the reads of one goal's page; the rules themselves
(progress, what is coming up) are in the pure module goals.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from tending.circle.models import Person
from tending.core.ownership import owned
from tending.growth import goals
from tending.growth.models import BraveStep, Goal, GoalStep, TherapySession

HOMEWORK_TITLE = "Therapy homework"
HOMEWORK_AREA = "support"


def next_step(goal: goals.Goal) -> goals.GoalStep | None:
    """The step to do next: of those not done, the one with the soonest day, else the first
    one added."""
    open_steps = [step for step in goal.steps if step.done_on is None]
    if not open_steps:
        return None
    dated = [step for step in open_steps if step.due is not None]
    if dated:
        return min(dated, key=lambda step: (step.due, step.key))
    return open_steps[0]


def grouped(found: list[goals.Goal]) -> dict[str, list[goals.Goal]]:
    """Goals as the list shows them: those worked on, those resting, and those finished with
    (reached or let go)."""
    groups: dict[str, list[goals.Goal]] = {"active": [], "paused": [], "finished": []}
    for goal in found:
        groups[goal.status if goal.status in ("active", "paused") else "finished"].append(goal)
    return groups


@transaction.atomic
def save_goal(form, user) -> Goal:
    """Save a valid GoalForm (new or changed), and a new goal's first steps."""
    goal = form.save(commit=False)
    goal.owner = user
    goal.save()
    form.save_m2m()
    for text in form.cleaned_data.get("first_steps") or []:
        GoalStep.objects.create(owner=user, goal=goal, text=text)
    return goal


def add_step(
    goal: Goal, text: str, due: date | None = None, session: TherapySession | None = None
) -> GoalStep:
    return GoalStep.objects.create(
        owner_id=goal.owner_id, goal=goal, text=text, due=due, session=session
    )


def toggle_step(step: GoalStep, today: date) -> bool:
    """Check a step off today, or take the tick away again; whether it is now done."""
    step.done_on = today if step.done_on is None else None
    step.save(update_fields=["done_on"])
    return step.done_on is not None


def edit_step(step: GoalStep, text: str, due: date | None, done: bool, today: date) -> None:
    step.text, step.due = text, due
    if not done:
        step.done_on = None
    elif step.done_on is None:
        step.done_on = today
    step.save(update_fields=["text", "due", "done_on"])


def homework_goal(user) -> Goal:
    """The goal homework goes to when the person chooses none: their "Therapy homework" goal,
    made (in the area of support and therapy) the first time it is needed."""
    found = (
        owned(Goal, user)
        .filter(title=HOMEWORK_TITLE, area=HOMEWORK_AREA)
        .exclude(status__in=("done", "let-go"))
        .order_by("id")
        .first()
    )
    if found is not None:
        return found
    return Goal.objects.create(owner=user, title=HOMEWORK_TITLE, area=HOMEWORK_AREA)


@dataclass(frozen=True)
class StepRow:
    pk: int
    text: str
    due: date | None
    done_on: date | None
    waiting: bool  # its day has passed: "whenever you're ready", never "overdue"
    session_id: int | None
    session_on: date | None


@dataclass(frozen=True)
class GoalPage:
    goal: Goal
    steps: list[StepRow]
    progress: str
    people: list[tuple[int, str]]
    brave_steps: list[tuple[int, str, date | None]]


def goal_page(user, goal: Goal, today: date) -> GoalPage:
    """What a goal's page shows beside the goal: its steps, people and brave steps."""
    rows = list(
        owned(GoalStep, user)
        .filter(goal=goal)
        .order_by("id")
        .values_list("id", "text", "due", "done_on", "session_id", "session__held_on")
    )
    steps = [
        StepRow(
            pk, text, due, done_on, done_on is None and due is not None and due < today, sid, on
        )
        for pk, text, due, done_on, sid, on in rows
    ]
    plain = goals.Goal(
        key=goal.pk,
        title=goal.title,
        area=goal.area,
        steps=tuple(goals.GoalStep(s.pk, s.text, s.due, s.done_on) for s in steps),
    )
    people = list(
        owned(Person, user)
        .filter(pk__in=goal.people.values("pk"))
        .order_by("name", "id")
        .values_list("id", "name")
    )
    brave_steps = list(
        owned(BraveStep, user)
        .filter(pk__in=goal.brave_steps.values("pk"))
        .order_by("added_on", "id")
        .values_list("id", "text", "done_on")
    )
    return GoalPage(goal, steps, goals.progress_words(plain), people, brave_steps)
