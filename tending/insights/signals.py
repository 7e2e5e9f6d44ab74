"""Deleted moments and check-ins make the kept findings stale (adding or changing rows shows
in the fingerprint itself; a deletion would not, without counting every row)."""

from __future__ import annotations

from django.dispatch import receiver

from tending.core.signals import owned_rows_deleted


@receiver(owned_rows_deleted)
def forget_kept_findings(sender, owner_ids, **kwargs) -> None:
    from tending.checkins.models import CheckIn
    from tending.insights.models import InsightsResult
    from tending.moments.models import Moment

    if sender in (Moment, CheckIn) and owner_ids:
        InsightsResult.objects.filter(owner_id__in=owner_ids).update(fingerprint="")
