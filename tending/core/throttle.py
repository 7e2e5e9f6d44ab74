"""Refusing further logins for a name from an address after repeated failures."""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tending.core.models import LoginThrottle

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)  # failures counted within it, and how long a lock lasts
FORGET_AFTER = timedelta(days=1)


def username_key(username: str) -> str:
    # "Robin" and "robin " are the same person trying; count them together.
    return " ".join((username or "").split()).casefold()[:150]


def client_address(request) -> str:
    """The visitor's address; behind TENDING_PROXY_COUNT proxies, the one they saw.

    Each trusted proxy appends the address it was reached from to X-Forwarded-For, so the
    entry that many places from the end is the visitor's; anything before it could be forged.
    """
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return "0.0.0.0"  # unknown: still counted, in one shared bucket
    mapped = getattr(parsed, "ipv4_mapped", None)  # ::ffff:1.2.3.4 is 1.2.3.4
    return str(mapped or parsed)


def locked_until(username: str, address: str, now: datetime | None = None) -> datetime | None:
    """When tries for this name from this address are allowed again, or None if they are."""
    now = now or timezone.now()
    row = LoginThrottle.objects.filter(
        username_key=username_key(username), address=address, locked_until__gt=now
    ).first()
    return row.locked_until if row else None


def record_failure(username: str, address: str, now: datetime | None = None) -> bool:
    """Count one failed login; True if this one locks further tries."""
    now = now or timezone.now()
    key = username_key(username)
    with transaction.atomic():
        row = (
            LoginThrottle.objects.select_for_update()
            .filter(username_key=key, address=address)
            .first()
        )
        if row is None:
            row = LoginThrottle(username_key=key, address=address, first_failure_at=now)
        elif row.first_failure_at <= now - WINDOW or (
            row.locked_until is not None and row.locked_until <= now
        ):
            row.failures, row.first_failure_at, row.locked_until = 0, now, None
        row.failures += 1
        locks = row.failures >= MAX_FAILURES
        if locks:
            row.locked_until = now + WINDOW
        row.save()
        LoginThrottle.objects.filter(
            first_failure_at__lt=now - FORGET_AFTER, locked_until__lt=now
        ).delete()
        LoginThrottle.objects.filter(
            first_failure_at__lt=now - FORGET_AFTER, locked_until__isnull=True
        ).delete()
    return locks


def forget_failures(username: str, address: str) -> None:
    LoginThrottle.objects.filter(username_key=username_key(username), address=address).delete()
