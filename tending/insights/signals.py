"""Deleted moments and check-ins make the kept findings stale, and deleted check-ins move
the count kept charts read (adding or changing rows shows in the fingerprint or the newest
id itself; a deletion would not, without counting every row)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver

from tending.core.signals import owned_rows_deleted


@receiver(owned_rows_deleted)
def forget_kept_findings(sender, owner_ids, **kwargs) -> None:
    from tending.checkins.models import CheckIn
    from tending.insights.models import InsightsResult
    from tending.moments.models import Moment

    if sender in (Moment, CheckIn) and owner_ids:
        InsightsResult.objects.filter(owner_id__in=owner_ids).update(fingerprint="")


@receiver(owned_rows_deleted)
def count_deleted_checkins(sender, owner_ids, **kwargs) -> None:
    from tending.checkins.models import CheckIn

    if sender is CheckIn:
        for owner_id in owner_ids:
            count_deletion(owner_id, "checkin")


def count_deletion(owner_id: int, kind: str) -> None:
    """One more deletion of `kind` for the account (its row made at the first)."""
    from tending.insights.models import Deletions

    counted = Deletions.objects.filter(owner_id=owner_id, kind=kind)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            Deletions.objects.create(owner_id=owner_id, kind=kind, count=1)
    except IntegrityError:  # made at the same moment by another request: count on that one
        counted.update(count=F("count") + 1)
