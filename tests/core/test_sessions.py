"""The session store reads with written-out SQL: the same answers as Django's own store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from tending.core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def saved(data: dict, expires_in: timedelta) -> str:
    store = SessionStore()
    store.update(data)
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + expires_in
    )
    return store.session_key


def test_a_live_session_reads_as_django_reads_it():
    key = saved({"_auth_user_id": "7", "words": "ünïcode"}, timedelta(days=1))
    ours, theirs = SessionStore(key), DjangoStore(key)
    assert ours.load() == theirs.load() == {"_auth_user_id": "7", "words": "ünïcode"}
    assert ours.session_key == key


def test_an_expired_session_is_not_read_and_its_key_is_dropped():
    key = saved({"_auth_user_id": "7"}, -timedelta(seconds=1))
    ours = SessionStore(key)
    assert ours.load() == {} and ours.session_key is None
    assert DjangoStore(key).load() == {}


def test_an_unknown_key_reads_nothing():
    ours = SessionStore("x" * 32)
    assert ours.load() == {} and ours.session_key is None


def test_a_logged_in_page_uses_it(owner_client, settings):
    assert settings.SESSION_ENGINE == "tending.core.sessions"
    assert owner_client.get("/today/").status_code == 200


def test_sessions_count_as_kept_in_the_database_for_both_stores(settings):
    from tending.core.sessions import kept_in_database

    assert kept_in_database()
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    assert kept_in_database()
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    assert not kept_in_database()
