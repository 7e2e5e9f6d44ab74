"""Deleted words cannot be read back from SQLite's files: rows, search indexes, the log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tending.bench.server import child_environment
from tending.search.forget import secure_delete_supported
from tests.exchange.forget_child import WORDS

pytestmark = pytest.mark.one_database  # a child process on a SQLite file of its own
ROOT = Path(__file__).resolve().parents[2]


def run(scenario: str, data_dir: Path) -> dict:
    data_dir.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "tests.exchange.forget_child", scenario],
        env=child_environment(data_dir, {"TENDING_ALLOWED_HOSTS": "testserver"}),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_deleted_entry_and_moment_leave_no_readable_word(tmp_path):
    found = run("one", tmp_path / "data")
    # Planted where a reader of the file would find them: in the rows and the indexes.
    assert set(found["before"]) == set(WORDS)
    gone = {"entry title", "entry body", "moment note"}
    assert not gone & set(found["during"]), found["during"]
    assert not gone & set(found["after"]), found["after"]
    assert "person note" in found["after"]  # not deleted, still there
    assert found["searched"] == [1, 1]  # a kept search goes within a day (housekeeping)


def test_a_deleted_account_leaves_no_readable_word(tmp_path):
    found = run("account", tmp_path / "data")
    assert set(found["before"]) == set(WORDS)
    assert found["during"] == {} and found["after"] == {}
    assert found["searched"] == [1, 0]  # the account's sessions went with it


def test_the_secure_delete_option_is_known_from_sqlite_3_42():
    assert not secure_delete_supported("3.41.2")
    assert secure_delete_supported("3.42.0")
    assert secure_delete_supported("3.45.1")
    assert not secure_delete_supported("3.9.0")
    assert secure_delete_supported("4.0.0")


@pytest.mark.django_db
def test_every_sqlite_connection_overwrites_what_it_deletes(settings):
    # Debian's SQLite does this by default; other builds (python.org's, macOS's) do not.
    assert "PRAGMA secure_delete=ON;" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
