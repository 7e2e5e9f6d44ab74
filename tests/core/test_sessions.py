"""Sessions: a new key at login, gone from the server at logout, and a known lifetime."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def log_in(client: Client, username: str = "owner") -> None:
    response = client.post(
        reverse("core:login"), {"username": username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302


def test_logging_in_gives_a_new_session_key(owner):
    client = Client()
    before = client.session
    before["seen_welcome"] = True  # an anonymous session that already exists
    before.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
    log_in(client)
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before.session_key
    # The old key is gone, so whoever knew it (a fixed session) gets nothing.
    assert not Session.objects.filter(session_key=before.session_key).exists()
    assert Session.objects.filter(session_key=after).exists()


def test_logging_out_ends_the_session_on_the_server(owner):
    client = Client()
    log_in(client)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("circle:circle")).status_code == 200
    client.post(reverse("core:logout"))
    assert not Session.objects.filter(session_key=key).exists()

    replay = Client()  # someone who kept a copy of the cookie
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    response = replay.get(reverse("circle:circle"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_a_session_lasts_the_documented_fourteen_days(owner):
    client = Client()
    log_in(client)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 14 * 86400
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    # The server keeps its own expiry too, so an old cookie is refused even if a browser kept it.
    session = Session.objects.get(session_key=cookie.value)
    lifetime = session.expire_date - timezone.now()
    assert timedelta(days=13, hours=23) < lifetime <= timedelta(days=14)
