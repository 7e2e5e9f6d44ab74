"""Brave steps: writing them, taking them (“I did it”), setting them aside, and the one step
offered today, with the week's rest after a hard day, through the brave pages' own rules."""

from __future__ import annotations

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
    FormInvalid,
    PageQuery,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.core.date_format import format_date
from tending.core.ownership import one_or_404, owned
from tending.growth import brave_services, queries
from tending.growth.brave import LEAST, MOST
from tending.growth.brave_forms import OutcomeForm, StepForm, step_initial
from tending.growth.models import BraveStep

router = Router(tags=["brave steps"])

State = Literal["open", "set-aside", "done"]
STEP_NAMES = {"person": "person_id"}
OFFERED = "When you feel ready."
NOTHING_OPEN = "No steps to take yet: write one of your own, as small as you like."


class BraveStepDetailOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"person_name"})

    id: int
    text: str
    person_id: int | None = Field(description="Toward whom; null: closeness in general.")
    person_name: str | None
    hardness: int = Field(description="How hard it feels, 0-100.")
    fear: str = Field(description="What you fear will happen.")
    belief: int = Field(description="How strongly you believe the fear, 0-100 %.")
    added_on: date
    state: State
    done_on: date | None
    what_happened: str
    felt: int | None = Field(description="How hard it really was, 0-100.")
    fear_came_true: bool | None
    belief_after: int | None = Field(description="How strongly you believe the fear now.")
    learned: str
    outcome: str | None = Field(description="What it was against what you expected, in words.")
    created_at: datetime
    updated_at: datetime


class BraveStepPage(Shown):
    items: list[BraveStepDetailOut]
    next: str | None


class BraveStepFilter(PageQuery):
    state: State | None = Field(
        None,
        description="open (easiest first), set-aside (easiest first) or done (newest first); "
        "none: every step, newest written first.",
    )


class BraveStepIn(Schema):
    text: str = Field(max_length=200)
    person_id: int | None = Field(None, description="Someone of your circle, or null.")
    hardness: int = Field(ge=LEAST, le=MOST)
    fear: str = Field("", max_length=500)
    belief: int = Field(50, ge=LEAST, le=MOST)


class BraveStepChange(Schema):
    text: str | None = Field(None, max_length=200)
    person_id: int | None = None
    hardness: int | None = Field(None, ge=LEAST, le=MOST)
    fear: str | None = Field(None, max_length=500)
    belief: int | None = Field(None, ge=LEAST, le=MOST)
    set_aside: bool | None = Field(None, description="true: too much right now; false: back.")


class BraveOutcomeIn(Schema):
    done_on: date | None = Field(None, description="When you took it; empty: today.")
    what_happened: str = Field(max_length=1000)
    felt: int = Field(ge=LEAST, le=MOST, description="How hard it really was, 0-100.")
    fear_came_true: bool | None = Field(None, description="Asked when a fear was written.")
    belief_after: int | None = Field(None, ge=LEAST, le=MOST)
    learned: str = Field("", max_length=1000)


class BraveOfferOut(Shown):
    step: BraveStepDetailOut | None
    reason: Literal["offered", "resting-after-a-hard-day", "no-open-steps"]
    message: str
    paused_until: date | None = Field(None, description="After a hard day: no step until then.")


def _state(step: BraveStep) -> State:
    if step.done_on is not None:
        return "done"
    return "set-aside" if step.set_aside else "open"


STORED = [
    name
    for name in BraveStepDetailOut.model_fields
    if name not in {"person_name", "state", "outcome"}  # not columns of the step's row
]


def show(step: BraveStep) -> BraveStepDetailOut:
    """A step whose person is read with it (select_related)."""
    outcome = None
    if step.done_on is not None and step.felt is not None:
        outcome = brave_services.outcome_words(step.hardness, step.felt, step.fear_came_true)
    return BraveStepDetailOut(
        **{name: getattr(step, name) for name in STORED},
        person_name=step.person.name if step.person_id else None,
        state=_state(step),
        outcome=outcome,
    )


def _steps(request: HttpRequest):
    return owned(BraveStep, request.user).select_related("person")


def _locked(request: HttpRequest, step_id: int) -> BraveStep:
    return one_or_404(_steps(request).select_for_update(of=("self",)), pk=step_id)


ORDERS: dict[str | None, tuple[str, ...]] = {
    "open": ("hardness", "id"),
    "set-aside": ("hardness", "id"),
    "done": ("-done_on", "-id"),
    None: ("-added_on", "-id"),
}


@router.get("/brave-steps", response={200: BraveStepPage, **READ_ERRORS})
def list_brave_steps(request: HttpRequest, filters: Query[BraveStepFilter]):
    """Your brave steps, grouped as the brave steps page groups them."""
    found = _steps(request)
    if filters.state == "open":
        found = found.filter(done_on__isnull=True, set_aside=False)
    elif filters.state == "set-aside":
        found = found.filter(done_on__isnull=True, set_aside=True)
    elif filters.state == "done":
        found = found.filter(done_on__isnull=False)
    rows, after = one_page(found, ORDERS[filters.state], filters.cursor, filters.limit)
    return {"items": [show(step) for step in rows], "next": after}


@router.get("/brave-steps/offered", response={200: BraveOfferOut, **READ_ERRORS})
def offered_step(request: HttpRequest):
    """The one step offered today, gently: the easiest open one. For seven days after a
    check-in whose safety rule fired, none is offered (your steps are all still there)."""
    offered, until = queries.step_offer(request.user, timezone.localdate())
    if until is not None:
        message = (
            "You had a hard day recently, so tending is not suggesting steps until "
            f"{format_date(until, 'l j F')}. Your steps are all still here; take one if you "
            "want to."
        )
        return {
            "step": None,
            "reason": "resting-after-a-hard-day",
            "message": message,
            "paused_until": until,
        }
    if offered is None:
        return {"step": None, "reason": "no-open-steps", "message": NOTHING_OPEN}
    step = show(one_or_404(_steps(request), pk=offered.key))
    return {"step": step, "reason": "offered", "message": OFFERED, "paused_until": None}


@router.post("/brave-steps", response={201: BraveStepDetailOut, **WRITE_ERRORS})
def add_brave_step(request: HttpRequest, response: HttpResponse, body: BraveStepIn):
    """Write a step, with how hard it feels and, if you like, what you fear."""
    changes = {"person" if k == "person_id" else k: v for k, v in body.model_dump().items()}
    form = valid_or_422(bound_form(StepForm, changes, partial=False, user=request.user), STEP_NAMES)
    step = brave_services.write_step(request.user, today=timezone.localdate(), **form.cleaned_data)
    return Status(201, with_etag(response, show(step)))


@router.get("/brave-steps/{step_id}", response={200: BraveStepDetailOut, **READ_ERRORS})
def get_brave_step(request: HttpRequest, response: HttpResponse, step_id: int):
    return with_etag(response, show(one_or_404(_steps(request), pk=step_id)))


@router.patch("/brave-steps/{step_id}", response={200: BraveStepDetailOut, **WRITE_ERRORS})
def change_brave_step(
    request: HttpRequest, response: HttpResponse, step_id: int, body: BraveStepChange
):
    """Change a step, or set it aside (“too much right now”) and bring it back."""
    with transaction.atomic():
        step = _locked(request, step_id)
        check_if_match(request, etag_of(show(step)))
        changes = {
            "person" if k == "person_id" else k: v
            for k, v in body.model_dump(exclude_unset=True).items()
        }
        aside = changes.pop("set_aside", None)
        if aside and step.done_on is not None:
            raise FormInvalid(
                [{"loc": ["body", "set_aside"], "msg": brave_services.ALREADY_DONE, "type": "done"}]
            )
        if changes:
            form = bound_form(
                StepForm,
                changes,
                partial=True,
                user=request.user,
                keep_step=step.pk,
                initial=step_initial(step),
            )
            brave_services.change_step(step, **valid_or_422(form, STEP_NAMES).cleaned_data)
        if aside is not None and aside != step.set_aside:
            brave_services.toggle_aside(step)
    return with_etag(response, show(one_or_404(_steps(request), pk=step_id)))


@router.post("/brave-steps/{step_id}/outcome", response={200: BraveStepDetailOut, **WRITE_ERRORS})
def i_did_it(request: HttpRequest, response: HttpResponse, step_id: int, body: BraveOutcomeIn):
    """“I did it”: what happened, how hard it really was, whether the fear came true, how
    strongly you believe it now, what you learned. Sent again, it replaces what was said."""
    today = timezone.localdate()
    with transaction.atomic():
        step = _locked(request, step_id)
        check_if_match(request, etag_of(show(step)))
        sent = body.model_dump()
        if sent["done_on"] is None:
            sent["done_on"] = today
        came_true = sent.pop("fear_came_true")
        if came_true is not None:
            sent["fear_came_true"] = "yes" if came_true else "no"
        # With no fear written the form does not ask about it, and what is sent is left out.
        feared = bool(step.fear.strip())
        form = bound_form(OutcomeForm, sent, partial=False, today=today, feared=feared)
        brave_services.record_outcome(step, **valid_or_422(form).cleaned_data)
    return with_etag(response, show(one_or_404(_steps(request), pk=step_id)))


@router.delete("/brave-steps/{step_id}", response={204: None, **WRITE_ERRORS})
def remove_brave_step(request: HttpRequest, step_id: int):
    with transaction.atomic():
        step = _locked(request, step_id)
        check_if_match(request, etag_of(show(step)))
        step.delete()
    return Status(204, None)
