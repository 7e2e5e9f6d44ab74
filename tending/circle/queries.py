"""Reads of the circle: people with their last moment and current closeness, in few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
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


# Up to this many moments had only with someone are counted exactly on their delete page;
# beyond it the page says "more than", so it costs the same after thirty years as after one
# (at 500, the look went through 300 moments after a year and 700 after thirty: 25% dearer).
EXACT_UP_TO = 200
# Their moments in all are counted up to this many, then said as "more than".
ALL_UP_TO = 1000


@dataclass(frozen=True)
class GoesWith:
    """What deleting someone would also delete, or change, for the confirmation page."""

    moments: int  # every moment they are in, counted up to ALL_UP_TO + 1
    only_counted: int  # moments with only them, counted up to EXACT_UP_TO + 1
    ratings: int

    @property
    def only_known(self) -> bool:
        """Whether `only_with_them` is the exact number (else: more than EXACT_UP_TO)."""
        return self.only_counted <= EXACT_UP_TO

    @property
    def all_known(self) -> bool:
        """Whether `moments` is the exact number (else: more than ALL_UP_TO)."""
        return self.moments <= ALL_UP_TO

    @property
    def all_said(self) -> int:
        """Their moments in all as the page says it: exact, or ALL_UP_TO after "more than"."""
        return self.moments if self.all_known else ALL_UP_TO

    @property
    def only_with_them(self) -> int:
        """The moments that go with them: exact when known, else EXACT_UP_TO (said as "more
        than" that, never as the number itself)."""
        return self.only_counted if self.only_known else EXACT_UP_TO

    @property
    def shared_with_others(self) -> int | None:
        """The moments that stay, without them; None when the exact number is not known."""
        if not (self.only_known and self.all_known):
            return None
        return self.moments - self.only_counted


def what_goes_with(person: Person) -> GoesWith:
    """Their moments (counted up to just past ALL_UP_TO), those had only with them (up to
    just past EXACT_UP_TO), and their closeness ratings, in one query.

    Their moments are one count over the person's range of the links' index. The moments
    had only with them need a look at each moment's other people: that look stops once it
    has found EXACT_UP_TO + 1 of them, so years of shared moments are not read through.
    """
    with connection.cursor() as cursor:
        cursor.execute(_goes_with_sql(), [person.pk, person.pk, person.pk, person.pk])
        moments, only_counted, ratings = cursor.fetchone()
    return GoesWith(moments=moments, only_counted=only_counted, ratings=ratings)


@lru_cache(maxsize=1)
def _goes_with_sql() -> str:
    from tending.moments.models import Moment

    quote = connection.ops.quote_name
    links_model = Moment.people.through
    links = quote(links_model._meta.db_table)
    moment = quote(links_model._meta.get_field("moment").column)
    person = quote(links_model._meta.get_field("person").column)
    ratings = quote(ClosenessRating._meta.db_table)
    rated = quote(ClosenessRating._meta.get_field("person").column)
    someone_else = f"SELECT 1 FROM {links} o WHERE o.{moment} = l.{moment} AND o.{person} <> %s"
    only_them = (
        f"SELECT 1 FROM {links} l WHERE l.{person} = %s AND NOT EXISTS ({someone_else})"
        f" LIMIT {EXACT_UP_TO + 1}"
    )
    return (
        f"SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM {links} WHERE {person} = %s"
        f" LIMIT {ALL_UP_TO + 1}) every_one),"
        f" (SELECT COUNT(*) FROM ({only_them}) only_them),"
        f" (SELECT COUNT(*) FROM {ratings} WHERE {rated} = %s)"
    )
