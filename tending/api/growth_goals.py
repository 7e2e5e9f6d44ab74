"""Goals and their small steps, through the goal pages' own forms and services."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import ClassVar, Literal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    PageQuery,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    linked_ids,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.growth import goal_services, goals
from tending.growth.goal_forms import FIRST_STEPS_MOST, STEP_TEXT_MOST, GoalForm, StepEditForm
from tending.growth.goal_forms import StepForm as GoalStepForm
from tending.growth.goal_queries import goal_choices
from tending.growth.models import Goal, GoalStep

router = Router(tags=["goals"])

AreaName = Literal[tuple(goals.AREAS)]  # type: ignore[valid-type]
StatusName = Literal[tuple(goals.STATUSES)]  # type: ignore[valid-type]
GOAL_NAMES = {"people": "person_ids", "brave_steps": "brave_step_ids"}


class GoalStepDetailOut(Shown):
    id: int
    goal_id: int
    text: str
    due: date | None
    done: bool
    done_on: date | None
    session_id: int | None = Field(description="The therapy session it is homework from.")
    created_at: datetime


class GoalOut(Shown):
    # Its steps are part of its ETag: deleting a goal from an old copy would take with it
    # steps added on another device meanwhile.
    DERIVED: ClassVar[frozenset[str]] = frozenset()

    id: int
    title: str
    area: AreaName
    why: str
    target: date | None
    status: StatusName
    person_ids: list[int]
    brave_step_ids: list[int]
    steps: list[GoalStepDetailOut] = Field(description="Its steps, in the order added.")
    progress: str = Field(description="“2 of 5 steps done”, as the goals page says it.")
    next_step_id: int | None = Field(description="The step to do next: the soonest dated one.")
    created_at: datetime
    updated_at: datetime


class GoalPage(Shown):
    items: list[GoalOut]
    next: str | None


class GoalIn(Schema):
    title: str = Field(max_length=120)
    area: AreaName
    why: str = Field("", max_length=1000)
    target: date | None = Field(None, description="A day to aim for: today or later.")
    person_ids: list[int] = Field(default_factory=list, description="People of your circle.")
    brave_step_ids: list[int] = Field(default_factory=list, description="Your brave steps.")
    first_steps: list[str] = Field(
        default_factory=list,
        description=f"Up to {FIRST_STEPS_MOST} first steps, each up to {STEP_TEXT_MOST} "
        "characters.",
    )


class GoalChange(Schema):
    title: str | None = Field(None, max_length=120)
    area: AreaName | None = None
    why: str | None = Field(None, max_length=1000)
    target: date | None = None
    status: StatusName | None = None
    person_ids: list[int] | None = None
    brave_step_ids: list[int] | None = None


class GoalFilter(PageQuery):
    status: StatusName | None = None
    area: AreaName | None = None


class GoalStepIn(Schema):
    text: str = Field(max_length=STEP_TEXT_MOST)
    due: date | None = None


class GoalStepChange(Schema):
    text: str | None = Field(None, max_length=STEP_TEXT_MOST)
    due: date | None = None
    done: bool | None = Field(None, description="true: checked off today; false: not done.")


def show_step(step: GoalStep) -> GoalStepDetailOut:
    return GoalStepDetailOut(
        id=step.pk,
        goal_id=step.goal_id,
        text=step.text,
        due=step.due,
        done=step.done_on is not None,
        done_on=step.done_on,
        session_id=step.session_id,
        created_at=step.created_at,
    )


def _with_links(found: Iterable[Goal]) -> list[Goal]:
    """Goals with their people's and brave steps' ids and their steps, as `linked_people`,
    `linked_brave_steps` and `linked_steps`: three queries however many goals."""
    rows = list(found)
    ids = [goal.pk for goal in rows]
    people, brave_steps = linked_ids(
        [(Goal.people.through, "goal", "person"), (Goal.brave_steps.through, "goal", "bravestep")],
        ids,
    )
    steps: dict[int, list[GoalStep]] = defaultdict(list)
    for step in GoalStep.objects.filter(goal_id__in=ids).order_by("id"):
        steps[step.goal_id].append(step)
    for goal in rows:
        goal.linked_people = people[goal.pk]
        goal.linked_brave_steps = brave_steps[goal.pk]
        goal.linked_steps = steps[goal.pk]
    return rows


def show(goal: Goal) -> GoalOut:
    """A goal whose links are read (`_with_links`)."""
    steps = goal.linked_steps
    plain = goals.Goal(
        key=goal.pk,
        title=goal.title,
        area=goal.area,
        status=goal.status,
        steps=tuple(goals.GoalStep(s.pk, s.text, s.due, s.done_on) for s in steps),
    )
    following = goal_services.next_step(plain)
    return GoalOut(
        id=goal.pk,
        title=goal.title,
        area=goal.area,
        why=goal.why,
        target=goal.target,
        status=goal.status,
        person_ids=goal.linked_people,
        brave_step_ids=goal.linked_brave_steps,
        steps=[show_step(s) for s in steps],
        progress=goals.progress_words(plain),
        next_step_id=None if following is None else following.key,
        created_at=goal.created_at,
        updated_at=goal.updated_at,
    )


def _shown(goal: Goal) -> GoalOut:
    return show(_with_links([goal])[0])


def _goal_names(changes: dict) -> dict:
    """The API's names of the goal form's fields, turned back into the form's."""
    back = {api_name: name for name, api_name in GOAL_NAMES.items()}
    return {back.get(key, key): value for key, value in changes.items()}


@router.get("/goals", response={200: GoalPage, **READ_ERRORS})
def list_goals(request: HttpRequest, filters: Query[GoalFilter]):
    """Your goals, newest first, each with its steps."""
    found = owned(Goal, request.user)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.area:
        found = found.filter(area=filters.area)
    rows, after = one_page(found, ("-created_at", "-id"), filters.cursor, filters.limit)
    return {"items": [show(goal) for goal in _with_links(rows)], "next": after}


@router.post("/goals", response={201: GoalOut, **WRITE_ERRORS})
def add_goal(request: HttpRequest, response: HttpResponse, body: GoalIn):
    """Set a goal (it starts as “working on it”), with first steps if you like."""
    changes = _goal_names(body.model_dump())
    changes["first_steps"] = "\n".join(changes["first_steps"])
    form = bound_form(
        GoalForm, changes, partial=False, instance=Goal(owner=request.user), user=request.user
    )
    goal = goal_services.save_goal(valid_or_422(form, GOAL_NAMES), request.user)
    return Status(201, with_etag(response, _shown(goal)))


@router.get("/goals/{goal_id}", response={200: GoalOut, **READ_ERRORS})
def get_goal(request: HttpRequest, response: HttpResponse, goal_id: int):
    goal = get_owned_or_404(Goal, request.user, pk=goal_id)
    return with_etag(response, _shown(goal))


@router.patch("/goals/{goal_id}", response={200: GoalOut, **WRITE_ERRORS})
def change_goal(request: HttpRequest, response: HttpResponse, goal_id: int, body: GoalChange):
    """Change a goal: only what is sent changes (an empty list of people clears them)."""
    user = request.user
    with transaction.atomic():
        goal = one_or_404(owned(Goal, user).select_for_update(), pk=goal_id)
        check_if_match(request, etag_of(_shown(goal)))
        changes = _goal_names(body.model_dump(exclude_unset=True))
        if changes:
            choices = goal_choices(user, goal)  # read once for both forms bound_form makes
            form = bound_form(
                GoalForm, changes, partial=True, instance=goal, user=user, choices=choices
            )
            goal_services.save_goal(valid_or_422(form, GOAL_NAMES), user)
    return with_etag(response, _shown(get_owned_or_404(Goal, user, pk=goal_id)))


@router.delete("/goals/{goal_id}", response={204: None, **WRITE_ERRORS})
def remove_goal(request: HttpRequest, goal_id: int):
    """Delete a goal and its steps (brave steps and people it was linked to stay)."""
    with transaction.atomic():
        goal = one_or_404(owned(Goal, request.user).select_for_update(), pk=goal_id)
        check_if_match(request, etag_of(_shown(goal)))
        goal.delete()
    return Status(204, None)


# A goal's steps ----------------------------------------------------------------------------


class GoalStepPage(Shown):
    items: list[GoalStepDetailOut]
    next: str | None


def _step(request: HttpRequest, goal_id: int, goal_step_id: int, lock: bool = False) -> GoalStep:
    """A step of the caller's goal `goal_id`: a step of another goal is a 404, as on the web."""
    found = owned(GoalStep, request.user)
    if lock:
        found = found.select_for_update()
    return one_or_404(found, pk=goal_step_id, goal_id=goal_id)


@router.get("/goals/{goal_id}/steps", response={200: GoalStepPage, **READ_ERRORS})
def list_goal_steps(request: HttpRequest, goal_id: int, page: Query[PageQuery]):
    """A goal's steps, in the order added."""
    goal = get_owned_or_404(Goal, request.user, pk=goal_id)
    found = owned(GoalStep, request.user).filter(goal=goal)
    rows, after = one_page(found, ("id",), page.cursor, page.limit)
    return {"items": [show_step(step) for step in rows], "next": after}


@router.post("/goals/{goal_id}/steps", response={201: GoalStepDetailOut, **WRITE_ERRORS})
def add_goal_step(request: HttpRequest, response: HttpResponse, goal_id: int, body: GoalStepIn):
    """A small step; “When …, I will …” is a good shape for one."""
    goal = get_owned_or_404(Goal, request.user, pk=goal_id)
    form = valid_or_422(bound_form(GoalStepForm, body.model_dump(), partial=False))
    step = goal_services.add_step(goal, form.cleaned_data["text"], form.cleaned_data["due"])
    return Status(201, with_etag(response, show_step(step)))


@router.get(
    "/goals/{goal_id}/steps/{goal_step_id}", response={200: GoalStepDetailOut, **READ_ERRORS}
)
def get_goal_step(request: HttpRequest, response: HttpResponse, goal_id: int, goal_step_id: int):
    return with_etag(response, show_step(_step(request, goal_id, goal_step_id)))


@router.patch(
    "/goals/{goal_id}/steps/{goal_step_id}", response={200: GoalStepDetailOut, **WRITE_ERRORS}
)
def change_goal_step(
    request: HttpRequest,
    response: HttpResponse,
    goal_id: int,
    goal_step_id: int,
    body: GoalStepChange,
):
    """Change a step's words or day, or check it off (`done`: true) or take the tick away."""
    with transaction.atomic():
        step = _step(request, goal_id, goal_step_id, lock=True)
        check_if_match(request, etag_of(show_step(step)))
        changes = body.model_dump(exclude_unset=True)
        if changes:
            now = {"text": step.text, "due": step.due, "done": step.done_on is not None}
            form = valid_or_422(bound_form(StepEditForm, changes, partial=True, initial=now))
            data = form.cleaned_data
            goal_services.edit_step(
                step, data["text"], data["due"], data["done"], timezone.localdate()
            )
    return with_etag(response, show_step(step))


@router.delete("/goals/{goal_id}/steps/{goal_step_id}", response={204: None, **WRITE_ERRORS})
def remove_goal_step(request: HttpRequest, goal_id: int, goal_step_id: int):
    with transaction.atomic():
        step = _step(request, goal_id, goal_step_id, lock=True)
        check_if_match(request, etag_of(show_step(step)))
        step.delete()
    return Status(204, None)
