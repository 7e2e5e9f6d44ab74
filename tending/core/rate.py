"""Counting requests per key in fixed windows, in the database, so that several servers
behind one proxy count together (a page anyone can reach must not be hammered)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tending.core.models import RateCount

FORGET_AFTER = timedelta(days=1)  # no window is longer than this
TABLE = RateCount._meta.db_table


def rate_key(scope: str, value: str) -> str:
    """A keyed hash: neither an address nor a link's secret is kept as it came."""
    secret = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(secret, f"{scope}\x00{value}".encode(), hashlib.sha256).hexdigest()


def _counted(keys: list[str], since: datetime) -> dict[str, int]:
    """Count one more for each key whose window is still open; their counts now.

    One statement for every key: a request of a busy page costs one query, whatever it
    counts. RETURNING is in SQLite from 3.35 and in every PostgreSQL tending supports.
    """
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE {TABLE} SET "count" = "count" + 1 '  # noqa: S608 (no outside text)
            f'WHERE "key" IN ({marks}) AND window_start > %s RETURNING "key", "count"',
            [*keys, since],
        )
        return dict(cursor.fetchall())


def _new_window(key: str, now: datetime, since: datetime) -> int:
    """A key's first request in a new window: its old window restarted, or its row made."""
    restarted = RateCount.objects.filter(key=key, window_start__lte=since)
    if restarted.update(window_start=now, count=1):
        return 1
    try:
        with transaction.atomic():
            RateCount.objects.create(key=key, window_start=now, count=1)
        return 1
    except IntegrityError:  # made or restarted by a request that arrived at the same moment
        return _counted([key], since).get(key, 1)


def allow_all(
    checks: Sequence[tuple[str, str, int]], window: timedelta, now: datetime | None = None
) -> bool:
    """Count one request for each (scope, value, limit); False when any of them has had more
    than its limit within `window` (every key is counted all the same)."""
    if window > FORGET_AFTER:
        raise ValueError("A window longer than a day would be forgotten before it ends.")
    now = now or timezone.now()
    since = now - window
    limits = {rate_key(scope, value): limit for scope, value, limit in checks}
    counts = _counted(list(limits), since)
    for key in limits.keys() - counts.keys():
        counts[key] = _new_window(key, now, since)
        # Keys not seen for a day are forgotten now and then (one new window in 64 looks).
        if secrets.randbelow(64) == 0:
            RateCount.objects.filter(window_start__lt=now - FORGET_AFTER).delete()
    return all(counts[key] <= limit for key, limit in limits.items())


def allow(scope: str, value: str, limit: int, window: timedelta, now: datetime | None = None):
    """Count one request for (scope, value); False once more than `limit` came in `window`."""
    return allow_all([(scope, value, limit)], window, now)
