"""Reads of the circle: people with their last moment and current closeness, in few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
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


def _someone_else(person: Person) -> Exists:
    """Whether a link's moment has someone else in it too: one look-up in the links' index.

    Grouping every link of every moment they were in read each moment's links twice over.
    """
    from tending.moments.models import Moment

    links = Moment.people.through.objects
    return Exists(links.filter(moment_id=OuterRef("moment_id")).exclude(person_id=person.pk))


def _their_links(person: Person) -> QuerySet:
    from tending.moments.models import Moment

    return Moment.people.through.objects.filter(person=person)


def lonely_moment_ids(person: Person) -> QuerySet:
    """The moments the person was the only one in."""
    return _their_links(person).filter(~_someone_else(person)).values_list("moment_id", flat=True)


def what_goes_with(person: Person) -> dict[str, int]:
    """What deleting this person would also delete, or change, for the confirmation page."""
    counts = _their_links(person).aggregate(
        moments=Count("pk"), shared_with_others=Count("pk", filter=_someone_else(person))
    )
    shared = counts["shared_with_others"] or 0
    return {
        "only_with_them": counts["moments"] - shared,
        "shared_with_others": shared,
        "ratings": ClosenessRating.objects.filter(person_id=person.pk).count(),
    }
