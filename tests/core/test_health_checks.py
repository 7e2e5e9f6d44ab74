"""A kept connection is health-checked at a request's start unless it answered a moment ago."""

from __future__ import annotations

import pytest
from django.db import connections

from tending.core import health_checks
from tending.core.health_checks import RECENT_SECONDS, note_answered, skip_recent_checks

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection():
    return connections["default"]


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(health_checks.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture
def checked(monkeypatch, connection):
    """Django's check of the connection, counted; the connection as a new request finds it."""
    calls = []
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "is_usable", lambda: calls.append(1) or True)
    connection.ensure_connection()
    yield calls
    connection.health_check_done = True
    connection.tending_answered_at = None


def next_request_starts(connection):
    connection.health_check_done = False  # what Django's own receiver does at every start
    skip_recent_checks()
    connection.close_if_health_check_failed()


def test_a_connection_that_just_answered_is_not_checked(clock, checked, connection):
    note_answered()
    clock[0] += RECENT_SECONDS - 0.01
    next_request_starts(connection)
    assert checked == []


def test_a_connection_idle_for_longer_is_checked(clock, checked, connection):
    note_answered()
    clock[0] += RECENT_SECONDS
    next_request_starts(connection)
    assert checked == [1]


def test_a_connection_that_had_an_error_is_checked(clock, checked, monkeypatch, connection):
    monkeypatch.setattr(connection, "errors_occurred", True)
    note_answered()
    monkeypatch.setattr(connection, "errors_occurred", False)
    next_request_starts(connection)
    assert checked == [1]


def test_a_connection_never_seen_answering_is_checked(clock, checked, connection):
    connection.tending_answered_at = None
    next_request_starts(connection)
    assert checked == [1]


def test_a_closed_connection_is_not_marked_as_answering(clock, monkeypatch, connection):
    monkeypatch.setattr(connection, "connection", None)
    note_answered()
    assert connection.tending_answered_at is None
    connection.health_check_done = False
    skip_recent_checks()
    assert connection.health_check_done is False


@pytest.mark.parametrize(("idle", "checks"), [(1.5, []), (2.5, [1])])
def test_two_seconds_is_a_moment(clock, checked, connection, idle, checks):
    note_answered()
    clock[0] += idle
    next_request_starts(connection)
    assert checked == checks
