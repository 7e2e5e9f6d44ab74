"""From rows to days: each exposure and outcome counted on the person's own days (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from tending.insights import sentences
from tending.insights.assemble import (
    CALL_OR_MESSAGE,
    IN_PERSON,
    MOMENT_OUTCOMES,
    PACKED,
    PersonRow,
    build_diary,
    day_indexes,
    days_still_needed,
    local_day,
    midnights,
    packed_shifts,
    pulse_days,
    span,
    unpack,
)
from tending.insights.diary import FINDING
from tests.insights.test_wording import pattern

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = date(2026, 3, 1)


def at(day: date, hour: int, minute: int = 0, zone=BERLIN) -> float:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).timestamp()


def pack(**details: int) -> int:
    shifts = packed_shifts()
    return sum(value << shifts[name] for name, value in details.items())


def moment(pk: int, when: float, **details: int) -> tuple[int, float, int]:
    return (pk, when, pack(**details))


def diary_of(moments=(), links=(), pulses=(), people=(), days=10, zone=BERLIN):
    return build_diary(FIRST, days, zone, list(moments), np.array(links), list(pulses), people)


def series(diary, key):
    return next(s for s in (*diary.exposures, *diary.outcomes) if s.key == key)


def test_the_packed_layout_is_fixed():
    # gather.py's SQL and unpack() both read it; a change is a change to both.
    assert packed_shifts() == {
        "safe": 0,
        "closeness": 3,
        "understood": 6,
        "shared": 9,
        "they_shared": 12,
        "channel": 15,
        "minutes": 17,
    }


def test_packing_round_trips_every_detail_at_its_largest():
    largest = {name: (1 << bits) - 1 for name, bits in PACKED if bits}
    largest["minutes"] = 1440
    packed = np.array([pack(**largest), 0, pack(minutes=5, safe=1)])
    got = unpack(packed)
    for name, value in largest.items():
        assert got[name].tolist() == [value, 0, 5 if name == "minutes" else int(name == "safe")]


def test_a_moment_late_in_the_evening_belongs_to_that_local_day():
    late = at(FIRST + timedelta(days=2), 23, 30)  # 22:30 UTC: still the 3rd in Berlin
    early = at(FIRST + timedelta(days=3), 0, 0)  # midnight itself starts the next day
    diary = diary_of([moment(1, late), moment(2, early)], days=5)
    assert series(diary, "moment-any").values == (0.0, 0.0, 1.0, 1.0, 0.0)


def test_the_day_the_clocks_go_forward_is_23_hours_long():
    change = date(2026, 3, 29)  # Europe/Berlin: 02:00 -> 03:00
    starts = midnights(change, 2, BERLIN)
    assert np.diff(starts).tolist() == [23 * 3600, 24 * 3600]
    just_before_midnight = at(change, 23, 59)
    assert day_indexes(np.array([just_before_midnight]), starts).tolist() == [0]


def test_weekly_offsets_match_asking_every_day_in_many_zones():
    for name in ("UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Tehran"):
        zone = ZoneInfo(name)
        for first, days in ((date(2000, 1, 3), 3000), (date(2026, 3, 27), 3), (FIRST, 0)):
            each = [
                datetime.combine(first + timedelta(days=n), datetime.min.time(), tzinfo=zone)
                for n in range(days + 1)
            ]
            assert midnights(first, days, zone).tolist() == [d.timestamp() for d in each], name


def test_day_indexes_forgive_the_databases_rounding_at_midnight():
    starts = midnights(FIRST, 3, BERLIN)
    a_hair_early = starts[1] - 0.00004  # julianday's arithmetic, not a real time
    assert day_indexes(np.array([a_hair_early, starts[1] - 0.5]), starts).tolist() == [1, 0]
    # To the millisecond, and no further.
    assert day_indexes(np.array([starts[1] - 0.0004, starts[1] - 0.004]), starts).tolist() == [1, 0]
    assert day_indexes(np.array([starts[0] - 1, starts[3]]), starts).tolist() == [-1, 3]


def test_local_day_is_the_persons_day():
    instant = datetime(2026, 3, 3, 23, 30, tzinfo=UTC).timestamp()
    assert local_day(instant, BERLIN) == date(2026, 3, 4)
    assert local_day(instant, ZoneInfo("America/New_York")) == date(2026, 3, 3)


def test_span_runs_from_the_earliest_to_today_or_the_last_n_days():
    today = date(2026, 3, 31)
    assert span([date(2026, 3, 10), date(2026, 3, 5)], today) == (date(2026, 3, 5), 27)
    assert span([None, date(2026, 3, 10)], today) == (date(2026, 3, 10), 22)
    assert span([date(2026, 3, 5)], today, days=7) == (date(2026, 3, 25), 7)
    assert span([date(2026, 3, 30)], today, days=7) == (date(2026, 3, 30), 2)
    assert span([date(2026, 3, 31)], today) == (today, 1)
    assert span([date(2026, 4, 2)], today) == (today, 1)  # a clock ahead: today still counts
    assert span([None, None], today) == (today, 0)
    assert span([], today, days=3) == (today, 0)


def test_each_exposure_counts_what_it_says():
    day = [at(FIRST + timedelta(days=n), 12) for n in range(8)]
    moments = [
        moment(1, day[0], understood=4, shared=3, they_shared=3),  # thoughts: not feelings
        moment(2, day[1], understood=3, shared=4, they_shared=3),  # feelings; they: thoughts
        moment(3, day[2], shared=5, they_shared=4),  # vulnerable / feelings
        moment(4, day[3], channel=IN_PERSON, minutes=30),
        moment(5, day[3], channel=CALL_OR_MESSAGE, minutes=15),
        moment(6, day[4], channel=CALL_OR_MESSAGE),
        moment(7, day[5], understood=5),
    ]
    diary = diary_of(moments, days=8)
    assert series(diary, "moment-any").values == (1.0,) * 6 + (0.0, 0.0)
    assert series(diary, "moment-understood").values == (1, 0, 0, 0, 0, 1, 0, 0)
    assert series(diary, "shared-feelings").values == (0, 1, 1, 0, 0, 0, 0, 0)
    assert series(diary, "they-shared-feelings").values == (0, 0, 1, 0, 0, 0, 0, 0)
    assert series(diary, "in-person").values == (0, 0, 0, 1, 0, 0, 0, 0)
    assert series(diary, "call-or-message").values == (0, 0, 0, 1, 1, 0, 0, 0)
    assert series(diary, "minutes-together").values == (0, 0, 0, 45, 0, 0, 0, 0)
    assert not series(diary, "minutes-together").binary
    assert all(s.binary for s in diary.exposures if s.key != "minutes-together")
    # Each one's words read in the sentences: an amount's after "more", the rest after "with".
    for exposure in diary.exposures:
        for lag in (0, 1):
            said = sentences.describe(
                pattern(exposure=exposure.key, exposure_label=exposure.label,
                        binary=exposure.binary, lag_days=lag),
                FINDING,
                30.0,
            )  # fmt: skip
            assert f" {exposure.label}," in said and "more more" not in said, said
    assert [s.key for s in diary.exposures][:7] == [
        "moment-any",
        "moment-understood",
        "shared-feelings",
        "they-shared-feelings",
        "minutes-together",
        "in-person",
        "call-or-message",
    ]


def test_time_with_each_inner_and_middle_person_and_no_one_else():
    people = [
        PersonRow(10, "Sam", "inner"),
        PersonRow(11, "Alex", "middle"),
        PersonRow(12, "Kim", "outer"),
        PersonRow(13, "Old friend", "inner", archived=True),
    ]
    day = [at(FIRST + timedelta(days=n), 18) for n in range(3)]
    moments = [moment(1, day[0]), moment(2, day[1]), moment(3, day[2])]
    links = [(1, 10), (1, 13), (2, 11), (2, 12), (3, 12), (99, 10)]  # 99: not a moment here
    diary = diary_of(moments, links, people=people, days=3)
    persons = [s for s in diary.exposures if s.key.startswith("person-")]
    assert [(s.key, s.label, s.person_id, s.person) for s in persons] == [
        ("person-11", "time with Alex", 11, "Alex"),
        ("person-10", "time with Sam", 10, "Sam"),
    ]
    assert series(diary, "person-10").values == (1.0, 0.0, 0.0)
    assert series(diary, "person-11").values == (0.0, 1.0, 0.0)
    assert all(s.binary for s in persons)
    assert diary.people == {10: "Sam", 11: "Alex", 12: "Kim"}


def test_each_rated_moment_keeps_its_ratings_and_known_people():
    people = [PersonRow(10, "Sam", "inner"), PersonRow(13, "Gone", "inner", archived=True)]
    moments = [
        moment(1, at(FIRST, 9), safe=5, closeness=6, understood=4),
        moment(2, at(FIRST + timedelta(days=2), 9)),  # nothing rated: left out
        moment(3, at(FIRST + timedelta(days=3), 9), closeness=7),
        moment(4, at(FIRST + timedelta(days=4), 9), safe=1),
        moment(5, at(FIRST + timedelta(days=4), 10), closeness=1),
        moment(6, at(FIRST + timedelta(days=4), 11), understood=1),
        moment(7, at(FIRST + timedelta(days=4), 12), safe=5, closeness=7, understood=5),
        moment(8, at(FIRST + timedelta(days=4), 13), understood=5),
    ]
    links = [(1, 10), (1, 13), (2, 10), (3, 13), (4, 10)]
    diary = diary_of(moments, links, people=people, days=5)
    assert [(m.day_index, m.person_ids, m.ratings) for m in diary.moments] == [
        (0, (10,), {"felt_safe": 5.0, "closeness_after": 6.0, "felt_understood": 4.0}),
        (3, (), {"felt_safe": None, "closeness_after": 7.0, "felt_understood": None}),
        (4, (10,), {"felt_safe": 1.0, "closeness_after": None, "felt_understood": None}),
        (4, (), {"felt_safe": None, "closeness_after": 1.0, "felt_understood": None}),
        (4, (), {"felt_safe": None, "closeness_after": None, "felt_understood": 1.0}),
        (4, (), {"felt_safe": 5.0, "closeness_after": 7.0, "felt_understood": 5.0}),
        (4, (), {"felt_safe": None, "closeness_after": None, "felt_understood": 5.0}),
    ]
    assert diary.moment_outcomes == MOMENT_OUTCOMES
    assert MOMENT_OUTCOMES == {
        "felt_safe": ("safe", 5),
        "closeness_after": ("close", 7),
        "felt_understood": ("understood", 5),
    }


def test_moments_outside_the_days_are_left_out_everywhere():
    moments = [
        moment(1, at(FIRST - timedelta(days=1), 23, 59), safe=3),
        moment(2, at(FIRST + timedelta(days=3), 0, 0), safe=3),
        moment(3, at(FIRST + timedelta(days=2), 23, 59), safe=4),
    ]
    diary = diary_of(moments, [(1, 10), (2, 10)], people=[PersonRow(10, "Sam", "inner")], days=3)
    assert series(diary, "moment-any").values == (0.0, 0.0, 1.0)
    assert series(diary, "person-10").values == (0.0, 0.0, 0.0)
    assert [(m.day_index, m.ratings["felt_safe"]) for m in diary.moments] == [(2, 4.0)]


def test_pulses_of_one_day_are_averaged_item_by_item():
    pulses = [
        (at(FIRST, 8), 2, 3, 4, None),
        (at(FIRST, 21), 4, None, 1, None),
        (at(FIRST + timedelta(days=1), 20), 5, 5, 5, 5),
        (at(FIRST + timedelta(days=5), 9), 1, 1, 1, 1),  # after the last day: left out
        (at(FIRST - timedelta(days=1), 9), 1, 1, 1, 1),  # before the first: left out too
    ]
    diary = diary_of(pulses=pulses, days=3)
    assert [(s.key, s.label) for s in diary.outcomes] == [
        ("pulse-mood", "your mood"),
        ("pulse-energy", "your energy"),
        ("pulse-stress", "how stressed you felt"),
        ("pulse-connected", "how close to people you felt"),
    ]
    assert series(diary, "pulse-mood").values == (3.0, 5.0, None)
    assert series(diary, "pulse-energy").values == (3.0, 5.0, None)
    assert series(diary, "pulse-stress").values == (2.5, 5.0, None)
    assert series(diary, "pulse-connected").values == (None, 5.0, None)
    assert pulse_days(diary) == 2


def test_an_empty_diary_has_days_and_series_of_the_right_length():
    diary = diary_of(days=4)
    assert diary.first_day == FIRST and diary.days == 4
    assert all(len(s.values) == 4 for s in (*diary.exposures, *diary.outcomes))
    assert diary.moments == () and pulse_days(diary) == 0
    nothing = diary_of(days=0)
    assert nothing.days == 0 and all(s.values == () for s in nothing.exposures)


@pytest.mark.parametrize(("have", "needed"), [(0, 14), (1, 13), (13, 1), (14, 0), (40, 0)])
def test_days_still_needed_before_any_pattern(have, needed):
    assert days_still_needed(have) == needed


def test_local_day_forgives_the_databases_rounding_at_midnight_too():
    midnight = datetime(2026, 3, 4, tzinfo=BERLIN).timestamp()
    assert local_day(midnight - 0.00004, BERLIN) == date(2026, 3, 4)
    assert local_day(midnight - 0.0004, BERLIN) == date(2026, 3, 4)  # to the millisecond
    assert local_day(midnight - 0.004, BERLIN) == date(2026, 3, 3)  # and no further
    assert local_day(midnight - 0.5, BERLIN) == date(2026, 3, 3)


def test_moments_without_links_or_links_without_moments_have_no_people():
    sam = [PersonRow(10, "Sam", "inner")]
    rated = [moment(1, at(FIRST, 9), safe=4)]
    alone = diary_of(rated, [], people=sam, days=2)
    assert [m.person_ids for m in alone.moments] == [()]
    assert series(alone, "person-10").values == (0.0, 0.0)
    outside = [moment(2, at(FIRST + timedelta(days=5), 9), safe=4)]
    elsewhere = diary_of(outside, [(2, 10)], people=sam, days=2)
    assert elsewhere.moments == () and series(elsewhere, "person-10").values == (0.0, 0.0)


def test_days_with_a_brave_step_are_an_exposure_once_there_is_one():
    assert "brave-step" not in {s.key for s in diary_of().exposures}
    taken = [FIRST + timedelta(days=2), FIRST + timedelta(days=2), FIRST + timedelta(days=9)]
    outside = [FIRST - timedelta(days=1), FIRST + timedelta(days=10)]
    diary = build_diary(FIRST, 10, BERLIN, [], np.array([]), [], [], taken + outside)
    brave = series(diary, "brave-step")
    assert brave.values == (0, 0, 1, 0, 0, 0, 0, 0, 0, 1) and brave.binary
    assert brave.label == "a brave step"
    only_outside = build_diary(FIRST, 10, BERLIN, [], np.array([]), [], [], outside)
    assert "brave-step" not in {s.key for s in only_outside.exposures}
