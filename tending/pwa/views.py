"""The web app manifest, the service worker, the offline page, and push reminders' routes."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tending.core.errors import post_only
from tending.pwa import push
from tending.pwa.endpoints import endpoint_problem
from tending.pwa.models import PushSubscription

HERE = Path(__file__).resolve().parent
BASE64URL = re.compile(r"[A-Za-z0-9_-]+=*")  # a push key's letters (padding allowed)
# Kept by the service worker when it is installed, so the offline pages have their looks.
SHELL_FILES = (
    "tending/tending.css",
    "tending/tending.js",
    "tending/icon.svg",
    "vendor/htmx/htmx.min.js",
    "pwa/offline.js",
    "pwa/icon-192.png",
)
LIGHT, DARK = "#faf7f2", "#191b1d"
DEVICES_KEPT = (
    10  # push subscriptions one account may have  # the page's own background (tending.css, --bg)
)


@require_GET
def manifest(request):
    """What a phone needs to install tending on its home screen."""
    icons = [
        {"src": static("pwa/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("pwa/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("pwa/maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": static("tending/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    document = {
        "id": reverse("core:home"),
        "name": "tending",
        "short_name": "tending",
        "description": _("A private companion for looking after yourself and your people."),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("today:today"),
        "scope": reverse("core:home"),
        "display": "standalone",
        "background_color": LIGHT,
        "theme_color": LIGHT,
        "icons": icons,
        "shortcuts": [
            {"name": _("Log a moment"), "url": reverse("moments:quick")},
            {"name": _("Need help now"), "url": reverse("safety:crisis")},
        ],
    }
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/manifest+json")


@cache
def _worker_source() -> str:
    return (HERE / "worker.js").read_text(encoding="utf-8")


def worker_settings() -> dict:
    return {
        "offline": reverse("pwa:offline"),
        "help": reverse("safety:crisis"),
        "reminder": reverse("pwa:reminder"),
        "today": reverse("today:today"),
        "static": settings.STATIC_URL,
        "shell": [static(name) for name in SHELL_FILES],
        "icon": static("pwa/icon-192.png"),
    }


@require_GET
def service_worker(request):
    """The service worker, from the site's root so that it looks after every page. Its
    version changes with its source and the files it keeps, so a new tending replaces it."""
    found = worker_settings()
    version = hashlib.sha256((_worker_source() + json.dumps(found)).encode()).hexdigest()[:12]
    head = f"const VERSION = {json.dumps(version)};\nconst PLACES = {json.dumps(found)};\n"
    response = HttpResponse(head + _worker_source(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("core:home")
    return response


@require_GET
def offline(request):
    """What any page but "Need help now" shows when there is no connection (kept by the
    service worker; it holds nothing private)."""
    return render(request, "pwa/offline.html")


@cache
def _favicon() -> bytes:
    return (HERE / "static" / "pwa" / "favicon.ico").read_bytes()


@require_GET
def favicon(request):
    """At the root, where browsers look for it before reading any page."""
    return HttpResponse(_favicon(), content_type="image/x-icon")


@login_required
@require_GET
def phone(request):
    """On your phone: installing tending, what works offline, and reminders."""
    subscribed = PushSubscription.objects.filter(owner=request.user).exists()
    context = {
        "push_possible": push.push_possible(),
        "public_key": push.server_keys().public_key if push.push_possible() else "",
        "subscribed": subscribed,
    }
    return render(request, "pwa/phone.html", context)


# JSON that cannot be read: broken, not UTF-8, or nested past Python's recursion limit.
UNREADABLE = (ValueError, UnicodeDecodeError, RecursionError)


def _sent_json(request):
    return json.loads(request.body.decode("utf-8"))


def _key_fits(value, field: str) -> bool:
    """A key as browsers send it: base64url text, within its column."""
    longest = PushSubscription._meta.get_field(field).max_length
    return isinstance(value, str) and 0 < len(value) <= longest and bool(BASE64URL.fullmatch(value))


def _subscription_from(request) -> tuple[dict | None, str]:
    try:
        sent = _sent_json(request)
        endpoint = sent["endpoint"]
        keys = sent["keys"]
        found = {"endpoint": endpoint, "p256dh": keys["p256dh"], "auth": keys["auth"]}
    except (*UNREADABLE, KeyError, TypeError):
        return None, "not a subscription"
    problem = endpoint_problem(endpoint)
    if problem:
        return None, problem
    if not all(_key_fits(found[k], k) for k in ("p256dh", "auth")):
        return None, "keys missing"
    return found, ""


@login_required
@post_only("pwa:phone")
def subscribe(request):
    """Keep this browser's push subscription (sent by offline.js as JSON)."""
    if not push.push_possible():
        return JsonResponse({"error": "push reminders need a hosted tending"}, status=400)
    found, problem = _subscription_from(request)
    if found is None:
        return JsonResponse({"error": problem}, status=400)
    PushSubscription.objects.update_or_create(
        owner=request.user,
        endpoint=found["endpoint"],
        defaults={"p256dh": found["p256dh"], "auth": found["auth"]},
    )
    # A person has a few devices; the oldest beyond these are forgotten, so one account
    # cannot make the server call a thousand addresses a day.
    mine = PushSubscription.objects.filter(owner=request.user).order_by("-pk")
    PushSubscription.objects.filter(
        pk__in=list(mine.values_list("pk", flat=True)[DEVICES_KEPT:])
    ).delete()
    return JsonResponse({"subscribed": True})


@login_required
@post_only("pwa:phone")
def unsubscribe(request):
    """Forget this browser's subscription: {"endpoint": its address}. A browser with none sends
    {"endpoint": null} and nothing is forgotten; an empty body or {} forgets all of this
    account's. A body that cannot be read forgets nothing (400): a truncated send must not
    silence every other device."""
    try:
        sent = _sent_json(request) if request.body.strip() else {}
    except UNREADABLE:
        sent = None
    endpoint = sent.get("endpoint") if isinstance(sent, dict) else None
    if not isinstance(sent, dict) or not (endpoint is None or isinstance(endpoint, str)):
        return JsonResponse({"error": "not an address"}, status=400)
    mine = PushSubscription.objects.filter(owner=request.user)
    if isinstance(endpoint, str):
        mine.filter(endpoint=endpoint).delete()
    elif "endpoint" not in sent:
        mine.delete()
    return JsonResponse({"subscribed": False})


@login_required
@require_GET
def reminder(request):
    """The words a wake-up shows, asked for by the service worker with the person's login."""
    found = push.reminder_for(request.user, timezone.localdate())
    if found is None:
        found = {
            "title": "tending",
            "body": _("Nothing is waiting today. Take care of yourself."),
            "url": reverse("today:today"),
        }
    return JsonResponse(found)
