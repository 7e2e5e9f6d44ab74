"""Keep-in-touch rhythm and drift, as pure functions of dates."""

from datetime import date, timedelta

import pytest

from tending.circle.drift import (
    Drift,
    days_words,
    default_rhythm,
    drift_status,
    due_from_day,
    rhythm_for,
    rhythm_words,
)

TODAY = date(2026, 11, 22)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_default_rhythm_follows_the_rings():
    assert [default_rhythm(r) for r in ("inner", "middle", "outer")] == [7, 30, 180]


def test_nobody_seen_yet_is_never():
    assert drift_status(None, 7, TODAY) is Drift.NEVER


@pytest.mark.parametrize(
    ("days", "rhythm", "expected"),
    [
        (0, 7, Drift.IN_RHYTHM),
        (5, 7, Drift.IN_RHYTHM),
        (6, 7, Drift.DUE),
        (7, 7, Drift.DUE),
        (8, 7, Drift.DRIFTING),
        (23, 30, Drift.IN_RHYTHM),
        (24, 30, Drift.DUE),
        (30, 30, Drift.DUE),
        (31, 30, Drift.DRIFTING),
        (143, 180, Drift.IN_RHYTHM),
        (144, 180, Drift.DUE),
        (181, 180, Drift.DRIFTING),
        (0, 1, Drift.IN_RHYTHM),
        (1, 1, Drift.DUE),
        (2, 1, Drift.DRIFTING),
    ],
)
def test_drift_is_measured_against_the_rhythm(days, rhythm, expected):
    assert drift_status(ago(days), rhythm, TODAY) is expected


def test_due_window_is_the_last_fifth_of_the_rhythm_and_at_least_a_day():
    assert due_from_day(7) == 6
    assert due_from_day(30) == 24
    assert due_from_day(180) == 144
    assert due_from_day(2) == 2
    assert due_from_day(1) == 1


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "every day"),
        (7, "every week"),
        (14, "every 2 weeks"),
        (30, "every month"),
        (180, "every 6 months"),
        (365, "every year"),
        (10, "every 10 days"),
    ],
)
def test_rhythm_in_words(days, words):
    assert rhythm_words(days) == words


def test_days_in_words():
    assert [days_words(0), days_words(1), days_words(12)] == ["today", "yesterday", "12 days ago"]


def test_summary_says_how_much_longer_than_the_rhythm_it_has_been():
    rhythm = rhythm_for(ago(12), 7, TODAY)
    assert rhythm.status is Drift.DRIFTING
    assert rhythm.days_since == 12
    assert rhythm.summary == (
        "Last moment 12 days ago; you hoped to be in touch every week, so that is 5 days longer."
    )


def test_summary_when_due_and_in_rhythm_and_never():
    assert "so it is due within 1 day" in rhythm_for(ago(6), 7, TODAY).summary
    assert "so it is due today" in rhythm_for(ago(7), 7, TODAY).summary
    assert rhythm_for(ago(0), 7, TODAY).summary == (
        "Last moment today; you hoped to be in touch every week."
    )
    assert rhythm_for(None, 30, TODAY).summary.startswith("No moments logged yet")


def test_item_9_due_starts_at_the_last_fifth_for_every_rhythm():
    for rhythm in range(1, 3651):
        due = due_from_day(rhythm)
        # Due from ceil(0.8 * rhythm), in exact whole numbers: the first day with 5d >= 4r.
        assert 5 * due >= 4 * rhythm, rhythm
        assert due == 1 or 5 * (due - 1) < 4 * rhythm, rhythm
        assert drift_status(ago(due - 1), rhythm, TODAY) is Drift.IN_RHYTHM
        assert drift_status(ago(due), rhythm, TODAY) is Drift.DUE
    assert due_from_day(14) == 12
    assert due_from_day(5) == 4


def test_item_10_a_moment_just_past_midnight_ahead_is_today_not_minus_one_day():
    tomorrow = TODAY + timedelta(days=1)
    rhythm = rhythm_for(tomorrow, 7, TODAY)
    assert rhythm.days_since == 0
    assert rhythm.summary == "Last moment today; you hoped to be in touch every week."
    assert drift_status(tomorrow, 7, TODAY) is Drift.IN_RHYTHM
