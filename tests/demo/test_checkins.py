"""Demo check-ins: valid answers, scored by the app's own scoring, with patterns worth finding."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter

import pytest
from django.utils import timezone

from tending.checkins.models import CheckIn, CheckInDraft
from tending.checkins.registry import get_instrument
from tending.checkins.scoring import score
from tending.checkins.services import stored
from tending.moments.models import Moment
from tests.demo.common import TODAY

pytestmark = pytest.mark.django_db
DAYS = 2 * 365
STORED_FIELDS = ("instrument_version", "answers", "total", "subscales", "band_label")


def local_day(user, at: datetime.datetime) -> datetime.date:
    return timezone.localdate(at, user.zone)


def pulses_by_day(user) -> dict[datetime.date, CheckIn]:
    pulses = CheckIn.objects.filter(owner=user, instrument_id="daily-pulse")
    return {local_day(user, c.taken_at): c for c in pulses}


def test_every_check_in_is_scored_exactly_as_the_app_scores_it(filled):
    user, summary = filled
    checkins = list(CheckIn.objects.filter(owner=user))
    assert len(checkins) == summary.checkins
    for checkin in checkins:
        instrument = get_instrument(checkin.instrument_id)
        # score() refuses an unknown item, a value off the scale or too many skipped.
        result = score(instrument, checkin.answers)
        expected = stored(instrument, checkin.answers, result)
        assert set(checkin.answers) == {item.id for item in instrument.items}
        for field in (*STORED_FIELDS, "prorated", "safety_fired"):
            assert getattr(checkin, field) == expected[field], (checkin.instrument_id, field)
        checkin.full_clean()


def test_every_kind_of_check_in_is_there_at_its_own_pace(filled):
    user, _ = filled
    counts = Counter(CheckIn.objects.filter(owner=user).values_list("instrument_id", flat=True))
    assert set(counts) == {"daily-pulse", "weekly-wellbeing", "stress", "connection", "hard-days"}
    assert counts["daily-pulse"] > counts["weekly-wellbeing"] > counts["stress"]
    assert 0.7 * DAYS / 7 <= counts["weekly-wellbeing"] <= DAYS / 6
    for occasional in ("stress", "connection", "hard-days"):
        assert 8 <= counts[occasional] <= DAYS / 14, occasional
    taken = CheckIn.objects.filter(owner=user, instrument_id="weekly-wellbeing")
    weekly = sorted(local_day(user, at) for at in taken.values_list("taken_at", flat=True))
    gaps = [(b - a).days for a, b in zip(weekly, weekly[1:], strict=False)]
    assert statistics.median(gaps) == 7


def test_pulses_on_most_days_but_not_all(filled):
    user, _ = filled
    pulses = CheckIn.objects.filter(owner=user, instrument_id="daily-pulse")
    days = sorted(local_day(user, c.taken_at) for c in pulses)
    assert len(days) == len(set(days))  # at most one a day
    assert 0.7 * DAYS <= len(days) <= 0.95 * DAYS
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    assert max(gaps) >= 5  # some time away
    assert sum(gap > 1 for gap in gaps) >= 20  # and days simply skipped
    skipped_one = [c for c in pulses if None in c.answers.values()]
    assert 0 < len(skipped_one) < 0.1 * len(days)
    assert all(c.prorated and list(c.answers.values()).count(None) == 1 for c in skipped_one)


def test_nothing_is_taken_today_or_before_the_period(filled):
    user, _ = filled
    days = [local_day(user, at) for at in CheckIn.objects.values_list("taken_at", flat=True)]
    assert TODAY - datetime.timedelta(days=DAYS) <= min(days) and max(days) < TODAY
    assert max(days) >= TODAY - datetime.timedelta(days=3)


def test_safety_answers_are_rare_but_present(filled):
    user, _ = filled
    fired = CheckIn.objects.filter(owner=user, safety_fired=True)
    hard_days = CheckIn.objects.filter(owner=user, instrument_id="hard-days")
    assert 1 <= fired.count() <= max(1, 0.2 * hard_days.count())
    assert {c.instrument_id for c in fired} == {"hard-days"}
    assert all(c.answers["self-harm"] >= 1 for c in fired)
    # The self-harm question may be left out, and sometimes is.
    assert any(c.answers["self-harm"] is None for c in hard_days)


def test_mood_is_a_little_higher_on_days_of_feeling_understood(filled):
    user, _ = filled
    understood = {
        local_day(user, at)
        for at in Moment.objects.filter(owner=user, felt_understood__gte=4).values_list(
            "occurred_at", flat=True
        )
    }
    pulses = pulses_by_day(user)
    for item in ("mood", "connected"):
        with_ = [c.answers[item] for d, c in pulses.items() if d in understood]
        without = [c.answers[item] for d, c in pulses.items() if d not in understood]
        with_, without = [v for v in with_ if v], [v for v in without if v]
        assert len(without) >= 50 and len(with_) >= 50  # both kinds of day are common
        difference = statistics.mean(with_) - statistics.mean(without)
        assert 0.1 <= difference <= 1.0, (item, difference)  # a little, not a world apart


def test_weekly_well_being_follows_the_pulses(filled):
    user, _ = filled
    pulses = pulses_by_day(user)
    weekly, fortnight = [], []
    for checkin in CheckIn.objects.filter(owner=user, instrument_id="weekly-wellbeing"):
        day = local_day(user, checkin.taken_at)
        before = [pulses.get(day - datetime.timedelta(days=n)) for n in range(14)]
        totals = [pulse.total for pulse in before if pulse]
        if len(totals) >= 5:
            weekly.append(checkin.total)
            fortnight.append(statistics.mean(totals))
    assert len(weekly) >= 50
    assert statistics.correlation(weekly, fortnight) > 0.5
    bands = Counter(
        CheckIn.objects.filter(owner=user, instrument_id="weekly-wellbeing").values_list(
            "band_label", flat=True
        )
    )
    assert len(bands) >= 2  # good stretches and harder ones both show


def test_a_half_done_check_in_is_kept_as_a_draft(filled):
    user, _ = filled
    draft = CheckInDraft.objects.get(owner=user)
    instrument = get_instrument(draft.instrument_id)
    assert set(draft.answers) == {item.id for item in instrument.items}
    assert 0 < sum(value is not None for value in draft.answers.values()) < len(draft.answers)
