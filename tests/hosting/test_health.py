"""`/healthz`: 200 when the database answers and is migrated, 503 naming which is not; no cookie."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.core import health
from tests.core.test_hosted_mode import hosted_environment
from tests.core.test_http_methods import wsgi

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_what_was_seen():
    """Each test starts as a new server would: not yet known to be migrated."""
    health._State.all_applied = False
    yield
    health._State.all_applied = False


def test_the_address_is_exactly_healthz():
    assert reverse("healthz") == "/healthz"


@pytest.mark.parametrize("path", ["/healthz", "/healthz/"])
def test_ready_answers_200_with_a_tiny_json_and_no_cookie(path, anon_client):
    response = anon_client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert not Session.objects.exists()


def test_a_logged_in_person_gets_the_same_and_their_session_is_left_alone(owner_client):
    before = list(Session.objects.values_list("session_key", "expire_date"))
    response = owner_client.get("/healthz")
    assert json.loads(response.content) == {"status": "ok"}
    assert not response.cookies
    assert list(Session.objects.values_list("session_key", "expire_date")) == before


def test_head_answers_with_the_status_and_no_body():
    status, headers, body = wsgi("GET", "/healthz")
    head_status, head_headers, head_body = wsgi("HEAD", "/healthz")
    assert status == head_status == "200 OK"
    assert head_body == b"" and body == b'{"status": "ok"}'
    assert head_headers["Content-Length"] == headers["Content-Length"] == str(len(body))
    assert "Set-Cookie" not in head_headers
    assert head_headers["Cache-Control"] == "no-store"


def test_other_methods_are_refused(anon_client, owner_client):
    assert owner_client.post("/healthz").status_code == 405
    assert anon_client.generic("DELETE", "/healthz").status_code == 405


def _unrecord_the_newest_core_migration() -> None:
    """The database as it is before the newest migration runs (rolled back with the test)."""
    recorded = MigrationRecorder.Migration.objects.filter(app="core")
    recorded.filter(pk=recorded.order_by("-name").values("pk")[:1]).delete()


def test_a_database_behind_the_code_answers_503_migrations(anon_client):
    _unrecord_the_newest_core_migration()
    response = anon_client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "problem": "migrations"}
    assert not response.cookies
    # Asked again on every probe while behind, not remembered.
    assert anon_client.get("/healthz").status_code == 503
    assert anon_client.head("/healthz").status_code == 503


def test_a_database_that_catches_up_is_noticed(anon_client):
    MigrationRecorder.Migration.objects.filter(app="core").update(app="core-not-yet")
    assert anon_client.get("/healthz").status_code == 503
    MigrationRecorder.Migration.objects.filter(app="core-not-yet").update(app="core")
    assert anon_client.get("/healthz").status_code == 200


def test_once_migrated_a_probe_is_one_query(anon_client):
    with CaptureQueriesContext(connection) as first:
        assert anon_client.get("/healthz").status_code == 200
    with CaptureQueriesContext(connection) as later:
        assert anon_client.get("/healthz").status_code == 200
    # The first also read what the database has recorded; later ones only see it answer.
    assert len(later) == 1 < len(first)
    # Migrations are never taken back under a running server: known, not asked again.
    _unrecord_the_newest_core_migration()
    assert anon_client.get("/healthz").status_code == 200


def test_an_unreachable_database_answers_503_without_its_message(monkeypatch, anon_client):
    def refuse(*args, **kwargs):
        raise OperationalError('connection to "db.internal" failed: password "hunter2-secret"')

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = anon_client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "problem": "database"}
    assert b"hunter2" not in response.content and b"db.internal" not in response.content
    assert not response.cookies
    status, _, body = wsgi("HEAD", "/healthz")
    assert status.startswith("503") and body == b""


def test_a_failing_database_is_not_remembered_as_migrated(monkeypatch, anon_client):
    real = connections["default"].cursor

    def refuse(*args, **kwargs):
        raise OperationalError("gone")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    assert anon_client.get("/healthz").status_code == 503
    monkeypatch.setattr(connections["default"], "cursor", real)
    _unrecord_the_newest_core_migration()
    assert json.loads(anon_client.get("/healthz").content)["problem"] == "migrations"


# A new server on a new, empty database: nothing migrated yet.
PROBE = textwrap.dedent(
    """
    import json
    from tending.core.terminal_support import setup_django
    setup_django()
    from django.test import Client
    plain = Client(HTTP_HOST="tending.example.org")
    answers = {
        "healthz": [plain.get("/healthz").status_code, plain.get("/healthz").json()],
        "healthz/": plain.get("/healthz/").status_code,
        "login": plain.get("/login/").status_code,
    }
    print(json.dumps(answers))
    """
)


@pytest.mark.one_database  # a child process on its own SQLite file
def test_hosted_mode_answers_a_plain_http_probe_on_an_empty_database(tmp_path):
    environment = hosted_environment(tmp_path)
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    # Every page goes to HTTPS; the probe of a proxy or monitor on plain HTTP gets its answer.
    assert answers == {
        "healthz": [503, {"status": "unavailable", "problem": "migrations"}],
        "healthz/": 503,
        "login": 301,
    }
