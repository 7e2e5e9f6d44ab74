"""`/healthz` for proxies, container runtimes and uptime monitors: is this server ready?

Ready means the database answers and every migration the code ships is applied. The answer
is a tiny JSON object with no private data; it needs no login and never writes a session,
so a probe is never given a cookie. What went wrong is named in one word
("database" or "migrations"), never with the database's own message, which may name hosts,
users or tables.
"""

from __future__ import annotations

import logging
from functools import cache

from django.db import Error, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from tending.core.terminal_support import (
    migrations_pending,
    recorded_migrations,
    shipped_migrations,
)

log = logging.getLogger(__name__)


class _State:
    # Migrations cannot be taken back under a running server, so once the database has
    # every one this server ships, later probes need not ask again: one `SELECT 1` each.
    # Until then every probe asks, so a database that is behind is noticed as it catches up.
    all_applied = False


@cache
def _shipped() -> frozenset:
    """The migrations in this server's code: read from the folders once per process."""
    return shipped_migrations()


def problem() -> str | None:
    """None when this server is ready, else what is wrong: "database" or "migrations"."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        if not _State.all_applied:
            if migrations_pending(_shipped(), recorded_migrations()):
                return "migrations"
            _State.all_applied = True
    except Error as exc:  # OperationalError, InterfaceError: any failure to answer
        # The reason goes to the server's log, for whoever runs it; never to the probe.
        log.warning("Health check: the database did not answer: %s", exc)
        return "database"
    return None


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok"} when ready; 503 {"status": "unavailable", "problem": …} if not."""
    found = problem()
    if found is None:
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "unavailable", "problem": found}, status=503)
