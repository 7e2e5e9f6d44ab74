"""Changes to the circle that follow from changes elsewhere."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import OuterRef, Subquery

from tending.circle.models import Person


def refresh_last_moments(person_ids: Iterable[int]) -> None:
    """Set each person's `last_moment_at` from their moments, as they are now."""
    from tending.moments.models import Moment

    ids = sorted(set(person_ids))
    if not ids:
        return
    latest = (
        Moment.objects.filter(people=OuterRef("pk"))
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    Person.objects.filter(pk__in=ids).update(last_moment_at=Subquery(latest))


def delete_person(person: Person) -> None:
    """Delete someone: moments they were the only one in go with them; shared moments stay,
    without them. (The web page and the API both delete this way.)"""
    # Moments are built on the circle, so the circle reaches them only when it must.
    from tending.circle.queries import lonely_moment_ids
    from tending.core.ownership import owned
    from tending.moments.models import Moment
    from tending.moments.services import delete_moments

    with transaction.atomic():
        lonely = lonely_moment_ids(person)
        delete_moments(owned(Moment, person.owner).filter(pk__in=list(lonely)))
        person.delete()
