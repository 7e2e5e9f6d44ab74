"""Reads of the circle: people with their last moment and current closeness, in few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone

from tending.circle.drift import Drift, Rhythm, rhythm_for
from tending.circle.models import ClosenessRating, Person, Ring
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


def by_ring(entries: list[CircleEntry]) -> dict[str, list[CircleEntry]]:
    grouped: dict[str, list[CircleEntry]] = {r.value: [] for r in Ring}
    for entry in entries:
        grouped[entry.person.ring].append(entry)
    return grouped


def moments_with_group_size(person: Person) -> QuerySet:
    """The person's moments, each annotated with how many people were in it in all."""
    # Counting inside person.moments would reuse the join filtered to this person, so
    # count over the moments themselves.
    from tending.moments.models import Moment

    return (
        owned(Moment, person.owner)
        .filter(pk__in=person.moments.values("pk"))
        .annotate(n_people=Count("people"))
    )


def what_goes_with(person: Person) -> dict[str, int]:
    """What deleting this person would also delete, or change, for the confirmation page."""
    moments = moments_with_group_size(person)
    return {
        "only_with_them": moments.filter(n_people=1).count(),
        "shared_with_others": moments.filter(n_people__gt=1).count(),
        "ratings": person.closeness_ratings.count(),
    }
