"""People of the circle, and their closeness over time."""

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
    PageQuery,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.circle.drift import rhythm_for
from tending.circle.forms import ClosenessForm, PersonForm
from tending.circle.models import ClosenessRating, Kind, Person, Ring
from tending.circle.queries import last_contact_date
from tending.circle.services import delete_person
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.core.reads import column, read_together, table

router = Router(tags=["people"])

KindName = Literal[tuple(Kind.values)]  # type: ignore[valid-type]
RingName = Literal[tuple(Ring.values)]  # type: ignore[valid-type]


class PersonOut(Shown):
    # Drift moves with the day; what is stored (the last moment, closeness) is in the ETag,
    # so a delete from an old copy notices a moment logged meanwhile.
    DERIVED: ClassVar[frozenset[str]] = frozenset({"drift"})
    # Not a column of the person's row.
    WORKED_OUT: ClassVar[frozenset[str]] = frozenset({"drift", "closeness"})

    id: int
    name: str
    kind: KindName
    ring: RingName
    rhythm_days: int
    birthday_day: int | None
    birthday_month: int | None
    birthday_year: int | None
    phone: str
    email: str
    other_contact: str
    notes: str
    is_safe: bool
    is_archived: bool
    last_moment_at: datetime | None
    drift: Literal["in-rhythm", "due", "drifting", "never"] = Field(
        description="In rhythm, due, drifting (longer than the rhythm asks) or never met yet."
    )
    closeness: int | None = Field(description="The latest closeness rating, 1-7.")
    created_at: datetime
    updated_at: datetime


class PersonPage(Shown):
    items: list[PersonOut]
    next: str | None


class PersonIn(Schema):
    name: str = Field(max_length=100)
    kind: KindName = Kind.FRIEND.value
    ring: RingName = Ring.MIDDLE.value
    rhythm_days: int | None = Field(None, description="Empty: the ring's usual rhythm.")
    birthday_day: int | None = None
    birthday_month: int | None = None
    birthday_year: int | None = None
    phone: str = ""
    email: str = ""
    other_contact: str = ""
    notes: str = ""
    is_safe: bool = False
    closeness: int | None = Field(None, description="How close, 1-7, noted today.")


class PersonChange(Schema):
    name: str | None = Field(None, max_length=100)
    kind: KindName | None = None
    ring: RingName | None = None
    rhythm_days: int | None = None
    birthday_day: int | None = None
    birthday_month: int | None = None
    birthday_year: int | None = None
    phone: str | None = None
    email: str | None = None
    other_contact: str | None = None
    notes: str | None = None
    is_safe: bool | None = None
    is_archived: bool | None = None


class PeopleFilter(PageQuery):
    kind: KindName | None = None
    ring: RingName | None = None
    archived: bool = Field(False, description="true: archived people only.")


class ClosenessOut(Shown):
    id: int
    person_id: int
    value: int
    rated_on: date
    created_at: datetime


class ClosenessIn(Schema):
    value: int = Field(description="1 (far apart) to 7 (very close).")
    rated_on: date | None = Field(None, description="Empty: today.")


STORED = [name for name in PersonOut.model_fields if name not in PersonOut.WORKED_OUT]


def show(person: Person, closeness: int | None = None, today: date | None = None) -> PersonOut:
    today = today or timezone.localdate()
    rhythm = rhythm_for(last_contact_date(person), person.rhythm_days, today)
    return PersonOut(
        **{name: getattr(person, name) for name in STORED},
        drift=rhythm.status.value,
        closeness=closeness,
    )


def _latest_closeness(person: Person) -> int | None:
    rating = person.closeness_ratings.order_by("-rated_on", "-id").first()
    return rating.value if rating else None


def _shown(person: Person) -> PersonOut:
    return show(person, _latest_closeness(person))


@router.get("/people", response={200: PersonPage, **READ_ERRORS})
def list_people(request: HttpRequest, filters: Query[PeopleFilter]):
    people = owned(Person, request.user).filter(is_archived=filters.archived)
    if filters.kind:
        people = people.filter(kind=filters.kind)
    if filters.ring:
        people = people.filter(ring=filters.ring)
    rows, after = one_page(people, ("name", "id"), filters.cursor, filters.limit)
    latest, today = _latest_for([p.pk for p in rows]), timezone.localdate()
    return PersonPage(items=[show(p, latest.get(p.pk), today) for p in rows], next=after)


def _latest_for(person_ids: list[int]) -> dict[int, int]:
    """Each person's latest closeness rating: a written-out read, a fifth of the cost of
    building the same query with Django's."""
    if not person_ids:
        return {}
    person, rated_on, pk = (column(ClosenessRating, name) for name in ("person", "rated_on", "id"))
    marks = ", ".join(["%s"] * len(person_ids))
    sql = (
        f"SELECT {person}, {column(ClosenessRating, 'value')} FROM {table(ClosenessRating)}"
        f" WHERE {person} IN ({marks}) ORDER BY {person}, {rated_on} DESC, {pk} DESC"
    )
    (rows,) = read_together([(sql, person_ids)])
    latest: dict[int, int] = {}
    for person_id, value in rows:
        latest.setdefault(person_id, value)
    return latest


@router.post("/people", response={201: PersonOut, **WRITE_ERRORS})
def add_person(request: HttpRequest, response: HttpResponse, body: PersonIn):
    form = bound_form(
        PersonForm,
        body.model_dump(),
        partial=False,
        with_closeness=True,
        instance=Person(owner=request.user),
    )
    with transaction.atomic():
        person = valid_or_422(form).save()
    return Status(201, with_etag(response, _shown(person)))


@router.get("/people/{person_id}", response={200: PersonOut, **READ_ERRORS})
def get_person(request: HttpRequest, response: HttpResponse, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    return with_etag(response, _shown(person))


@router.patch("/people/{person_id}", response={200: PersonOut, **WRITE_ERRORS})
def change_person(request: HttpRequest, response: HttpResponse, person_id: int, body: PersonChange):
    with transaction.atomic():
        person = one_or_404(owned(Person, request.user).select_for_update(), pk=person_id)
        check_if_match(request, etag_of(_shown(person)))
        changes = body.model_dump(exclude_unset=True)
        archived = changes.pop("is_archived", None)
        if changes:
            valid_or_422(bound_form(PersonForm, changes, partial=True, instance=person)).save()
        if archived is not None and archived != person.is_archived:
            person.is_archived = archived
            person.save(update_fields=["is_archived", "updated_at"])
    return with_etag(response, _shown(person))


@router.delete("/people/{person_id}", response={204: None, **WRITE_ERRORS})
def remove_person(request: HttpRequest, person_id: int):
    """Delete someone; moments they were the only one in go with them, shared ones stay."""
    with transaction.atomic():
        person = one_or_404(owned(Person, request.user).select_for_update(), pk=person_id)
        check_if_match(request, etag_of(_shown(person)))
        delete_person(person)
    return Status(204, None)


@router.get("/people/{person_id}/closeness", response={200: list[ClosenessOut], **READ_ERRORS})
def closeness_history(request: HttpRequest, person_id: int):
    """Every closeness rating of someone, newest first."""
    person = get_owned_or_404(Person, request.user, pk=person_id)
    return list(person.closeness_ratings.order_by("-rated_on", "-id"))


@router.post("/people/{person_id}/closeness", response={201: ClosenessOut, **WRITE_ERRORS})
def rate_closeness(request: HttpRequest, person_id: int, body: ClosenessIn):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    changes = body.model_dump()
    if changes["rated_on"] is None:
        changes["rated_on"] = timezone.localdate()
    rating = ClosenessRating(owner=request.user, person=person)
    valid_or_422(bound_form(ClosenessForm, changes, partial=False, instance=rating)).save()
    return Status(201, rating)
