"""Shared fixtures: the owner, a second account, and nobody logged in."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from django.test import Client, override_settings
from hypothesis import settings as hypothesis_settings

from tests.factories import UserFactory

# Speed is measured by `tending bench`, never by a timed test: Hypothesis's per-example time
# limit only made property tests fail on a busy machine.
hypothesis_settings.register_profile("tending", deadline=None)
hypothesis_settings.load_profile("tending")

# Argon2 is slow on purpose; tests make hundreds of accounts. One test
# (tests/core/test_password_hashing.py) proves production still hashes with Argon2.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


ONCE_MARKERS = ("browser", "one_database", "sqlite_only")
# Set by `dev.py test` in both runs when a PostgreSQL run goes alongside the SQLite one.
ALONGSIDE = "TENDING_RUNS_ALONGSIDE"
# Tests run once (browser and one_database tests) that then run in the PostgreSQL run instead
# of the SQLite one: the two runs share two cores, and the SQLite run, with every other such
# test, is the longer one. Each of these still runs once.
ON_THE_OTHER_RUN = (
    "tests/browser/test_access.py",
    "tests/browser/test_mirror.py",  # with the Mirror, the SQLite run was 70 s the longer
    "tests/browser/test_mirror_codes.py",
    "tests/browser/test_german_walk.py",  # 33 s: the SQLite run was already 34 s the longer
    "tests/hosting/test_wheel.py",  # builds and installs the wheel: 35 s of the SQLite run
    # A child process on a SQLite file of its own, whichever run starts it: once the runs
    # left out what both repeated, the SQLite run was 100 s the longer (then 68 s).
    "tests/exchange/test_restore.py",
    "tests/exchange/test_restore_schema.py",
)


def _moved(item) -> bool:
    return any(str(item.path).endswith(path) for path in ON_THE_OTHER_RUN)


# Fixtures through which a test reaches the run's own database (pytest-django refuses any
# other way in).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_setup",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


@functools.cache
def _names_the_database_url(path: str) -> bool:
    return "DATABASE_URL" in Path(path).read_text(encoding="utf-8")


def _without_a_database(item) -> bool:
    """A test that cannot reach the run's database: pure code, or `tending` in a child
    process, which child_environment() gives a SQLite file of its own. A module that names
    DATABASE_URL (to hand it to a child) is kept on both runs."""
    return (
        not set(getattr(item, "fixturenames", ())) & DATABASE_FIXTURES
        and not item.get_closest_marker("django_db")
        and not _names_the_database_url(str(item.path))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The PostgreSQL run leaves out what would only repeat the SQLite run.

    Browser tests walk the pages as a person would, and `one_database` tests run tending in a
    child process on a SQLite file of their own whatever DATABASE_URL says: on PostgreSQL they
    would run the very same thing a second time. So would a test that reaches no database at
    all (`_without_a_database`: pure code, found by its fixtures, not by a marker).
    `sqlite_only` tests are about SQLite itself: its full-text index, and the terminal's paths
    without Django, which exist only for it.
    They are deselected (not skipped), so the SQLite run is where they pass or fail; except
    the browser tests of ON_THE_OTHER_RUN when both runs go side by side, which the
    PostgreSQL run takes over from the SQLite one to even out their times.
    """
    alongside = bool(os.environ.get(ALONGSIDE))
    if not os.environ.get("DATABASE_URL"):
        # About PostgreSQL's own locking: SQLite's test database is one in-memory file that
        # threads share and lock whole, so the SQLite run leaves them to the other run.
        elsewhere = [item for item in items if item.get_closest_marker("postgresql_only")]
        if elsewhere:
            config.hook.pytest_deselected(items=elsewhere)
            items[:] = [item for item in items if item not in set(elsewhere)]
    if os.environ.get("DATABASE_URL"):
        once = [
            item
            for item in items
            if (any(item.get_closest_marker(m) for m in ONCE_MARKERS) or _without_a_database(item))
            and not (alongside and _moved(item))
        ]
    elif alongside:
        once = [item for item in items if _moved(item)]
    else:
        return
    if once:
        config.hook.pytest_deselected(items=once)
        dropped = set(once)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture
def owner(db):
    return UserFactory(username="owner")


@pytest.fixture
def other(db):
    return UserFactory(username="other", time_zone="America/New_York")


@pytest.fixture
def owner_client(owner) -> Client:
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def other_client(other) -> Client:
    client = Client()
    client.force_login(other)
    return client


@pytest.fixture
def anon_client() -> Client:
    return Client()
