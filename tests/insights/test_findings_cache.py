"""Findings are kept until the person's data changes: a new moment or pulse, a new day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.checkins.models import CheckIn
from tending.insights import analysis, findings
from tending.insights.diary import EARLY_SIGN, FINDING, Finding
from tending.insights.models import FindingSeen, InsightsResult
from tending.moments.models import Moment
from tending.moments.services import delete_moments
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.UTC)


def finding(exposure="moment-understood", status=FINDING, **more) -> Finding:
    values = {
        "exposure": exposure,
        "outcome": "pulse-mood",
        "lag_days": 0,
        "person": None,
        "effect": 0.4,
        "interval": (0.2, 0.6),
        "n_days": 60,
        "n_effective": 41.5,
        "q": 0.03,
        "status": status,
        "sentence": "On days with a moment where you felt understood, your mood was higher.",
        **more,
    }
    return Finding(**values)


@pytest.fixture
def engine(monkeypatch):
    """The engine, counted and told what to find."""

    class Engine:
        def __init__(self):
            self.runs, self.found = 0, [finding()]

        def __call__(self, diary):
            self.runs += 1
            return list(self.found)

    fake = Engine()
    monkeypatch.setattr(analysis, "find_patterns", fake)
    return fake


@pytest.fixture
def days(owner):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner")
    MomentFactory(owner=owner, people=[sam], occurred_at=NOW - dt.timedelta(days=3))
    pulse(owner, NOW - dt.timedelta(days=3))
    return sam


def pulse(owner, when) -> CheckIn:
    return CheckIn.objects.create(
        owner=owner,
        instrument_id="daily-pulse",
        instrument_version=1,
        answers={"mood": 3, "energy": 3, "stress": 3, "connected": 3},
        total=3,
        taken_at=when,
    )


@pytest.fixture
def clock():
    """Time that moves a second whenever asked: changes are saved at different moments."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield lambda: traveller.shift(dt.timedelta(seconds=1))


def test_kept_until_a_moment_or_pulse_is_added_changed_or_deleted(owner, clock, engine, days):
    assert findings.current_findings(owner) == [finding()]
    assert findings.current_findings(owner) == [finding()]
    assert engine.runs == 1
    clock()
    moment = MomentFactory(owner=owner, occurred_at=NOW - dt.timedelta(days=1))
    findings.current(owner)
    assert engine.runs == 2
    clock()
    moment.felt_safe = 4
    moment.save()
    findings.current(owner)
    assert engine.runs == 3
    delete_moments(Moment.objects.filter(pk=moment.pk))  # as every page deletes them
    findings.current(owner)
    assert engine.runs == 4
    new = pulse(owner, NOW - dt.timedelta(hours=1))
    findings.current(owner)
    assert engine.runs == 5
    client = Client()
    client.force_login(owner)
    answer = client.post(reverse("checkins:delete", args=[new.pk]))
    assert answer.status_code == 302 and not CheckIn.objects.filter(pk=new.pk).exists()
    findings.current(owner)
    findings.current(owner)
    assert engine.runs == 6


def test_kept_until_a_brave_step_is_taken_changed_or_deleted(owner, clock, engine, days):
    from tending.growth.models import BraveStep

    findings.current(owner)
    clock()
    step = BraveStep.objects.create(
        owner=owner, text="Say hello", hardness=20, added_on=NOW.date()
    )  # not taken yet: the days are the same, but a row changed is enough to look again
    findings.current(owner)
    findings.current(owner)
    runs = engine.runs
    clock()
    step.done_on = NOW.date()
    step.save()
    findings.current(owner)
    assert engine.runs == runs + 1
    step.delete()
    findings.current(owner)
    assert engine.runs == runs + 2
    findings.current(owner)
    assert engine.runs == runs + 2


def test_only_the_deleting_accounts_result_goes_stale(owner, other, clock, engine, days):
    findings.current(owner)
    MomentFactory(owner=other, occurred_at=NOW - dt.timedelta(days=2))
    theirs = MomentFactory(owner=other, occurred_at=NOW - dt.timedelta(days=1))
    findings.current(other)
    assert engine.runs == 2
    delete_moments(Moment.objects.filter(pk=theirs.pk))
    findings.current(owner)
    assert engine.runs == 2
    findings.current(other)
    assert engine.runs == 3


def test_people_changes_count_but_nothing_else_does(owner, clock, engine, days):
    findings.current(owner)
    clock()
    # Other check-ins, journal entries, another person's moments: nothing to do with it.
    CheckIn.objects.create(
        owner=owner, instrument_id="weekly-wellbeing", instrument_version=1, answers={},
        total=1, taken_at=NOW,
    )  # fmt: skip
    from tests.factories import JournalEntryFactory, UserFactory

    JournalEntryFactory(owner=owner, body="A quiet day")
    someone = UserFactory(username="someone")
    MomentFactory(owner=someone, occurred_at=NOW)
    pulse(someone, NOW)
    findings.current(owner)
    assert engine.runs == 1
    clock()
    days.ring = "outer"  # Sam leaves the rings that get an exposure of their own
    days.save()
    findings.current(owner)
    assert engine.runs == 2
    clock()
    days.name = "Samira"  # names are in the sentences
    days.save()
    findings.current(owner)
    assert engine.runs == 3
    owner.time_zone = "Asia/Tokyo"  # the days themselves move
    owner.save()
    findings.current(owner)
    assert engine.runs == 4


def test_a_new_day_works_it_out_again(owner, engine, days):
    with time_machine.travel(NOW, tick=False):
        findings.current(owner)
        findings.current(owner)
    with time_machine.travel(NOW + dt.timedelta(hours=10), tick=False):  # 23:00 in Berlin
        findings.current(owner)
    assert engine.runs == 1
    with time_machine.travel(NOW + dt.timedelta(hours=11), tick=False):  # midnight in Berlin
        findings.current(owner)
        assert InsightsResult.objects.get(owner=owner).computed_on == dt.date(2026, 3, 21)
    assert engine.runs == 2


@time_machine.travel(NOW, tick=False)
def test_a_changed_engine_works_it_out_again(owner, engine, days, monkeypatch):
    from tending.insights import analysis

    findings.current(owner)
    findings.current(owner)
    assert engine.runs == 1 and analysis.VERSION >= 2
    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + 1)
    findings.current(owner)
    assert engine.runs == 2


@time_machine.travel(NOW, tick=False)
def test_the_kept_result_is_read_in_one_query(owner, engine, days):
    findings.current(owner)
    with CaptureQueriesContext(connection) as queries:
        kept = findings.current(owner)
    assert len(queries) == 1
    assert kept.findings == [finding()] and kept.pulse_days == 1 and kept.days == 4


@time_machine.travel(NOW, tick=False)
def test_each_person_has_their_own_result(owner, other, engine, days):
    findings.current(owner)
    engine.found = []
    assert findings.current_findings(other) == []
    assert findings.current_findings(owner) == [finding()]
    assert InsightsResult.objects.count() == 2


@time_machine.travel(NOW, tick=False)
def test_firm_findings_come_before_early_signs_surest_first(owner, engine, days):
    early = finding("shared-feelings", EARLY_SIGN, q=0.001)
    weaker = finding("in-person", q=0.08)
    surer = finding("moment-any", q=0.01, effect=-0.2)
    larger = finding("moment-understood", q=0.01, effect=0.5)
    engine.found = [early, weaker, surer, larger]
    assert findings.current_findings(owner) == [larger, surer, weaker, early]


def test_new_or_firmer_since_a_day(owner, engine, days):
    early = finding("shared-feelings", EARLY_SIGN)
    with time_machine.travel(NOW, tick=False):  # the 20th
        engine.found = [finding(), early]
        findings.current(owner)
    march = dt.date(2026, 3, 1)
    with time_machine.travel(NOW + dt.timedelta(days=5), tick=False):  # the 25th
        firmer = finding("shared-feelings", FINDING)
        fresh = finding("in-person", EARLY_SIGN)
        engine.found = [finding(), firmer, fresh]
        assert findings.new_or_firmer(owner, march) == [finding(), firmer, fresh]
        since = dt.date(2026, 3, 22)
        assert findings.new_or_firmer(owner, since) == [firmer, fresh]
        assert findings.new_or_firmer(owner, dt.date(2026, 3, 26)) == []
    seen = {s.exposure: (s.first_seen_on, s.firm_on) for s in FindingSeen.objects.all()}
    assert seen == {
        "moment-understood": (dt.date(2026, 3, 20), dt.date(2026, 3, 20)),
        "shared-feelings": (dt.date(2026, 3, 20), dt.date(2026, 3, 25)),
        "in-person": (dt.date(2026, 3, 25), None),
    }


@time_machine.travel(NOW, tick=False)
def test_an_early_sign_seen_before_is_not_new(owner, engine, days):
    engine.found = [finding("shared-feelings", EARLY_SIGN)]
    findings.current(owner)
    assert findings.new_or_firmer(owner, dt.date(2026, 3, 21)) == []
    assert findings.new_or_firmer(owner, dt.date(2026, 3, 20)) == engine.found


@time_machine.travel(NOW, tick=False)
def test_a_fresh_window_is_never_kept(owner, engine, days):
    result = findings.analyse(owner, days=2)
    assert result.days == 2 and result.findings == [finding()]
    assert not InsightsResult.objects.exists() and not FindingSeen.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_with_no_days_the_engine_is_not_asked(owner, engine):
    assert findings.current(owner).findings == [] and engine.runs == 0


def test_a_result_kept_in_json_reads_back_the_same():
    kept = findings.Insights([finding(), finding("x", EARLY_SIGN)], days=90, pulse_days=70)
    import json

    again = findings.Insights.from_json(json.loads(json.dumps(kept.as_json())))
    assert again == kept and again.days_still_needed == 0
    assert findings.Insights(pulse_days=5).days_still_needed == 9


@time_machine.travel(NOW, tick=False)
def test_numpy_numbers_from_the_engine_are_kept_as_plain_json(owner, engine, days):
    import json

    import numpy as np

    engine.found = [
        finding(
            effect=np.float64(0.4),
            interval=(np.float64(0.2), np.float64(0.6)),
            n_days=np.int64(60),
            n_effective=np.float64(41.5),
            q=np.float64(0.03),
            lag_days=np.int64(0),
        )
    ]
    first = findings.current_findings(owner)
    assert first == [finding()] and type(first[0].n_days) is int
    assert json.loads(json.dumps(findings.finding_json(first[0]))) == finding().as_json()
    kept = findings.current_findings(owner)
    assert kept == [finding()] and type(kept[0].n_days) is int
    fresh = findings.analyse(owner, days=3).findings  # the terminal's window, not kept
    assert json.loads(json.dumps(findings.finding_json(fresh[0]))) == finding().as_json()


def test_many_early_signs_turning_firm_cost_one_update(owner, engine, days):
    early = [finding(f"person-{n}", EARLY_SIGN) for n in range(5)]
    with time_machine.travel(NOW, tick=False):
        engine.found = early
        findings.current(owner)
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        engine.found = [finding(f"person-{n}", FINDING) for n in range(5)]
        with CaptureQueriesContext(connection) as queries:
            findings.current(owner)
    updates = [q for q in queries if q["sql"].startswith('UPDATE "insights_findingseen"')]
    assert len(updates) == 1
    assert set(FindingSeen.objects.values_list("firm_on", flat=True)) == {dt.date(2026, 3, 21)}


@time_machine.travel(NOW, tick=False)
def test_another_process_reads_the_kept_result_once_then_knows_it(owner, engine, days):
    findings.current(owner)
    findings._READ.clear()  # as a server process that has not read it yet
    with CaptureQueriesContext(connection) as queries:
        kept = findings.current(owner)
    assert len(queries) == 2 and kept.findings == [finding()] and engine.runs == 1
    with CaptureQueriesContext(connection) as queries:
        again = findings.current(owner)
    assert len(queries) == 1 and again is kept
    # Worked out again (a deletion marked it stale), the new result is read, not the old.
    InsightsResult.objects.filter(owner=owner).update(fingerprint="")
    findings._READ[owner.pk] = ("stale", kept)
    fresh = findings.current(owner)
    assert engine.runs == 2 and fresh is not kept


def read_now(owner, since):
    """The state and the seen rows, read as a page reads them with its others."""
    from tending.core.reads import read_together

    state, seen = read_together([findings.state_read(owner), findings.seen_read(owner, since)])
    return {"state": state, "seen": seen}


@time_machine.travel(NOW, tick=False)
def test_rows_read_with_a_pages_others_give_the_same_findings(owner, engine, days):
    engine.found = [finding(), finding("in-person", EARLY_SIGN)]
    findings.current(owner)  # kept, and first seen today
    since = dt.date(2026, 3, 20)
    with CaptureQueriesContext(connection) as queries:
        assert findings.new_or_firmer(owner, since, read_now(owner, since)) == engine.found
    assert len(queries) == 2  # only the two reads: nothing read again
    assert findings.new_or_firmer(owner, since + dt.timedelta(days=1), read_now(owner, since)) == (
        engine.found
    )  # the rows say what is new, not the day given: they were read for `since`
    assert engine.runs == 1


@time_machine.travel(NOW, tick=False)
def test_a_fresh_analysis_reads_again_what_it_has_just_seen_first(owner, engine, days):
    """The seen rows were read before the analysis ran and noted its findings: they are stale."""
    engine.found = [finding()]
    since = dt.date(2026, 3, 20)
    read = read_now(owner, since)
    assert read["seen"] == []
    assert findings.new_or_firmer(owner, since, read) == [finding()]
    assert engine.runs == 1


@time_machine.travel(NOW, tick=False)
def test_what_is_new_is_read_once_for_each_result_and_day(owner, engine, days):
    """While the same result is handed out, the findings first seen cannot have changed:
    noting them is part of working a result out afresh, which makes a new result."""
    engine.found = [finding(), finding("in-person", EARLY_SIGN)]
    findings.current(owner)
    since = dt.date(2026, 3, 20)
    state = {"state": read_now(owner, since)["state"]}
    assert findings.new_or_firmer(owner, since, dict(state)) == engine.found
    with CaptureQueriesContext(connection) as queries:
        assert findings.new_or_firmer(owner, since, dict(state)) == engine.found
    assert len(queries) == 0  # the state was given; the seen rows are known for this result
    with CaptureQueriesContext(connection) as queries:
        assert findings.new_or_firmer(owner, dt.date(2026, 3, 21), dict(state)) == []
    assert len(queries) == 1  # another day: its seen rows are read
    engine.found = [finding()]
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):  # a new day: worked out
        assert findings.new_or_firmer(owner, since) == engine.found
        assert findings.new_or_firmer(owner, dt.date(2026, 3, 21)) == []
