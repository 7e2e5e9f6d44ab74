"""Rhythm and drift at the edges mutation testing found unguarded: words, labels, the due day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tending.circle.drift import Drift, drift_status, due_from_day, rhythm_for, rhythm_words

TODAY = date(2026, 11, 22)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.mark.parametrize(
    ("rhythm", "words"),
    [
        (3, "every 3 days"),  # under a week: days, never "every 0 weeks"
        (21, "every 3 weeks"),
        (42, "every 6 weeks"),
        (870, "every 29 months"),
        (60, "every 2 months"),
        (730, "every 2 years"),
        (1095, "every 3 years"),
        (45, "every 45 days"),
    ],
)
def test_item_14_rhythms_of_any_length_are_said_in_whole_units(rhythm, words):
    assert rhythm_words(rhythm) == words


# Rhythms where the due day is the same whichever way the last fifth is rounded, so these hold
# as long as "due" means "in the last fifth of the rhythm, and never before the first day".
@pytest.mark.parametrize(
    ("rhythm", "due_day"), [(1, 1), (5, 4), (6, 5), (10, 8), (15, 12), (30, 24), (365, 292)]
)
def test_item_14_due_starts_in_the_last_fifth_of_any_rhythm(rhythm, due_day):
    assert due_from_day(rhythm) == due_day
    assert drift_status(ago(due_day - 1), rhythm, TODAY) is Drift.IN_RHYTHM
    assert drift_status(ago(due_day), rhythm, TODAY) is Drift.DUE


def test_item_14_every_state_has_its_own_label():
    assert [state.label for state in Drift] == ["In rhythm", "Due", "Drifting", "No moments yet"]


def test_item_14_last_seen_words_are_empty_for_someone_never_seen():
    assert rhythm_for(None, 7, TODAY).last_seen_words == ""
    assert rhythm_for(ago(0), 7, TODAY).last_seen_words == "today"
    assert rhythm_for(ago(3), 7, TODAY).last_seen_words == "3 days ago"


def test_item_14_due_within_several_days_is_said_in_days():
    summary = rhythm_for(ago(28), 30, TODAY).summary
    assert summary == (
        "Last moment 28 days ago; you hoped to be in touch every month, so it is due within 2 days."
    )


def test_item_14_a_rhythm_remembers_how_long_it_has_been():
    rhythm = rhythm_for(ago(40), 30, TODAY)
    assert (rhythm.status, rhythm.days_since, rhythm.rhythm_days) == (Drift.DRIFTING, 40, 30)
    assert rhythm.summary.endswith("so that is 10 days longer.")
    assert rhythm_for(None, 30, TODAY).days_since is None


def test_one_day_past_the_rhythm_is_said_as_one_day():
    assert rhythm_for(ago(31), 30, TODAY).summary.endswith("so that is 1 day longer.")
