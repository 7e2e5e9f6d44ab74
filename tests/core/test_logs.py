"""No secret reaches a log: the calendar feed's link under real gunicorn, and Django's logs."""

from __future__ import annotations

import http.client
import logging
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tending.bench.server import PRODUCTION, ServerProcess, child_environment, hosted_environment
from tending.core.logs import MARKER, RedactSecrets, redact
from tending.core.tokens import new_token, token_hash

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn runs on POSIX only")


def make_feed(data_dir: Path, environment: dict[str, str]) -> str:
    """An account with a calendar feed, made by the real command; returns the secret."""
    made = subprocess.run(
        [sys.executable, "-m", "tending", "createuser", "robin", "--password-stdin"],
        env=child_environment(data_dir, environment),
        input="a-long-quiet-password\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    token = new_token()
    connection = sqlite3.connect(data_dir / "tending.sqlite3")
    try:
        connection.execute(
            "INSERT INTO today_calendarfeed (owner_id, token_hash, use_initials, created_at) "
            "SELECT id, ?, 0, '2026-01-01 00:00:00' FROM core_user WHERE username = 'robin'",
            [token_hash(token)],
        )
        connection.commit()
    finally:
        connection.close()
    return token


def get(server: ServerProcess, path: str) -> int:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_item_3_the_feed_token_never_reaches_the_gunicorn_log(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    environment = hosted_environment()
    token = make_feed(data_dir, environment)
    log = tmp_path / "gunicorn.log"
    server = ServerProcess(data_dir, arguments=PRODUCTION, environment=environment, log_path=log)
    with server:
        assert get(server, f"/today/calendar/feed/{token}.ics") == 200
        # A link that was turned off since is a 404, and Django reports those too.
        turned_off = new_token()
        assert get(server, f"/today/calendar/feed/{turned_off}.ics") == 404
        deadline = time.monotonic() + 10
        while server.output().count("/today/calendar/feed/") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
    written = server.output()
    assert token not in written and turned_off not in written
    assert token[:20] not in written
    assert f"/today/calendar/feed/{MARKER}.ics" in written
    assert '"GET /today/calendar/feed/' in written  # the access log itself is still there
    assert f"Not Found: /today/calendar/feed/{MARKER}.ics" in written  # and Django's line


def test_item_3_django_and_waitress_log_lines_are_redacted():
    token = new_token()
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/f/{token}.ics",), None
    )
    RedactSecrets().filter(record)
    assert record.getMessage() == f"Not Found: /f/{MARKER}.ics"
    # waitress formats the path into the message itself.
    record = logging.LogRecord(
        "waitress", logging.ERROR, __file__, 1, f"Exception while serving /f/{token}", (), None
    )
    RedactSecrets().filter(record)
    assert token not in record.getMessage()
    assert redact("GET /journal/?q=my+secret+words HTTP/1.1") == f"GET /journal/?{MARKER} HTTP/1.1"
    assert redact("GET /journal/2025/11/ HTTP/1.1") == "GET /journal/2025/11/ HTTP/1.1"


def test_item_3_the_logging_settings_filter_every_handler():
    from django.conf import settings

    handlers = settings.LOGGING["handlers"]
    assert all("secrets" in handler.get("filters", []) for handler in handlers.values())
    assert settings.LOGGING["root"]["handlers"] == ["console"]
    for name in ("django", "django.server"):
        # Django's own handlers print unfiltered; these loggers must hand their lines on.
        assert logging.getLogger(name).handlers == []
        assert logging.getLogger(name).propagate


def test_a_feed_token_is_hidden_however_the_address_after_it_is_written():
    token = new_token()
    for tail in ("%2Eics", ";x", "%20", ".ics"):
        assert redact(f"GET /today/calendar/feed/{token}{tail} HTTP/1.1") == (
            f"GET /today/calendar/feed/{MARKER}{tail} HTTP/1.1"
        )
