"""Today's one query for choices, drafts and prompts gives what each part's own reads give."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tending.checkins.models import CheckInChoice, CheckInDraft
from tending.checkins.queries import frequencies, frequencies_from, risky_drafts, risky_from
from tending.checkins.registry import get_instrument
from tending.journal.models import HiddenPrompt
from tending.journal.offering import RECENT_DAYS, offer_from, offer_prompt
from tending.journal.prompts import library
from tending.today.small_reads import small_reads
from tests.factories import JournalEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


def fill(user, prompts):
    CheckInChoice.objects.create(owner=user, instrument_id="daily-pulse", frequency="weekly")
    hard = get_instrument("hard-days")
    unsafe = hard.safety_rules[0].item
    with time_machine.travel(timezone.now() - timedelta(hours=3)):
        CheckInDraft.objects.create(owner=user, instrument_id="hard-days", answers={unsafe: 3})
    CheckInDraft.objects.create(owner=user, instrument_id="daily-pulse", answers={"mood": 2})
    with time_machine.travel(timezone.now() - timedelta(hours=1)):
        CheckInDraft.objects.create(owner=user, instrument_id="weekly-wellbeing", answers={})
    today = timezone.localdate()
    JournalEntryFactory(owner=user, prompt_id=prompts[0], written_on=today - timedelta(days=3))
    old = today - timedelta(days=RECENT_DAYS + 1)
    JournalEntryFactory(owner=user, prompt_id=prompts[1], written_on=old)
    JournalEntryFactory(owner=user, prompt_id="", written_on=today)
    HiddenPrompt.objects.create(owner=user, prompt_id=prompts[2])


def test_small_reads_agree_with_each_parts_own_reads():
    ids = [p.id for p in library()][:6]
    user, other = UserFactory(), UserFactory()
    fill(user, ids[:3])
    fill(other, ids[3:])
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    small = small_reads(user, prompts_since=since)
    assert small.recent_prompts == {ids[0]} and small.hidden_prompts == {ids[2]}
    assert frequencies_from(small.chosen) == frequencies(user)
    assert [d[0] for d in small.drafts] == ["daily-pulse", "weekly-wellbeing", "hard-days"]
    ours, theirs = risky_from(small.drafts), risky_drafts(user)
    assert [(r.instrument.id, r.fired) for r in ours] == [
        (r.instrument.id, r.fired) for r in theirs
    ]
    assert [r.instrument.id for r in ours] == ["hard-days"]
    for turn in range(8):
        seed = f"{user.pk}:{turn}"
        assert offer_from(small.recent_prompts, small.hidden_prompts, seed) == offer_prompt(
            user, seed=seed
        )


def test_the_first_overdue_from_rows_is_today_s_first_suggestion():
    from datetime import datetime

    from tending.core.reads import read_together
    from tending.today.models import ReachOutSnooze
    from tending.today.queries import (
        active_people,
        first_overdue,
        overdue_read,
        people_read,
        reach_out_suggestions,
    )
    from tests.factories import MomentFactory, PersonFactory

    user = UserFactory()
    today = timezone.localdate()
    for n, (ring, rhythm, ago) in enumerate(
        [("middle", 7, 30), ("inner", 14, 20), ("inner", 7, 20), ("outer", 3, 90), ("inner", 7, 1)]
    ):
        person = PersonFactory(owner=user, ring=ring, rhythm_days=rhythm, name=f"P{n}")
        at = timezone.make_aware(datetime.combine(today - timedelta(days=ago), datetime.min.time()))
        MomentFactory(owner=user, people=[person], occurred_at=at)
    snoozed = PersonFactory(owner=user, ring="inner", rhythm_days=1, name="Snoozed")
    ReachOutSnooze.objects.create(owner=user, person=snoozed, until=today + timedelta(days=2))
    PersonFactory(owner=user, ring="inner", rhythm_days=1, name="Never seen")
    rows, few = read_together([people_read(user), overdue_read(user)])
    ranked = reach_out_suggestions(today, active_people(user, rows))
    assert first_overdue(today, few) == ranked[0]
    assert ranked[0].name in {"P2", "Never seen"}  # the inner ring, most overdue for its rhythm
    assert first_overdue(today, []) is None
