"""Kept journal searches leave the database within a day, whatever the person does next."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tending.housekeeping import Daily, tidy_sessions
from tending.journal.kept_searches import SESSION_KEY, forget_old_searches, keep_search

pytestmark = pytest.mark.django_db


def stored(client) -> dict:
    return SessionStore(session_key=client.session.session_key).load()


def test_item_6_an_old_search_leaves_the_session_on_the_next_request(owner, owner_client):
    owner_client.post(reverse("journal:search"), {"q": "harbour"})
    assert "harbour" in str(stored(owner_client)[SESSION_KEY])
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert owner_client.get(reverse("today:today")).status_code == 200
    assert SESSION_KEY not in stored(owner_client)
    assert "_auth_user_id" in stored(owner_client)  # still logged in


def test_item_6_housekeeping_sweeps_every_session_and_deletes_expired_ones(
    owner, owner_client, other, other_client
):
    owner_client.post(reverse("journal:search"), {"q": "harbour"})
    expired = SessionStore()
    expired["note"] = "gone"
    expired.set_expiry(timezone.now() - timedelta(seconds=1))
    expired.save()
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        other_client.post(reverse("journal:search"), {"q": "lighthouse"})
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert tidy_sessions() == 1  # nobody came back; the words go anyway
    assert not Session.objects.filter(session_key=expired.session_key).exists()
    assert SESSION_KEY not in stored(owner_client) and "_auth_user_id" in stored(owner_client)
    assert "lighthouse" in str(stored(other_client)[SESSION_KEY])  # not a day old yet


def test_item_6_housekeeping_runs_on_start_and_then_once_a_day():
    runs = []
    daily = Daily(lambda: runs.append(1))
    start = timezone.now()
    assert daily.run_if_due(start)  # on start
    assert not daily.run_if_due(start + timedelta(hours=23))
    assert daily.run_if_due(start + timedelta(days=1))
    assert len(runs) == 2


def test_item_6_forgetting_keeps_newer_searches():
    session, now = {}, timezone.now()
    old = keep_search(session, {"q": "old"}, now=now - timedelta(days=2))
    new = keep_search(session, {"q": "new"}, now=now - timedelta(days=2))
    session[SESSION_KEY][new]["at"] = now.isoformat()
    assert forget_old_searches(session, now) and list(session[SESSION_KEY]) == [new]
    assert old not in session[SESSION_KEY] and not forget_old_searches(session, now)
