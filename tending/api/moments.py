"""Moments: what happened with whom, through the web's own form and its rules."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal

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
    form_problems,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.api.tags import tag_id_named
from tending.core.ownership import one_or_404, owned
from tending.moments.forms import MomentFilterForm, MomentForm
from tending.moments.models import Channel, Initiator, Moment, Sharing
from tending.moments.queries import day_span, people_and_tags
from tending.moments.services import delete_moments

router = Router(tags=["moments"])

ChannelName = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
InitiatorName = Literal[tuple(Initiator.values)]  # type: ignore[valid-type]
SharingDepth = Literal[tuple(Sharing.values)]  # type: ignore[valid-type]
FivePoints = Literal[1, 2, 3, 4, 5]
SevenPoints = Literal[1, 2, 3, 4, 5, 6, 7]

# The API's names for the form's fields, where they differ (for the `loc` of a problem); the
# same names as the journal's and the goals'.
API_NAMES = {"people": "person_ids", "tag_names": "tags"}
FILTER_NAMES = {"person": "person_id"}
# The moment's details as the web form takes them (its other fields are shown on their own).
DETAILS = tuple(name for name in MomentForm._meta.fields if name not in ("occurred_at", "note"))

SHARING_HELP = "0 nothing personal, 1 facts, 2 thoughts, 3 feelings, 4 something vulnerable."
WHEN_HELP = (
    "When it happened. With an offset (2026-03-14T18:30+01:00) it is that instant; without "
    "one (2026-03-14T18:30) it is a time on your own clock, in the time zone of your "
    "settings. When the clocks went back, a time that came twice counts as the first of the "
    "two (a change that leaves the time as it was keeps it); when they went forward, a time "
    "that never came moves on by the jump, and `time_note` says so."
)


class MomentOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset()

    id: int
    person_ids: list[int] = Field(description="The ids of the people it was with.")
    occurred_at: datetime = Field(description="When it happened, in your own time zone.")
    duration_minutes: int | None
    channel: ChannelName | None
    initiated_by: InitiatorName | None = Field(description="Who reached out.")
    self_disclosure: SharingDepth | None = Field(description="What you shared. " + SHARING_HELP)
    other_disclosure: SharingDepth | None = Field(description="What they shared, 0-4 alike.")
    felt_understood: FivePoints | None
    felt_validated: FivePoints | None = Field(
        description="I felt accepted, that my feelings made sense to them (1-5)."
    )
    felt_cared_for: FivePoints | None
    closeness_after: SevenPoints | None = Field(description="How close afterwards, 1-7.")
    felt_safe: FivePoints | None
    note: str
    tags: list[str] = Field(description="Tag names, by name.")
    created_at: datetime
    updated_at: datetime


class MomentSaved(MomentOut):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"time_note"})

    time_note: str = Field(
        "", description="What was done about a clock change in the time given; empty if nothing."
    )


class MomentPage(Shown):
    items: list[MomentOut]
    next: str | None


class MomentIn(Schema):
    person_ids: list[int] = Field(
        default_factory=list, max_length=500, description="Ids of people in your circle (1+)."
    )
    occurred_at: str | None = Field(None, max_length=64, description=WHEN_HELP + " Empty: now.")
    duration_minutes: int | None = Field(None, description="1-1440 minutes.")
    channel: ChannelName | None = None
    initiated_by: InitiatorName | None = None
    self_disclosure: SharingDepth | None = Field(None, description=SHARING_HELP)
    other_disclosure: SharingDepth | None = Field(None, description=SHARING_HELP)
    felt_understood: FivePoints | None = None
    felt_validated: FivePoints | None = None
    felt_cared_for: FivePoints | None = None
    closeness_after: SevenPoints | None = None
    felt_safe: FivePoints | None = None
    note: str = ""
    tags: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="Tag names; new ones are made. Tidied as on the web: trimmed, lower case.",
    )


class MomentChange(Schema):
    person_ids: list[int] | None = Field(None, max_length=500)
    occurred_at: str | None = Field(None, max_length=64, description=WHEN_HELP)
    duration_minutes: int | None = None
    channel: ChannelName | None = None
    initiated_by: InitiatorName | None = None
    self_disclosure: SharingDepth | None = None
    other_disclosure: SharingDepth | None = None
    felt_understood: FivePoints | None = None
    felt_validated: FivePoints | None = None
    felt_cared_for: FivePoints | None = None
    closeness_after: SevenPoints | None = None
    felt_safe: FivePoints | None = None
    note: str | None = None
    tags: list[str] | None = Field(None, max_length=100)


class MomentFilter(PageQuery):
    person_id: int | None = Field(None, description="Only moments with this person.")
    tag: str | None = Field(None, max_length=100, description="Only moments with this tag name.")
    since: date | None = Field(None, description="From this day of yours on (inclusive).")
    until: date | None = Field(None, description="Up to this day of yours (inclusive).")


def show(moment: Moment, people: list[tuple[int, str]], tags: list[tuple[int, str]]) -> MomentOut:
    """A moment with its people and tags as people_and_tags reads them."""
    details = {name: getattr(moment, name) for name in DETAILS}
    details.update(channel=moment.channel or None, initiated_by=moment.initiated_by or None)
    return MomentOut(
        id=moment.pk,
        person_ids=sorted(pk for pk, _ in people),  # by id: renaming someone changes no moment
        occurred_at=timezone.localtime(moment.occurred_at),
        note=moment.note,
        tags=[name for _, name in tags],
        created_at=moment.created_at,
        updated_at=moment.updated_at,
        **details,
    )


def _shown(moment: Moment) -> MomentOut:
    people, tags = people_and_tags([moment.pk])
    return show(moment, people.get(moment.pk, []), tags.get(moment.pk, []))


def _saved(moment: Moment, form: MomentForm) -> MomentSaved:
    return MomentSaved(**_shown(moment).model_dump(), time_note=form.time_note)


def _form_values(changes: dict[str, Any]) -> dict[str, Any]:
    """The API's fields as the web form posts them: tags are one line, split by commas."""
    values = dict(changes)
    if "person_ids" in values:
        values["people"] = values.pop("person_ids")
    if "tags" in values:
        values["tag_names"] = ", ".join(values.pop("tags") or [])
    return values


def _narrowed(request: HttpRequest, filters: MomentFilter):
    """The caller's moments, narrowed as the web's list narrows them (its own filter form)."""
    moments = owned(Moment, request.user)
    asked = {
        "person": filters.person_id,
        "tag": tag_id_named(request.user, filters.tag) if filters.tag else None,
        "since": filters.since,
        "until": filters.until,
    }
    asked = {name: str(value) for name, value in asked.items() if value is not None}
    if not asked:
        return moments
    form = MomentFilterForm(asked, user=request.user)
    if not form.is_valid():
        raise FormInvalid(
            [
                {**problem, "loc": ["query", *problem["loc"][1:]]}
                for problem in form_problems(form, FILTER_NAMES)
            ]
        )
    chosen = form.cleaned_data
    if chosen.get("person") is not None:
        moments = moments.filter(people=chosen["person"])
    if chosen.get("tag") is not None:
        moments = moments.filter(tags=chosen["tag"])
    start, end = day_span(chosen.get("since"), chosen.get("until"))
    if start is not None:
        moments = moments.filter(occurred_at__gte=start)
    if end is not None:
        moments = moments.filter(occurred_at__lt=end)
    return moments


@router.get("/moments", response={200: MomentPage, **READ_ERRORS})
def list_moments(request: HttpRequest, filters: Query[MomentFilter]):
    """Your moments, newest first; narrowed by person, tag and days as the web's list is."""
    moments = _narrowed(request, filters)
    rows, after = one_page(moments, ("-occurred_at", "-id"), filters.cursor, filters.limit)
    people, tags = people_and_tags([m.pk for m in rows])
    items = [show(m, people.get(m.pk, []), tags.get(m.pk, [])) for m in rows]
    return {"items": items, "next": after}


@router.post("/moments", response={201: MomentSaved, **WRITE_ERRORS})
def add_moment(request: HttpRequest, response: HttpResponse, body: MomentIn):
    changes = _form_values(body.model_dump())
    if changes["occurred_at"] is None:
        changes["occurred_at"] = timezone.now()
    form = bound_form(
        MomentForm,
        changes,
        partial=False,
        user=request.user,
        instance=Moment(owner=request.user),
    )
    with transaction.atomic():
        # The form sets the people and tags; the signals keep each person's last moment.
        moment = valid_or_422(form, API_NAMES).save()
    saved = _saved(moment, form)
    return Status(201, with_etag(response, saved))


@router.get("/moments/{moment_id}", response={200: MomentOut, **READ_ERRORS})
def get_moment(request: HttpRequest, response: HttpResponse, moment_id: int):
    moment = one_or_404(owned(Moment, request.user), pk=moment_id)
    return with_etag(response, _shown(moment))


@router.patch("/moments/{moment_id}", response={200: MomentSaved, **WRITE_ERRORS})
def change_moment(request: HttpRequest, response: HttpResponse, moment_id: int, body: MomentChange):
    """Change what is sent; what is left out stays, and null clears a detail."""
    with transaction.atomic():
        moment = one_or_404(owned(Moment, request.user).select_for_update(), pk=moment_id)
        check_if_match(request, etag_of(_shown(moment)))
        changes = _form_values(body.model_dump(exclude_unset=True))
        form = bound_form(MomentForm, changes, partial=True, user=request.user, instance=moment)
        valid_or_422(form, API_NAMES).save()
        saved = _saved(moment, form)
    return with_etag(response, saved)


@router.delete("/moments/{moment_id}", response={204: None, **WRITE_ERRORS})
def remove_moment(request: HttpRequest, moment_id: int):
    """Delete a moment; the last moment of each person in it is worked out again."""
    with transaction.atomic():
        moment = one_or_404(owned(Moment, request.user).select_for_update(), pk=moment_id)
        check_if_match(request, etag_of(_shown(moment)))
        delete_moments(owned(Moment, request.user).filter(pk=moment.pk))
    return Status(204, None)
