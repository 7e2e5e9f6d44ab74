"""What the insights keep: the findings worked out last, when each was first seen, and how
many times check-ins were deleted.

None is in the JSON export (tending/exchange/kinds.py says why): the findings are worked
out again from the moments and pulses, and an imported account starts its own record of
when each was first seen. Both go with the account (owner, on delete cascade).
"""

from __future__ import annotations

from django.db import models

from tending.core.models import OwnedModel


class InsightsResult(OwnedModel):
    """The last analysis of a person's days, kept while `fingerprint` still describes them."""

    fingerprint = models.CharField(max_length=300)
    computed_on = models.DateField()  # the person's own day it was worked out on
    result = models.JSONField(default=dict)  # findings as Finding.as_json, and the day counts

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="insights_one_result_per_owner")
        ]


class FindingSeen(OwnedModel):
    """When a finding (an exposure, an outcome, a lag; the exposure names the person) was
    first shown, and first shown as a firm finding rather than an early sign."""

    exposure = models.CharField(max_length=100)
    outcome = models.CharField(max_length=100)
    lag_days = models.PositiveSmallIntegerField()
    first_seen_on = models.DateField()
    firm_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "exposure", "outcome", "lag_days"], name="insights_seen_once"
            )
        ]


class Deletions(OwnedModel):
    """How many times rows of one kind (`checkin`) were deleted from the account.

    A chart of all of a history is kept until a result is added or deleted; an addition
    moves the newest id, but a deletion leaves no trace short of counting every result,
    which grew the page with the years. Each deletion adds one here instead
    (tending/insights/signals.py), and the chart's stamp reads this one row."""

    kind = models.CharField(max_length=20)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="insights_deletions_once")
        ]
