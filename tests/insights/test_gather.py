"""Reading a person's stored days: their time zone, their rows only, a window of days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tending.checkins.models import CheckIn
from tending.insights.gather import gather, today_for
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 3, 20)


def local(day: int, hour: int, minute: int = 0, zone=BERLIN) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=zone)


def pulse(owner, when: dt.datetime, **answers) -> CheckIn:
    full = {"mood": None, "energy": None, "stress": None, "connected": None, **answers}
    return CheckIn.objects.create(
        owner=owner,
        instrument_id="daily-pulse",
        instrument_version=1,
        answers=full,
        total=3,
        taken_at=when,
    )


def values(diary, key):
    return next(s for s in (*diary.exposures, *diary.outcomes) if s.key == key).values


def test_a_moment_at_half_past_eleven_at_night_counts_for_that_local_day(owner):
    # 23:30 in Berlin is 22:30 UTC the same day; in a zone west of UTC it would be the next
    # UTC day, so try both sides.
    MomentFactory(owner=owner, occurred_at=local(10, 23, 30), felt_safe=4)
    pulse(owner, local(10, 8), mood=3)
    diary = gather(owner, today=TODAY)
    assert diary.first_day == dt.date(2026, 3, 10) and diary.days == 11
    assert values(diary, "moment-any")[:2] == (1.0, 0.0)
    assert values(diary, "pulse-mood")[:2] == (3.0, None)
    owner.time_zone = "America/Los_Angeles"
    owner.save()
    MomentFactory(owner=owner, occurred_at=local(12, 23, 30, ZoneInfo("America/Los_Angeles")))
    west = gather(owner, today=TODAY)
    # 08:00 in Berlin on the 10th is midnight in Los Angeles, the very start of the 10th
    # there; Berlin's 23:30 is 15:30 the same day; LA's 23:30 on the 12th is 07:30 on the
    # 13th in UTC, and still the 12th there.
    assert west.first_day == dt.date(2026, 3, 10)
    assert values(west, "pulse-mood")[:2] == (3.0, None)
    assert values(west, "moment-any")[:4] == (1.0, 0.0, 1.0, 0.0)


def test_several_pulses_in_a_day_are_averaged_and_a_skipped_item_is_none(owner):
    pulse(owner, local(2, 8), mood=2, energy=4, stress=5, connected=1)
    pulse(owner, local(2, 21), mood=5, energy=None, stress=2, connected=2)
    pulse(owner, local(3, 23, 50), mood=1)
    diary = gather(owner, today=dt.date(2026, 3, 4))
    assert diary.first_day == dt.date(2026, 3, 2) and diary.days == 3
    assert values(diary, "pulse-mood") == (3.5, 1.0, None)
    assert values(diary, "pulse-energy") == (4.0, None, None)
    assert values(diary, "pulse-stress") == (3.5, None, None)
    assert values(diary, "pulse-connected") == (1.5, None, None)


def test_other_check_ins_are_not_pulses(owner):
    CheckIn.objects.create(
        owner=owner,
        instrument_id="weekly-wellbeing",
        instrument_version=1,
        answers={"mood": 1},
        total=1,
        taken_at=local(2, 8),
    )
    diary = gather(owner, today=dt.date(2026, 3, 4))
    assert diary.days == 0


def test_archived_and_outer_ring_people_are_not_exposures(owner):
    inner = PersonFactory(owner=owner, name="Sam", ring="inner")
    middle = PersonFactory(owner=owner, name="Alex", ring="middle")
    outer = PersonFactory(owner=owner, name="Kim", ring="outer")
    gone = PersonFactory(owner=owner, name="Old friend", ring="inner", is_archived=True)
    MomentFactory(owner=owner, people=[inner, gone], occurred_at=local(5, 12), felt_safe=5)
    MomentFactory(owner=owner, people=[middle, outer], occurred_at=local(6, 12), felt_safe=2)
    diary = gather(owner, today=dt.date(2026, 3, 7))
    keyed = {s.key: s for s in diary.exposures if s.key.startswith("person-")}
    assert set(keyed) == {f"person-{inner.pk}", f"person-{middle.pk}"}
    assert keyed[f"person-{inner.pk}"].values == (1.0, 0.0, 0.0)
    assert keyed[f"person-{inner.pk}"].person == "Sam"
    assert keyed[f"person-{middle.pk}"].values == (0.0, 1.0, 0.0)
    assert diary.people == {inner.pk: "Sam", middle.pk: "Alex", outer.pk: "Kim"}
    assert [sorted(m.person_ids) for m in diary.moments] == [
        [inner.pk],
        sorted([middle.pk, outer.pk]),
    ]


def test_another_persons_data_is_never_included(owner, other):
    mine = PersonFactory(owner=owner, name="Sam", ring="inner")
    theirs = PersonFactory(owner=other, name="Their friend", ring="inner")
    MomentFactory(owner=owner, people=[mine], occurred_at=local(10, 12), felt_safe=3)
    MomentFactory(owner=other, people=[theirs], occurred_at=local(1, 12), felt_safe=1)
    pulse(other, local(1, 9), mood=1)
    pulse(owner, local(10, 9), mood=4)
    diary = gather(owner, today=dt.date(2026, 3, 11))
    assert diary.first_day == dt.date(2026, 3, 10) and diary.days == 2
    assert list(diary.people) == [mine.pk]
    assert [m.ratings["felt_safe"] for m in diary.moments] == [3.0]
    assert values(diary, "pulse-mood") == (4.0, None)
    assert not any(s.person_id == theirs.pk for s in diary.exposures)


def test_the_days_run_from_the_first_moment_or_pulse_whichever_is_earlier(owner):
    MomentFactory(owner=owner, occurred_at=local(8, 12))
    pulse(owner, local(5, 20), mood=3)
    assert gather(owner, today=TODAY).first_day == dt.date(2026, 3, 5)
    MomentFactory(owner=owner, occurred_at=local(1, 0, 1))
    assert gather(owner, today=TODAY).first_day == dt.date(2026, 3, 1)


def test_a_window_keeps_only_the_last_n_days(owner):
    MomentFactory(owner=owner, occurred_at=local(1, 12), felt_safe=1)
    MomentFactory(owner=owner, occurred_at=local(14, 0, 0), felt_safe=2)  # first moment kept
    MomentFactory(owner=owner, occurred_at=local(13, 23, 59), felt_safe=3)  # just before
    pulse(owner, local(2, 9), mood=1)
    pulse(owner, local(18, 9), mood=5)
    diary = gather(owner, days=7, today=TODAY)
    assert diary.first_day == dt.date(2026, 3, 14) and diary.days == 7
    assert [m.ratings["felt_safe"] for m in diary.moments] == [2.0]
    assert values(diary, "pulse-mood") == (None, None, None, None, 5.0, None, None)
    # A window longer than the data: from the first day there is.
    longer = gather(owner, days=365, today=TODAY)
    assert longer.first_day == dt.date(2026, 3, 1) and longer.days == 20


def test_nothing_stored_is_an_empty_diary(owner):
    diary = gather(owner, today=TODAY)
    assert diary.days == 0 and diary.moments == ()
    assert gather(owner, days=30, today=TODAY).days == 0


def test_today_is_the_persons_own(owner):
    late = dt.datetime(2026, 3, 10, 23, 30, tzinfo=dt.UTC)
    assert today_for(owner, late) == dt.date(2026, 3, 11)  # already the 11th in Berlin
    owner.time_zone = "America/New_York"
    assert today_for(owner, late) == dt.date(2026, 3, 10)


def test_the_days_brave_steps_were_taken_are_read_and_only_the_owners(owner, other):
    from tending.growth.models import BraveStep

    owner.time_zone = "Europe/Berlin"
    owner.save()
    MomentFactory(owner=owner, occurred_at=local(10, 12))
    for who, day in [(owner, 12), (owner, 14), (other, 13)]:
        BraveStep.objects.create(
            owner=who, text="A step", hardness=30, added_on=dt.date(2026, 3, 1),
            done_on=dt.date(2026, 3, day),
        )  # fmt: skip
    BraveStep.objects.create(owner=owner, text="Not yet", hardness=30, added_on=dt.date(2026, 3, 1))
    brave = values(gather(owner, today=TODAY), "brave-step")
    assert [i for i, v in enumerate(brave) if v] == [2, 4]  # the 12th and 14th, from the 10th
