"""Changes to the circle that follow from changes elsewhere."""

from __future__ import annotations

from collections.abc import Iterable

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
