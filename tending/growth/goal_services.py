"""Changes to goals and their steps (one goal's page is read in goal_queries.py); the rules
themselves (progress, what is coming up) are in the pure module goals.py."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from tending.core.ownership import owned
from tending.growth import goals
from tending.growth.models import Goal, GoalStep, TherapySession

# The goal homework goes to when none is chosen: named in the person's language when it is
# made, and found by its name in English or in the page's language.
HOMEWORK_TITLE = gettext_noop("Therapy homework")
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
    # The links are the form's own fields (plain ids, each one of the person's own rows).
    goal.people.set(list(dict.fromkeys(form.cleaned_data.get("people") or [])))
    goal.brave_steps.set(list(dict.fromkeys(form.cleaned_data.get("brave_steps") or [])))
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


def homework_titles() -> list[str]:
    """The names a "Therapy homework" goal may have: in every language tending speaks, so one
    made before the person changed their language is still found."""
    names = [HOMEWORK_TITLE]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.append(gettext(HOMEWORK_TITLE))
    return list(dict.fromkeys(names))


def homework_goal(user) -> Goal:
    """The goal homework goes to when the person chooses none: their "Therapy homework" goal,
    made (in the area of support and therapy, named in the page's language) the first time it
    is needed."""
    found = (
        owned(Goal, user)
        .filter(title__in=homework_titles(), area=HOMEWORK_AREA)
        .exclude(status__in=("done", "let-go"))
        .order_by("id")
        .first()
    )
    if found is not None:
        return found
    return Goal.objects.create(owner=user, title=gettext(HOMEWORK_TITLE), area=HOMEWORK_AREA)
