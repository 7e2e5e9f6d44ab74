"""The therapy companion: sessions, their homework, the things to bring up next time (and
which session talked about them), and the summary for the next session."""

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
    linked_ids,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.api.growth_goals import GoalStepDetailOut, show_step
from tending.api.growth_summary import Kind, TherapySummaryOut, summary_of
from tending.core.ownership import MAX_ROW_ID, get_owned_or_404, one_or_404, owned
from tending.growth import therapy_queries, therapy_services, therapy_summary
from tending.growth.goal_forms import STEP_TEXT_MOST
from tending.growth.models import BringUp, GoalStep, TherapySession
from tending.growth.therapy_forms import (
    NOTE_MOST,
    BringUpForm,
    HomeworkForm,
    SessionForm,
)
from tending.moments.queries import people_and_tags

router = Router(tags=["therapy"])


class TherapySessionOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"talked_about", "homework"})

    id: int
    held_on: date
    with_whom: str
    notes: str
    talked_about: list[int] = Field(description="The things to bring up talked about in it.")
    homework: list[int] = Field(description="The goal steps given as homework in it.")
    created_at: datetime
    updated_at: datetime


class TherapySessionPage(Shown):
    items: list[TherapySessionOut]
    next: str | None


class TherapySessionIn(Schema):
    held_on: date | None = Field(None, description="The day of the session; empty: today.")
    with_whom: str = Field("", max_length=80)
    notes: str = Field("", max_length=10000)


class TherapySessionChange(Schema):
    held_on: date | None = None
    with_whom: str | None = Field(None, max_length=80)
    notes: str | None = Field(None, max_length=10000)


class TherapyHomeworkIn(Schema):
    goal_id: int | None = Field(None, description="Empty: your “Therapy homework” goal.")
    text: str = Field(max_length=STEP_TEXT_MOST)
    due: date | None = None


def _sessions_with_links(found) -> list[TherapySession]:
    """Sessions with the ids of what was talked about and of their homework: two queries."""
    rows = list(found)
    ids = [session.pk for session in rows]
    raised, homework = linked_ids([(BringUp, "raised_in", "id"), (GoalStep, "session", "id")], ids)
    for session in rows:
        session.linked_raised = raised[session.pk]
        session.linked_homework = homework[session.pk]
    return rows


def show_session(session: TherapySession) -> TherapySessionOut:
    return TherapySessionOut(
        id=session.pk,
        held_on=session.held_on,
        with_whom=session.with_whom,
        notes=session.notes,
        talked_about=session.linked_raised,
        homework=session.linked_homework,
        created_at=session.created_at,
        updated_at=session.updated_at,
    )


def _shown_session(session: TherapySession) -> TherapySessionOut:
    return show_session(_sessions_with_links([session])[0])


@router.get("/therapy/sessions", response={200: TherapySessionPage, **READ_ERRORS})
def list_sessions(request: HttpRequest, page: Query[PageQuery]):
    """Your therapy sessions, newest first."""
    found = owned(TherapySession, request.user)
    rows, after = one_page(found, ("-held_on", "-id"), page.cursor, page.limit)
    return {"items": [show_session(s) for s in _sessions_with_links(rows)], "next": after}


@router.post("/therapy/sessions", response={201: TherapySessionOut, **WRITE_ERRORS})
def add_session(request: HttpRequest, response: HttpResponse, body: TherapySessionIn):
    sent = body.model_dump()
    if sent["held_on"] is None:
        sent["held_on"] = timezone.localdate()
    made = TherapySession(owner=request.user)
    valid_or_422(bound_form(SessionForm, sent, partial=False, instance=made)).save()
    return Status(201, with_etag(response, _shown_session(made)))


@router.get("/therapy/sessions/{session_id}", response={200: TherapySessionOut, **READ_ERRORS})
def get_session(request: HttpRequest, response: HttpResponse, session_id: int):
    found = get_owned_or_404(TherapySession, request.user, pk=session_id)
    return with_etag(response, _shown_session(found))


@router.patch("/therapy/sessions/{session_id}", response={200: TherapySessionOut, **WRITE_ERRORS})
def change_session(
    request: HttpRequest, response: HttpResponse, session_id: int, body: TherapySessionChange
):
    with transaction.atomic():
        found = one_or_404(owned(TherapySession, request.user).select_for_update(), pk=session_id)
        check_if_match(request, etag_of(_shown_session(found)))
        changes = body.model_dump(exclude_unset=True)
        if changes:
            form = bound_form(SessionForm, changes, partial=True, instance=found)
            valid_or_422(form).save()
    return with_etag(response, _shown_session(found))


@router.delete("/therapy/sessions/{session_id}", response={204: None, **WRITE_ERRORS})
def remove_session(request: HttpRequest, session_id: int):
    """Delete a session: what was talked about in it comes off the list with it (the entries,
    moments and check-ins stay); its homework stays with its goals as ordinary steps."""
    with transaction.atomic():
        found = one_or_404(owned(TherapySession, request.user).select_for_update(), pk=session_id)
        check_if_match(request, etag_of(_shown_session(found)))
        therapy_services.delete_session(request.user, found)
    return Status(204, None)


@router.post(
    "/therapy/sessions/{session_id}/homework", response={201: GoalStepDetailOut, **WRITE_ERRORS}
)
def add_homework(
    request: HttpRequest, response: HttpResponse, session_id: int, body: TherapyHomeworkIn
):
    """Homework from a session: a step of one of your active or resting goals, or of your
    “Therapy homework” goal (made the first time)."""
    found = get_owned_or_404(TherapySession, request.user, pk=session_id)
    sent = {"goal": body.goal_id, "text": body.text, "due": body.due}
    form = bound_form(HomeworkForm, sent, partial=False, user=request.user)
    data = valid_or_422(form, {"goal": "goal_id"}).cleaned_data
    step = therapy_services.add_homework(
        request.user, found, data["goal"], data["text"], data["due"]
    )
    return Status(201, with_etag(response, show_step(step)))


# Things to bring up ------------------------------------------------------------------------


class BringUpOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"label", "when", "excerpt"})

    id: int
    kind: Kind
    entry_id: int | None
    moment_id: int | None
    checkin_id: int | None
    note: str
    added_at: datetime
    talked_about_in: int | None = Field(description="The session it was talked about in.")
    label: str = Field(description="“Journal: A hard Sunday”, “A moment with Sam”.")
    when: str
    excerpt: str


class BringUpPage(Shown):
    items: list[BringUpOut]
    next: str | None


class BringUpFilter(PageQuery):
    state: Literal["waiting", "talked-about"] = Field(
        "waiting", description="waiting: on the list for next time; talked-about: done."
    )
    session_id: int | None = Field(
        None, ge=1, le=MAX_ROW_ID, description="Talked about in this session."
    )


class BringUpIn(Schema):
    entry_id: int | None = Field(None, description="A journal entry of yours…")
    moment_id: int | None = Field(None, description="…or a moment…")
    checkin_id: int | None = Field(None, description="…or a check-in result: one of them.")
    note: str = Field("", description=f"A line of why; cut to {NOTE_MOST} characters.")


class BringUpChange(Schema):
    talked_about_in: int | None = Field(
        None, ge=1, le=MAX_ROW_ID, description="A session of yours; null: back on the list."
    )


def _flags(request: HttpRequest):
    """Flags with what `_flag_row` reads of their entries, moments and check-ins."""
    return (
        owned(BringUp, request.user)
        .select_related("entry", "moment", "checkin")
        .only(
            *("id", "owner_id", "note", "added_at", "raised_in_id"),
            *("entry_id", "entry__title", "entry__written_on", "entry__body_plain"),
            *("moment_id", "moment__occurred_at", "moment__note"),
            *("checkin_id", "checkin__instrument_id", "checkin__total", "checkin__band_label"),
            "checkin__taken_at",
        )
    )


def show_flags(rows: list[BringUp]) -> list[BringUpOut]:
    """Flags said in the therapy page's own words: what each is, when, and its first words."""
    people, _ = people_and_tags([flag.moment_id for flag in rows if flag.moment_id])
    names = [(moment, name) for moment, them in people.items() for _, name in them]
    said = therapy_queries.flags_from([_flag_row(flag) for flag in rows], names)
    return [
        BringUpOut(
            id=flag.pk,
            kind=words.kind,
            entry_id=flag.entry_id,
            moment_id=flag.moment_id,
            checkin_id=flag.checkin_id,
            note=flag.note,
            added_at=flag.added_at,
            talked_about_in=flag.raised_in_id,
            label=words.label,
            when=words.when,
            excerpt=words.excerpt,
        )
        for flag, words in zip(rows, said, strict=True)
    ]


def _flag_row(flag: BringUp) -> tuple:
    """A flag as therapy_queries' written-out read gives it to `flags_from`."""
    entry, moment, checkin = flag.entry, flag.moment, flag.checkin
    return (
        flag.pk, flag.note, flag.raised_in_id,
        flag.entry_id, entry and entry.title, entry and entry.written_on,
        entry and entry.body_plain,
        flag.moment_id, moment and moment.occurred_at, moment and moment.note,
        flag.checkin_id, checkin and checkin.instrument_id, checkin and checkin.total,
        checkin and checkin.band_label, checkin and checkin.taken_at,
    )  # fmt: skip


def _shown_flag(request: HttpRequest, bring_up_id: int) -> BringUpOut:
    return show_flags([one_or_404(_flags(request), pk=bring_up_id)])[0]


@router.get("/therapy/bring-ups", response={200: BringUpPage, **READ_ERRORS})
def list_bring_ups(request: HttpRequest, filters: Query[BringUpFilter]):
    """What is on the list for next time (oldest first), or what was talked about."""
    found = _flags(request)
    if filters.session_id is not None:
        found = found.filter(raised_in_id=filters.session_id)
    else:
        found = found.filter(raised_in__isnull=filters.state == "waiting")
    rows, after = one_page(found, ("added_at", "id"), filters.cursor, filters.limit)
    return {"items": show_flags(rows), "next": after}


@router.post("/therapy/bring-ups", response={200: BringUpOut, 201: BringUpOut, **WRITE_ERRORS})
def add_bring_up(request: HttpRequest, response: HttpResponse, body: BringUpIn):
    """Put one of your entries, moments or check-in results on the list for next time (201);
    one already waiting there answers 200 and keeps its place (and its note, if it had one)."""
    named = [(k, v) for k, v in body.model_dump().items() if k != "note" and v is not None]
    if len(named) != 1:
        raise FormInvalid(
            [
                {
                    "loc": ["body"],
                    "msg": "Please name one thing: an entry_id, a moment_id or a checkin_id.",
                    "type": "one_thing",
                }
            ]
        )
    (field, row_id), note = named[0], body.note
    sent = {"kind": field.removesuffix("_id"), "id": str(row_id), "note": note}
    data = valid_or_422(bound_form(BringUpForm, sent, partial=False), {"id": field}).cleaned_data
    flag, made = therapy_services.bring_up(request.user, data["kind"], data["id"], data["note"])
    shown = with_etag(response, _shown_flag(request, flag.pk))
    return Status(201 if made else 200, shown)


@router.get("/therapy/bring-ups/{bring_up_id}", response={200: BringUpOut, **READ_ERRORS})
def get_bring_up(request: HttpRequest, response: HttpResponse, bring_up_id: int):
    return with_etag(response, _shown_flag(request, bring_up_id))


@router.patch("/therapy/bring-ups/{bring_up_id}", response={200: BringUpOut, **WRITE_ERRORS})
def mark_talked_about(
    request: HttpRequest, response: HttpResponse, bring_up_id: int, body: BringUpChange
):
    """Say which session talked about it (as ticking it on that session's page), or put it
    back on the list for next time (null)."""
    user = request.user
    with transaction.atomic():
        flag = one_or_404(owned(BringUp, user).select_for_update(), pk=bring_up_id)
        check_if_match(request, etag_of(_shown_flag(request, bring_up_id)))
        changes = body.model_dump(exclude_unset=True)
        if "talked_about_in" in changes:
            _talked_about_in(user, flag, changes["talked_about_in"])
    return with_etag(response, _shown_flag(request, bring_up_id))


def _talked_about_in(user, flag: BringUp, session_id: int | None) -> None:
    session = None
    if session_id is not None:
        session = owned(TherapySession, user).filter(pk=session_id).first()
        if session is None:
            raise FormInvalid(
                [
                    {
                        "loc": ["body", "talked_about_in"],
                        "msg": "That is not one of your therapy sessions.",
                        "type": "invalid_choice",
                    }
                ]
            )
    if flag.raised_in_id is not None and flag.raised_in_id != session_id:
        # Unticked on the page of the session it was ticked in: back on the list.
        therapy_services.set_raised(user, flag.raised_in, offered=[flag.pk], chosen=[])
    if session is not None:
        therapy_services.set_raised(user, session, offered=[flag.pk], chosen=[flag.pk])


@router.delete("/therapy/bring-ups/{bring_up_id}", response={204: None, **WRITE_ERRORS})
def remove_bring_up(request: HttpRequest, bring_up_id: int):
    """Take it off the list; the entry, moment or check-in itself stays where it was."""
    with transaction.atomic():
        flag = one_or_404(owned(BringUp, request.user).select_for_update(), pk=bring_up_id)
        check_if_match(request, etag_of(_shown_flag(request, bring_up_id)))
        flag.delete()
    return Status(204, None)


# The summary for the next session ----------------------------------------------------------


@router.get("/therapy/summary", response={200: TherapySummaryOut, **READ_ERRORS})
def next_session_summary(request: HttpRequest):
    """The page for the next session as data: what is on the list, homework since the last
    session, and each check-in's change since then."""
    return summary_of(therapy_summary.summary(request.user, timezone.localdate()))
