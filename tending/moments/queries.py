"""Reads of moments, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.moments.models import Moment


def moments_for(user) -> QuerySet[Moment]:
    return owned(Moment, user).prefetch_related(
        Prefetch("people", queryset=Person.objects.order_by("name")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )


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
