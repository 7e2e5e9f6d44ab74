"""Reminders on the phone by Web Push: a wake-up with nothing in it, once a day at most.

The push message carries no words at all (nothing private passes through the browser
maker's push service): the service worker, woken, asks `/phone/reminder` for the text with
the person's own login, and shows it. The server's VAPID key pair is made by tending the
first time it is needed and kept in the database (`PushKeys`), so every server process of a
hosted tending signs with the same one. The push protocol and its encryption are pywebpush's.

Push needs HTTPS and a browser's push service the server can reach: hosted mode. In personal
mode (tending on 127.0.0.1) the page offers the calendar feed instead.
"""

from __future__ import annotations

import base64
import logging
import socket
from dataclasses import dataclass, field
from datetime import datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tending.core.languages import account_language
from tending.pwa.endpoints import reaches_inside
from tending.pwa.models import PushKeys, PushSubscription

log = logging.getLogger(__name__)
WAKE_FROM = time(9, 0)  # no wake-up before nine in the morning, the person's own time
TIME_TO_LIVE = 12 * 3600  # seconds a push service may hold a wake-up for a phone that is off


def push_possible() -> bool:
    """Whether this tending can offer reminders by push: hosted, behind HTTPS."""
    return settings.HOSTED


def _urlsafe(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def server_keys() -> PushKeys:
    """The VAPID key pair, made on first use. Two servers making it at once each make one;
    the first row made is the one everyone uses from then on."""
    found = PushKeys.objects.order_by("pk").first()
    if found is not None:
        return found
    from cryptography.hazmat.primitives import serialization
    from py_vapid import Vapid

    made = Vapid()
    made.generate_keys()
    point = made.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    PushKeys.objects.create(private_pem=made.private_pem().decode(), public_key=_urlsafe(point))
    return PushKeys.objects.order_by("pk").first()


def contact() -> str:
    """Who the push services may write to about this server (VAPID's `sub`)."""
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    return f"mailto:{address}"


def reminder_for(user, day) -> dict[str, str] | None:
    """The words a wake-up shows, in the person's language: what Today has waiting. No names:
    a phone shows them on its locked screen. None when nothing is waiting."""
    from tending.today.overview import today_for

    with timezone.override(user.zone):  # Today reads days in its person's zone
        shown = today_for(user, day)
    due = ([shown["pulse"]] if shown["pulse"] else []) + list(shown["other_due"])
    with translation.override(account_language(user)):
        lines = []
        if shown["person"] is not None:
            lines.append(_("Someone in your circle would be glad to hear from you."))
        if due:
            lines.append(_("A check-in is waiting for you."))
        if not lines:
            return None
        words = {"title": _("tending: a small reminder"), "body": " ".join(lines)}
    return {**words, "url": reverse("today:today")}


@dataclass
class WakeReport:
    sent: int = 0
    gone: int = 0  # subscriptions the push service no longer knows, removed
    failed: list[str] = field(default_factory=list)


def _addresses_of(host: str) -> list[str]:
    try:
        return sorted(
            {info[4][0] for info in socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)}
        )
    except OSError:
        return []


def wake(subscription: PushSubscription, keys: PushKeys, session=None) -> int:
    """Send one empty push message; the push service's answer code (0: not reached)."""
    from py_vapid import Vapid
    from pywebpush import WebPushException, webpush

    if reaches_inside(_addresses_of(urlsplit(subscription.endpoint).hostname or "")):
        return 0  # a name pointed inside: refused here, counted as a failure
    try:
        answer = webpush(
            {
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=None,
            vapid_private_key=Vapid.from_pem(keys.private_pem.encode()),
            vapid_claims={"sub": contact()},
            ttl=TIME_TO_LIVE,
            timeout=10,
            requests_session=session,
        )
        return answer.status_code
    except WebPushException as exc:
        return exc.response.status_code if exc.response is not None else 0
    except Exception as exc:  # the network: try again tomorrow
        # The kind of failure only: its message holds the subscription's address, which is
        # as good as a key to that phone.
        log.warning("A push wake-up could not be sent (%s).", type(exc).__name__)
        return 0


def claim(subscription: PushSubscription, day) -> bool:
    """Mark the day's wake-up as this server's to send; False if another already did."""
    with transaction.atomic():
        changed = (
            PushSubscription.objects.filter(pk=subscription.pk)
            .filter(Q(woken_on__isnull=True) | Q(woken_on__lt=day))
            .update(woken_on=day)
        )
    return changed == 1


def send_wakeups(now: datetime | None = None, session=None) -> WakeReport:
    """Wake each subscribed device whose person has something waiting today, once a day,
    from nine in the morning their time."""
    now = now or timezone.now()
    report = WakeReport()
    keys = None
    rows = PushSubscription.objects.select_related("owner").order_by("pk")
    for subscription in rows.iterator(chunk_size=200):
        owner = subscription.owner
        local = now.astimezone(owner.zone)
        day = local.date()
        if local.time() < WAKE_FROM or (subscription.woken_on and subscription.woken_on >= day):
            continue
        if reminder_for(owner, day) is None or not claim(subscription, day):
            continue
        keys = keys or server_keys()
        status = wake(subscription, keys, session)
        if status in (404, 410):  # the browser unsubscribed, or the phone is gone
            subscription.delete()
            report.gone += 1
        elif 200 <= status < 300:
            report.sent += 1
        else:
            report.failed.append(f"{urlsplit(subscription.endpoint).hostname}: {status}")
    return report
