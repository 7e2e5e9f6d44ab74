"""Reads of moments, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.moments.models import Moment

# What a moment shows of its people: their names and pages. Loading whole people (three
# dates to convert each) for every row of a list cost more than the moments themselves.
PERSON_COLUMNS = ("id", "owner_id", "name", "is_archived")


def moments_for(user) -> QuerySet[Moment]:
    return owned(Moment, user).prefetch_related(
        Prefetch("people", queryset=Person.objects.only(*PERSON_COLUMNS).order_by("name")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )


def moments_with_count(person: Person) -> int:
    """How many moments the person is in, from their links alone.

    A person's links only ever join them to their owner's moments, so counting the links
    (an index range) gives the same number as counting moments joined to links, without
    visiting years of moments.
    """
    return Moment.people.through.objects.filter(person=person).count()


def count_moments(moments: QuerySet[Moment], person: Person | None = None, **others) -> int:
    """How many `moments` there are; with only a person to filter by, from their links."""
    if person is not None and not any(v is not None for v in others.values()):
        return moments_with_count(person)
    return moments.count()


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_moments(
    user,
    person: Person | None = None,
    tag: Tag | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Moment]:
    """Moments narrowed by person, tag and an inclusive date range in the person's time zone."""
    moments = moments_for(user)
    if person is not None:
        moments = moments.filter(people=person)
    if tag is not None:
        moments = moments.filter(tags=tag)
    if since is not None:
        moments = moments.filter(occurred_at__gte=start_of_day(since))
    if until is not None:
        moments = moments.filter(occurred_at__lt=start_of_day(until) + timedelta(days=1))
    return moments
