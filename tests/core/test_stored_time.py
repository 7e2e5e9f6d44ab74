"""A stored time, as either database gives it back, made aware in UTC."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tending.core.dates import stored_time, zone_named

WHEN = datetime(2026, 10, 25, 1, 30, 15, 250000, tzinfo=UTC)


@pytest.mark.parametrize(
    "given",
    [
        "2026-10-25 01:30:15.250000",  # SQLite's text, in UTC
        "2026-10-25T01:30:15.25",
        "2026-10-25 01:30:15.250000+00:00",  # text naming its offset
        "2026-10-25 03:30:15.250000+02:00",
        datetime(2026, 10, 25, 1, 30, 15, 250000),  # the ORM on SQLite: no zone, in UTC
        WHEN,  # PostgreSQL: aware already
        WHEN.astimezone(timezone(timedelta(hours=-5))),
    ],
)
def test_every_form_is_the_same_aware_time(given):
    got = stored_time(given)
    assert got == WHEN
    assert got.utcoffset() is not None


def test_sqlite_text_and_a_naive_time_come_back_in_utc():
    assert stored_time("2026-03-29 00:59:59").tzinfo is UTC
    assert stored_time(datetime(2026, 3, 29)).tzinfo is UTC


def test_an_aware_time_is_given_back_as_it_is():
    given = WHEN.astimezone(timezone(timedelta(hours=9)))
    assert stored_time(given) is given


def test_nothing_stays_nothing():
    assert stored_time(None) is None


def test_text_that_is_not_a_time_is_refused():
    with pytest.raises(ValueError):
        stored_time("yesterday")


@pytest.mark.parametrize(
    ("name", "key"),
    [("Europe/Paris", "Europe/Paris"), ("Mars/Olympus", "UTC"), ("../etc", "UTC"), ("", "UTC")],
)
def test_an_accounts_zone_by_name_and_utc_for_one_no_longer_known(name, key):
    assert zone_named(name).key == key
