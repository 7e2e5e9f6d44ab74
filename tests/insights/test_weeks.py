"""Weeks for the weekly review: where they start, which is the week just gone, neighbours."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tending.insights import weeks
from tending.journal.prompts import library

MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize("offset", range(7))
def test_every_day_of_a_week_starts_on_its_monday(offset):
    assert weeks.week_start(MONDAY + timedelta(days=offset)) == MONDAY


def test_a_week_can_start_on_another_day():
    assert weeks.week_start(date(2026, 12, 2), first_weekday=6) == date(2026, 11, 29)
    assert weeks.week_start(date(2026, 11, 29), first_weekday=6) == date(2026, 11, 29)


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (MONDAY, MONDAY - timedelta(days=7)),  # one day in: last week
        (MONDAY + timedelta(days=2), MONDAY - timedelta(days=7)),  # Wednesday: still last week
        (MONDAY + timedelta(days=3), MONDAY),  # Thursday: four days of this week have come
        (MONDAY + timedelta(days=6), MONDAY),  # Sunday
    ],
)
def test_the_week_just_gone_is_the_latest_with_four_days_come(today, shown):
    assert weeks.week_just_gone(today) == shown


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-30", MONDAY),
        ("2026-02-30", None),
        ("2026-1-3", None),
        ("20261130", None),
        ("2026-11-30x", None),
        ("", None),
        ("٢٠٢٦-١١-٣٠", None),  # digits of another script are not a day here
    ],
)
def test_parse_day(text, day):
    assert weeks.parse_day(text) == day


def test_a_past_week_has_both_neighbours():
    week = weeks.week_of(MONDAY - timedelta(days=14), today=MONDAY + timedelta(days=2))
    assert week.start == MONDAY - timedelta(days=14)
    assert week.end == MONDAY - timedelta(days=8)
    assert week.earlier == MONDAY - timedelta(days=21)
    assert week.later == MONDAY - timedelta(days=7)
    assert not week.is_current


def test_the_week_before_this_one_leads_to_this_one_once_it_began():
    week = weeks.week_of(MONDAY - timedelta(days=7), today=MONDAY)
    assert week.later == MONDAY and not week.is_current


def test_this_week_has_no_later_week_and_is_current():
    for today in (MONDAY, MONDAY + timedelta(days=6)):
        week = weeks.week_of(MONDAY, today=today)
        assert week.later is None and week.is_current


def test_a_week_to_come_is_not_a_week():
    assert weeks.week_of(MONDAY + timedelta(days=7), today=MONDAY + timedelta(days=6)) is None
    assert weeks.week_of(MONDAY, today=MONDAY - timedelta(days=1)) is None


def test_the_earliest_week_has_no_earlier_one():
    first = weeks.week_of(weeks.EARLIEST, today=MONDAY)
    assert first is not None and first.earlier is None
    assert weeks.week_of(weeks.EARLIEST + timedelta(days=7), today=MONDAY).earlier == weeks.EARLIEST
    assert weeks.week_of(weeks.EARLIEST - timedelta(days=7), today=MONDAY) is None


def test_review_day():
    assert weeks.is_review_day(MONDAY, 0)
    assert not weeks.is_review_day(MONDAY, 1)
    assert not weeks.is_review_day(MONDAY, None)
    assert weeks.is_review_day(MONDAY + timedelta(days=6), 6)


def test_the_question_is_the_same_for_a_week_and_changes_between_weeks():
    prompts = library()
    asked = [weeks.reflection_prompt(prompts, MONDAY - timedelta(days=7 * n)) for n in range(12)]
    assert weeks.reflection_prompt(prompts, MONDAY) == asked[0]
    assert len({p.id for p in asked}) > 6


def test_a_hidden_question_is_never_asked():
    prompts = library()
    first = weeks.reflection_prompt(prompts, MONDAY)
    again = weeks.reflection_prompt(prompts, MONDAY, hidden_ids={first.id})
    assert again is not None and again.id != first.id
    everything = {p.id for p in prompts}
    assert weeks.reflection_prompt(prompts, MONDAY, hidden_ids=everything) is None


def test_the_earliest_week_is_the_first_monday_of_1900():
    assert date(1900, 1, 1) == weeks.EARLIEST and weeks.EARLIEST.weekday() == 0
