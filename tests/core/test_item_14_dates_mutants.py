"""Item 14: the plausible span of dates and clock changes, pinned at their edges (no Django)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from tending.core.dates import LocalTime, check_plausible_date, resolve_local_time

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2026, 6, 1), date(2999, 12, 31)])
def test_item_14_dates_from_1900_to_2999_are_plausible(day):
    check_plausible_date(day)


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(3000, 1, 1), date(1, 1, 1)])
def test_item_14_dates_outside_1900_to_2999_are_refused(day):
    with pytest.raises(ValidationError) as refused:
        check_plausible_date(day)
    assert refused.value.code == "out_of_range"
    assert refused.value.messages == ["Please give a date between 1900 and 2999."]


def test_item_14_an_ordinary_time_is_that_time_with_no_note():
    assert resolve_local_time(datetime(2026, 6, 1, 9, 15), BERLIN) == LocalTime(
        datetime(2026, 6, 1, 7, 15, tzinfo=UTC)
    )
    # An aware or folded time given is read as the wall-clock time it shows.
    given = datetime(2026, 6, 1, 9, 15, fold=1, tzinfo=UTC)
    assert resolve_local_time(given, BERLIN).when == datetime(2026, 6, 1, 7, 15, tzinfo=UTC)


def test_item_14_a_time_that_never_came_moves_forward_by_the_jump():
    resolved = resolve_local_time(datetime(2026, 3, 29, 2, 30), BERLIN)
    assert resolved.when == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert resolved.when.utcoffset().total_seconds() == 0
    assert resolved.note == (
        "On 29 March 2026 the clocks went forward, so there was no 02:30; tending saved 03:30."
    )


def test_item_14_a_time_that_came_twice_is_the_first_unless_the_second_is_kept():
    naive = datetime(2026, 10, 25, 2, 30)
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    resolved = resolve_local_time(naive, BERLIN)
    assert resolved.when == first and resolved.when.tzinfo is UTC
    assert resolved.note == (
        "On 25 October 2026 the clocks went back, so 02:30 came twice; tending saved the first."
    )
    kept = resolve_local_time(naive, BERLIN, keep=second)
    assert kept == LocalTime(second) and kept.when.tzinfo is UTC
    assert resolve_local_time(naive, BERLIN, keep=first) == LocalTime(first)
    # A stored time showing another wall-clock time is not kept.
    other = datetime(2026, 10, 25, 3, 30, tzinfo=UTC)
    assert resolve_local_time(naive, BERLIN, keep=other) == resolved
    # Kept in another zone, it still counts by the wall clock of this one.
    keep_elsewhere = second.astimezone(ZoneInfo("America/New_York"))
    assert resolve_local_time(naive, BERLIN, keep=keep_elsewhere).when == second
    assert resolve_local_time(naive, BERLIN, keep=keep_elsewhere).when.tzinfo is UTC


def test_item_14_a_kept_time_is_ignored_on_an_ordinary_day():
    naive = datetime(2026, 6, 1, 9, 15)
    keep = datetime(2026, 6, 1, 9, 15, tzinfo=UTC)
    assert resolve_local_time(naive, BERLIN, keep=keep).when == datetime(
        2026, 6, 1, 7, 15, tzinfo=UTC
    )
