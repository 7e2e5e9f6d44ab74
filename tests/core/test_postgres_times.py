"""Times read back from PostgreSQL through the fast loader are the times Django's own gives."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from psycopg import adapters

from tending.core.postgres import time_loader

OID = adapters.types["timestamptz"].oid


def load(text: bytes, zone=UTC):
    return time_loader(zone)(OID, None).load(text)


def django_loader(zone):
    class Django(BaseTzLoader):
        timezone = zone

    return Django


def django_load(text: bytes, zone=UTC):
    return django_loader(zone)(OID, None).load(text)


@pytest.mark.parametrize(
    "text",
    [
        b"2026-12-03 02:33:35.517489+00",
        b"2026-12-03 02:33:35+00",
        b"2026-10-25 01:30:00.5+00",
        b"0001-01-01 00:00:00+00",
        b"9999-12-31 23:59:59.999999+00",
    ],
)
def test_the_same_time_as_djangos_loader_in_utc(text):
    fast = load(text)
    assert fast == django_load(text)
    assert fast.tzinfo is UTC
    assert fast == datetime.fromisoformat(text.decode())


def test_a_memoryview_is_read_as_bytes_are():
    assert load(memoryview(b"2026-03-29 00:59:59+00")) == datetime(
        2026, 3, 29, 0, 59, 59, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "text", [b"2026-07-01 12:00:00+02", b"2026-07-01 12:00:00.25-09:30", b"2026-07-01 10:00:00+00"]
)
def test_the_time_is_moved_to_the_connections_zone_and_named_as_djangos_loader_does(text):
    paris = ZoneInfo("Europe/Paris")
    fast = load(text, paris)
    old = django_load(text, paris)
    # Both move it to the connection's zone (UTC, with no connection) and name it Paris.
    assert (fast, fast.tzinfo, fast.utcoffset()) == (old, old.tzinfo, old.utcoffset())
    assert fast.tzinfo is paris


def test_near_the_last_time_python_holds_it_goes_the_old_way():
    """A connection in Tokyo: moving the last second of 9999 there overflows."""
    text, tokyo = b"9999-12-31 23:59:59+00", ZoneInfo("Asia/Tokyo")
    fast, old = time_loader(UTC)(OID, None), django_loader(UTC)(OID, None)
    fast._timezone = old._timezone = tokyo
    assert fast.load(text) == old.load(text) == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize("text", [b"infinity", b"-infinity", b"0044-03-15 00:00:00+00 BC"])
def test_what_python_cannot_read_goes_the_old_way_and_fails_as_it_did(text):
    with pytest.raises(psycopg.DataError) as fast:
        load(text)
    with pytest.raises(psycopg.DataError) as old:
        django_load(text)
    assert str(fast.value) == str(old.value)


def test_one_loader_per_zone():
    assert time_loader(UTC) is time_loader(UTC)
    assert time_loader(UTC) is not time_loader(ZoneInfo("Europe/Paris"))


@pytest.mark.django_db
def test_the_database_gives_back_the_time_it_was_given():
    """On PostgreSQL through the fast loader (the one the connection uses); on SQLite as text."""
    given = datetime(2026, 10, 25, 1, 30, 15, 250000, tzinfo=UTC)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            assert connection.connection.adapters.get_loader(OID, 0) is time_loader(UTC)
        cursor.execute("SELECT %s", [given])  # noqa: S608 (a parameter, not text)
        back = cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        back = datetime.fromisoformat(back).replace(tzinfo=UTC)
    assert back == given


@pytest.mark.parametrize(
    ("connection_zone", "text"),
    [
        (ZoneInfo("Asia/Tokyo"), b"2026-07-01 12:00:00+00"),
        (ZoneInfo("UTC"), b"2026-07-01 12:00:00+00"),
        (UTC, b"2026-07-01 21:00:00+09"),
        (UTC, b"2026-07-01 12:00:00+00"),
    ],
)
def test_a_connection_in_another_zone_gets_what_djangos_loader_gives(connection_zone, text):
    """Django keeps its connection in UTC; were it not, the fast loader still agrees."""
    fast, old = time_loader(UTC)(OID, None), django_loader(UTC)(OID, None)
    fast._timezone = old._timezone = connection_zone
    assert (fast.load(text), fast.load(text).tzinfo) == (old.load(text), old.load(text).tzinfo)
