"""Requests counted per key in fixed windows, in the database (tending.core.rate)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tending.core import rate
from tending.core.models import RateCount

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_a_key_is_allowed_its_limit_and_refused_after():
    got = [rate.allow("s", "v", 3, HOUR, NOW + timedelta(seconds=n)) for n in range(5)]
    assert got == [True, True, True, False, False]
    assert RateCount.objects.get().count == 5


def test_a_new_window_starts_once_the_old_one_is_over():
    for n in range(4):
        rate.allow("s", "v", 3, HOUR, NOW + timedelta(minutes=n))
    assert not rate.allow("s", "v", 3, HOUR, NOW + timedelta(minutes=59, seconds=59))
    assert rate.allow("s", "v", 3, HOUR, NOW + HOUR)
    row = RateCount.objects.get()
    assert (row.count, row.window_start) == (1, NOW + HOUR)


def test_keys_are_counted_apart_and_kept_only_as_keyed_hashes():
    for _ in range(3):
        rate.allow("address", "10.0.0.1", 2, HOUR, NOW)
    assert rate.allow("address", "10.0.0.2", 2, HOUR, NOW)
    assert rate.allow("link", "10.0.0.1", 2, HOUR, NOW)
    keys = list(RateCount.objects.values_list("key", flat=True))
    assert len(keys) == 3 and not any("10.0.0" in key for key in keys)


def test_every_key_of_a_request_is_counted_even_when_one_refuses():
    checks = [("address", "a", 1), ("link", "l", 5)]
    assert rate.allow_all(checks, HOUR, NOW)
    assert not rate.allow_all(checks, HOUR, NOW)
    assert sorted(RateCount.objects.values_list("count", flat=True)) == [2, 2]
    # The link's own limit is not reached: from another address it is still allowed.
    assert rate.allow_all([("address", "b", 1), ("link", "l", 5)], HOUR, NOW)


def test_a_busy_key_costs_one_query_for_all_its_counts():
    checks = [("address", "a", 9), ("link", "l", 9)]
    rate.allow_all(checks, HOUR, NOW)
    with CaptureQueriesContext(connection) as queries:
        assert rate.allow_all(checks, HOUR, NOW + timedelta(minutes=1))
    assert len(queries) == 1


def test_a_window_longer_than_the_forgetting_is_refused():
    with pytest.raises(ValueError):
        rate.allow("s", "v", 1, timedelta(days=2), NOW)


def test_keys_not_seen_for_a_day_are_forgotten_now_and_then(monkeypatch):
    monkeypatch.setattr(rate.secrets, "randbelow", lambda n: 1)  # not this time
    rate.allow("old", "v", 1, HOUR, NOW - timedelta(days=2))
    rate.allow("recent", "v", 1, HOUR, NOW - timedelta(hours=2))
    assert RateCount.objects.count() == 2
    monkeypatch.setattr(rate.secrets, "randbelow", lambda n: 0)  # this time
    rate.allow("new", "v", 1, HOUR, NOW)
    assert RateCount.objects.count() == 2
    assert not RateCount.objects.filter(key=rate.rate_key("old", "v")).exists()


def test_a_limit_of_one_allows_the_first_request_of_each_window():
    assert rate.allow("s", "v", 1, HOUR, NOW)
    assert not rate.allow("s", "v", 1, HOUR, NOW)
    assert rate.allow("s", "v", 1, HOUR, NOW + HOUR)  # the old window restarted
    assert not rate.allow("s", "v", 1, HOUR, NOW + HOUR)


def test_a_limit_of_none_refuses_every_request():
    assert not rate.allow("s", "v", 0, HOUR, NOW)
    assert not rate.allow("s", "v", 0, HOUR, NOW + HOUR)  # the old window restarted


def test_a_window_of_a_whole_day_is_allowed():
    assert rate.allow("s", "v", 1, timedelta(days=1), NOW)


@pytest.mark.parametrize("limit", [1, 2])
def test_a_row_made_at_the_same_moment_by_another_request_counts_both(monkeypatch, limit):
    counted = rate._counted
    calls = []

    def missed_once(keys, since):
        calls.append(keys)
        if len(calls) == 1:  # the other request makes the row just after this one looked
            RateCount.objects.create(key=keys[0], window_start=NOW, count=1)
            return {}
        return counted(keys, since)

    monkeypatch.setattr(rate, "_counted", missed_once)
    assert rate.allow("s", "v", limit, HOUR, NOW) is (limit == 2)
    assert RateCount.objects.get().count == 2 and len(calls) == 2
