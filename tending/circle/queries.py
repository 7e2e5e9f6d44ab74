"""Reads of the circle: people with their last moment and current closeness, in few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from tending.circle.drift import Drift, Rhythm, rhythm_for
from tending.circle.models import ClosenessRating, Person
from tending.core.ownership import owned


def people_for(user, include_archived: bool = False, kind: str = "") -> QuerySet[Person]:
    """The person's circle, each with `last_moment_at` and `closeness` (the latest rating)."""
    latest_rating = ClosenessRating.objects.filter(person=OuterRef("pk")).order_by(
        "-rated_on", "-id"
    )
    people = owned(Person, user).annotate(closeness=Subquery(latest_rating.values("value")[:1]))
    if not include_archived:
        people = people.filter(is_archived=False)
    if kind:
        people = people.filter(kind=kind)
    return people.order_by("name", "id")


def people_to_choose(user, row=None) -> QuerySet[Person]:
    """The owner's active people, plus archived ones already in `row` (a moment, an entry).

    The row's people come in as a subquery of its own links, not as a join through every
    row someone is in: that join, made unique again with DISTINCT, cost milliseconds on
    years of data.
    """
    keep = Q(is_archived=False)
    if row is not None and row.pk:
        keep |= Q(pk__in=row.people.values("pk"))
    return owned(Person, user).filter(keep).order_by("name")


def last_contact_date(person: Person) -> date | None:
    moment_at = getattr(person, "last_moment_at", None)
    return timezone.localdate(moment_at) if moment_at else None


@dataclass
class CircleEntry:
    person: Person
    rhythm: Rhythm

    @property
    def status(self) -> Drift:
        return self.rhythm.status


def circle_entries(people, today: date) -> list[CircleEntry]:
    return [CircleEntry(p, rhythm_for(last_contact_date(p), p.rhythm_days, today)) for p in people]


def group_sizes(person: Person) -> QuerySet:
    """For each of the person's moments, how many people were in it, from the links alone."""
    from tending.moments.models import Moment

    links = Moment.people.through.objects
    theirs = links.filter(person=person).values("moment_id")
    return links.filter(moment_id__in=theirs).values("moment_id").annotate(n=Count("id"))


def what_goes_with(person: Person) -> dict[str, int]:
    """What deleting this person would also delete, or change, for the confirmation page."""
    counts = group_sizes(person).aggregate(
        only_with_them=Count("moment_id", filter=Q(n=1)),
        shared_with_others=Count("moment_id", filter=Q(n__gt=1)),
    )
    return {
        "only_with_them": counts["only_with_them"] or 0,
        "shared_with_others": counts["shared_with_others"] or 0,
        "ratings": person.closeness_ratings.count(),
    }
