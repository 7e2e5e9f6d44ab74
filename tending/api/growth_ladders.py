"""Conversation ladders: starting one with someone, where a pair is, and moving on a prompt
with the web's own conditional update, so an old place never skips one."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    FormInvalid,
    PageQuery,
    Problem,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.core.ownership import MAX_ROW_ID, one_or_404, owned
from tending.growth import ladder_services as services
from tending.growth import ladders as prompts
from tending.growth.ladder_forms import ME, THEM, LadderForm
from tending.growth.ladders import Place
from tending.growth.models import LadderSession

router = Router(tags=["conversation ladders"])

First = Literal["me", "them"]
FIRST = {ME: "me", THEM: "them"}
LADDER_NAMES = {"person": "person_id", "starter": "first"}
MOVE_ERRORS = {**WRITE_ERRORS, 409: Problem}


class LadderTurnOut(Shown):
    set_number: int = Field(description="1-3, each set more personal than the last.")
    set_title: str
    depth: Literal[prompts.DEPTHS]  # type: ignore[valid-type]
    prompt_number: int
    prompts_in_set: int
    prompt: str
    you_first: bool = Field(description="Whether you answer this prompt first.")
    new_set: bool = Field(description="The first prompt of a deeper set: a moment to pause.")


class LadderOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"person_name", "how_far", "where", "turn"})

    id: int
    person_id: int
    person_name: str
    first: First = Field(description="Who answered the first prompt.")
    set_index: int = Field(description="Where the pair are: the set (0-2)…")
    prompt_index: int = Field(description="…and the prompt in it (send both to move on).")
    answered: int
    passed: int
    finished: bool
    how_far: str = Field(description="“the light set done”, “all three sets”.")
    where: str | None = Field(description="“prompt 4 of 12 in the second set”; null at the end.")
    turn: LadderTurnOut | None = Field(description="The prompt the pair are on; null at the end.")
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class LadderPage(Shown):
    items: list[LadderOut]
    next: str | None


class LadderFilter(PageQuery):
    person_id: int | None = Field(None, ge=1, le=MAX_ROW_ID, description="One person's history.")
    finished: bool | None = Field(None, description="true: climbed to the end; false: not yet.")


class LadderIn(Schema):
    person_id: int = Field(description="Someone of your circle.")
    first: First = Field("me", description="Who answers the first prompt; then you take turns.")


class LadderMoveIn(Schema):
    action: Literal["answered", "pass", "stop"] = Field(
        description="answered: both have answered; pass; stop: stop for now (no place needed)."
    )
    set_index: int | None = Field(None, ge=0, le=99, description="The place you saw.")
    prompt_index: int | None = Field(None, ge=0, le=999)


def show(session: LadderSession) -> LadderOut:
    """A session whose person is read with it."""
    sets = prompts.ladder()
    finished = services.is_finished(session, sets)
    turn = None if finished else services.turn_of(session, sets)
    return LadderOut(
        id=session.pk,
        person_id=session.person_id,
        person_name=session.person.name,
        first=FIRST[session.starter],
        set_index=session.set_index,
        prompt_index=session.prompt_index,
        answered=session.answered,
        passed=session.passed,
        finished=finished,
        how_far=services.how_far(session, sets),
        where=None if finished else services.where(session, sets),
        turn=None if turn is None else LadderTurnOut(**vars(turn)),
        started_at=session.started_at,
        updated_at=session.updated_at,
        finished_at=session.finished_at,
    )


def _sessions(request: HttpRequest):
    return owned(LadderSession, request.user).select_related("person")


def _one(request: HttpRequest, ladder_id: int) -> LadderSession:
    return one_or_404(_sessions(request), pk=ladder_id)


@router.get("/ladders", response={200: LadderPage, **READ_ERRORS})
def list_ladders(request: HttpRequest, filters: Query[LadderFilter]):
    """Your ladder sessions, the one last climbed first."""
    found = _sessions(request)
    if filters.person_id is not None:
        found = found.filter(person_id=filters.person_id)
    if filters.finished is not None:
        found = found.filter(finished_at__isnull=not filters.finished)
    rows, after = one_page(found, ("-updated_at", "-id"), filters.cursor, filters.limit)
    return {"items": [show(session) for session in rows], "next": after}


@router.post("/ladders", response={201: LadderOut, **WRITE_ERRORS})
def start_ladder(request: HttpRequest, response: HttpResponse, body: LadderIn):
    """Start a ladder with someone of your circle."""
    sent = {"person": body.person_id, "starter": str(ME if body.first == "me" else THEM)}
    form = bound_form(LadderForm, sent, partial=False, user=request.user)
    session = services.start(request.user, **valid_or_422(form, LADDER_NAMES).cleaned_data)
    return Status(201, with_etag(response, show(_one(request, session.pk))))


@router.get("/ladders/{ladder_id}", response={200: LadderOut, **READ_ERRORS})
def get_ladder(request: HttpRequest, response: HttpResponse, ladder_id: int):
    return with_etag(response, show(_one(request, ladder_id)))


@router.post("/ladders/{ladder_id}/move", response={200: LadderOut, **MOVE_ERRORS})
def move_ladder(request: HttpRequest, response: HttpResponse, ladder_id: int, body: LadderMoveIn):
    """Move on from the prompt at the place sent (answered or passed), or stop for now.

    The pair move on only if they are still at that place: a second press, or a device that
    had not seen the first, answers 409 and changes nothing; read the ladder again."""
    session = _one(request, ladder_id)
    check_if_match(request, etag_of(show(session)))
    if body.action == "stop":
        services.touch(session)  # a stop is no failure: the place stays, to carry on from
        return with_etag(response, show(_one(request, ladder_id)))
    if body.set_index is None or body.prompt_index is None:
        missing = "set_index" if body.set_index is None else "prompt_index"
        raise FormInvalid(
            [
                {
                    "loc": ["body", missing],
                    "msg": "Please send the place you are at: set_index and prompt_index, "
                    "as the ladder gave them.",
                    "type": "required",
                }
            ]
        )
    with transaction.atomic():
        moved = services.advance(session, body.action, Place(body.set_index, body.prompt_index))
    if not moved:
        if services.is_finished(session, prompts.ladder()):
            raise HttpError(409, "This ladder is already climbed to the end.")
        raise HttpError(
            409,
            "You have moved on from that prompt already; read the ladder again to see "
            "where you are.",
        )
    return with_etag(response, show(_one(request, ladder_id)))


@router.delete("/ladders/{ladder_id}", response={204: None, **WRITE_ERRORS})
def remove_ladder(request: HttpRequest, ladder_id: int):
    with transaction.atomic():
        session = one_or_404(owned(LadderSession, request.user).select_for_update(), pk=ladder_id)
        check_if_match(request, etag_of(show(session)))
        session.delete()
    return Status(204, None)
