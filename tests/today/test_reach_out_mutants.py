"""Choosing who to reach out to: the cases mutation testing showed the first tests let through."""

from __future__ import annotations

from datetime import date, timedelta

from tending.today.reach_out import Candidate, rank_reach_out

TODAY = date(2026, 11, 22)
LONG_AGO = date(2025, 1, 1)


def person(key, ring="inner", rhythm=7, seen_days_ago=None, added=LONG_AGO, snoozed=None):
    last = None if seen_days_ago is None else TODAY - timedelta(days=seen_days_ago)
    return Candidate(key, f"P{key}", ring, rhythm, last, added, snoozed)


def keys(people, today=TODAY) -> list[int]:
    return [s.key for s in rank_reach_out(people, today)]


def test_item_14_one_snoozed_person_does_not_hide_everyone_after_them():
    people = [
        person(1, seen_days_ago=30),
        person(2, seen_days_ago=30, snoozed=TODAY + timedelta(days=5)),
        person(3, seen_days_ago=20),
        person(4, seen_days_ago=10),
    ]
    assert keys(people) == [1, 3, 4]


def test_item_14_someone_seen_recently_does_not_hide_everyone_after_them():
    people = [person(1, seen_days_ago=1), person(2, seen_days_ago=10), person(3, seen_days_ago=9)]
    assert keys(people) == [2, 3]


def test_item_14_overdue_is_measured_against_each_persons_own_rhythm():
    # Same ring, different rhythms: 9 days on a 3-day rhythm is further behind than 14 on a week.
    weekly = person(1, rhythm=7, seen_days_ago=14)
    every_three_days = person(2, rhythm=3, seen_days_ago=9)
    ranked = rank_reach_out([weekly, every_three_days], TODAY)
    assert [s.key for s in ranked] == [2, 1]
    assert [s.overdue for s in ranked] == [3.0, 2.0]
    assert [(s.days_since, s.rhythm_days) for s in ranked] == [(9, 3), (14, 7)]


def test_item_14_a_moment_dated_after_today_is_not_a_reason_to_reach_out():
    # A moment logged for "tomorrow" (another time zone, a typo) is as recent as can be.
    assert keys([person(1, rhythm=1, seen_days_ago=-3)]) == []
    assert keys([person(2, rhythm=7, added=TODAY + timedelta(days=2))]) == []


def test_item_14_someone_on_a_daily_rhythm_seen_today_is_not_due_yet():
    assert keys([person(1, rhythm=1, seen_days_ago=0)]) == []
    assert keys([person(1, rhythm=1, seen_days_ago=1)]) == [1]


def test_item_14_one_day_is_said_as_one_day():
    seen = rank_reach_out([person(1, rhythm=1, seen_days_ago=1)], TODAY)[0]
    assert seen.reason == "It has been 1 day; you usually talk every day."
    never = rank_reach_out([person(2, rhythm=1, added=TODAY - timedelta(days=1))], TODAY)[0]
    assert never.reason.startswith("You added P2 1 day ago and have not logged a moment yet")
    two = rank_reach_out([person(3, rhythm=1, seen_days_ago=2)], TODAY)[0]
    assert two.reason.startswith("It has been 2 days;")


def test_item_14_the_last_contact_counts_from_the_moment_not_the_day_added():
    seen = rank_reach_out([person(1, rhythm=7, seen_days_ago=8, added=LONG_AGO)], TODAY)[0]
    assert seen.days_since == 8


def test_item_14_rings_come_in_order_and_an_unknown_ring_comes_last():
    people = [
        person(1, ring="mystery", rhythm=7, seen_days_ago=70),
        person(2, ring="outer", rhythm=7, seen_days_ago=7),
        person(3, ring="middle", rhythm=7, seen_days_ago=7),
        person(4, ring="inner", rhythm=7, seen_days_ago=7),
        person(5, ring="middle", rhythm=7, seen_days_ago=70),
        person(6, ring="outer", rhythm=7, seen_days_ago=70),
        person(7, ring="inner", rhythm=7, seen_days_ago=70),
    ]
    assert keys(people) == [7, 4, 5, 3, 6, 2, 1]


def test_item_14_a_snooze_ending_today_no_longer_hides_someone():
    assert keys([person(1, seen_days_ago=30, snoozed=TODAY)]) == [1]
    assert keys([person(1, seen_days_ago=30, snoozed=TODAY - timedelta(days=1))]) == [1]
