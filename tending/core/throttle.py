"""Refusing further logins for a name from an address after repeated failures."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tending.core.accounts import name_key
from tending.core.models import LoginThrottle

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)  # failures counted within it, and how long a lock lasts
FORGET_AFTER = timedelta(days=1)
IPV6_PREFIX = 64  # one home or phone network gets a whole /64; count it as one address


def username_key(username: str) -> str:
    """A keyed hash of the typed name: sometimes it is a password typed in the wrong box.

    It starts from the name Django's login looks up (stripped, Unicode NFKC), then folds case:
    "Robin", "robin " and "ｒobin" (a full-width r) are the same person trying, so they are
    counted together, and no variant Django would accept escapes the count.
    """
    folded = name_key(username)
    secret = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(secret, folded.encode("utf-8"), hashlib.sha256).hexdigest()


def client_address(request) -> str:
    """The visitor's address; behind TENDING_PROXY_COUNT proxies, the one they saw.

    Each trusted proxy appends the address it was reached from to X-Forwarded-For, so the
    entry that many places from the end is the visitor's; anything before it could be forged.
    An IPv6 address stands for its /64 network, which one household or phone gets whole.
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
    if mapped is not None:
        return str(mapped)
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


def _locked_row(key: str, address: str, now: datetime) -> LoginThrottle:
    """This name and address's row, locked for this transaction; made if there is none."""
    rows = LoginThrottle.objects.select_for_update()
    try:
        with transaction.atomic():
            row, _ = rows.get_or_create(
                username_key=key, address=address, defaults={"first_failure_at": now}
            )
    except IntegrityError:  # made by a try that arrived at the same moment
        row = rows.get(username_key=key, address=address)
    return row


def count_try(username: str, address: str, now: datetime | None = None) -> datetime | None:
    """Count a login try before its password is checked; when refused, until when.

    Counting first means tries sent all at once are counted one after another: the
    fifth locks, and a sixth sent alongside is refused, whatever the passwords were.
    """
    now = now or timezone.now()
    with transaction.atomic():
        row = _locked_row(username_key(username), address, now)
        if row.locked_until is not None and row.locked_until > now:
            return row.locked_until
        if row.first_failure_at <= now - WINDOW or row.locked_until is not None:
            row.failures, row.first_failure_at, row.locked_until = 0, now, None
        row.failures += 1
        if row.failures >= MAX_FAILURES:
            row.locked_until = now + WINDOW
        row.save()
        LoginThrottle.objects.filter(first_failure_at__lt=now - FORGET_AFTER).exclude(
            locked_until__gt=now
        ).delete()
    return None


def forget_failures(username: str, address: str) -> None:
    LoginThrottle.objects.filter(username_key=username_key(username), address=address).delete()


def forget_name(username: str) -> None:
    """Lift every wait for this name, from every address (its password was just reset)."""
    LoginThrottle.objects.filter(username_key=username_key(username)).delete()
