"""A kept database connection is checked before a request uses it, unless it just served one.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` at the start of every request that uses a
kept connection, so that one dropped while idle (the database restarted, a firewall timed
it out) is replaced rather than failing the request. On PostgreSQL that is one more round
trip on every page, a tenth of what a light page spends. A connection that answered a
request without error less than `RECENT_SECONDS` ago is not checked again: a drop in that
moment fails one request, as it would without checks, and the connection is then replaced
(Django closes a connection that had an error). One idle any longer is checked as before.
"""

from __future__ import annotations

import time

from django.db import connections

RECENT_SECONDS = 2.0


def note_answered(**kwargs) -> None:
    """At the end of a request (after Django's own tidying): which connections served it."""
    now = time.monotonic()
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.errors_occurred:
            connection.tending_answered_at = now
        else:
            connection.tending_answered_at = None


def skip_recent_checks(**kwargs) -> None:
    """At the start of a request (after Django's own tidying): no check for a connection that
    answered a moment ago."""
    now = time.monotonic()
    for connection in connections.all(initialized_only=True):
        answered = getattr(connection, "tending_answered_at", None)
        if (
            connection.connection is not None
            and answered is not None
            and now - answered < RECENT_SECONDS
        ):
            connection.health_check_done = True
