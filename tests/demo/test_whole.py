"""Demo data as a whole: one seed, one transaction, every part of the app, ten years of it."""

from __future__ import annotations

import re

import pytest

from tending.checkins.models import CheckIn
from tending.circle.models import ClosenessRating, Person
from tending.core.models import Tag
from tending.demo import DemoSummary, fill_demo, journal
from tending.journal.models import Entry
from tending.mirror.models import Answer, Invitation, Round
from tending.moments.models import Moment
from tending.safety.models import OwnCrisisLine, Part, PlanEntry, PlanHelper
from tests.demo.common import TODAY, make_user
from tests.test_cli import run_cli

pytestmark = pytest.mark.django_db


def fingerprint(user) -> dict[str, list]:
    return {
        "people": list(
            Person.objects.filter(owner=user).order_by("id").values_list("name", "ring")
        ),
        "moments": [
            (m.occurred_at, sorted(p.name for p in m.people.all()), m.self_disclosure)
            for m in Moment.objects.filter(owner=user)
            .order_by("occurred_at", "id")
            .prefetch_related("people")
        ],
        "checkins": list(
            CheckIn.objects.filter(owner=user)
            .order_by("taken_at", "id")
            .values_list("instrument_id", "taken_at", "answers", "total")
        ),
        "entries": [
            (e.written_on, e.title, e.body, e.prompt_id, sorted(p.name for p in e.people.all()))
            for e in Entry.objects.filter(owner=user).order_by("id").prefetch_related("people")
        ],
        "feedback": list(
            Answer.objects.filter(owner=user)
            .order_by("id")
            .values_list("round__created_at", "words", "valued", "invitation__label")
        ),
    }


def test_summary_matches_what_was_stored(filled):
    user, summary = filled
    assert summary.people == Person.objects.filter(owner=user).count()
    assert summary.archived == Person.objects.filter(owner=user, is_archived=True).count()
    assert summary.moments == Moment.objects.filter(owner=user).count()
    assert summary.closeness_ratings == ClosenessRating.objects.filter(owner=user).count()
    assert summary.tags == Tag.objects.filter(owner=user).count() > 0
    assert summary.checkins == CheckIn.objects.filter(owner=user).count() > 0
    assert summary.journal_entries == Entry.objects.filter(owner=user).count() > 0
    assert summary.plan_lines == PlanEntry.objects.filter(owner=user).count() > 0
    assert summary.feedback_rounds == Round.objects.filter(owner=user).count() > 0
    assert summary.feedback_answers == Answer.objects.filter(owner=user).count() > 0


def test_feedback_rounds_ask_the_owners_own_people_and_the_newest_has_fifty_answers(filled):
    user, _ = filled
    newest = Round.objects.filter(owner=user).latest("created_at")
    assert newest.anonymous and newest.answers.count() == 50 and newest.closed_at is None
    assert not newest.answers.exclude(invitation=None).exists()  # anonymous: no link kept
    links = Invitation.objects.filter(owner=user).select_related("person", "round")
    assert all(i.round.owner_id == user.pk for i in links)
    assert all(i.person is None or i.person.owner_id == user.pk for i in links)
    assert all(i.uses <= i.uses_allowed for i in links)


def test_same_seed_same_data_different_seed_different_data():
    first, second, third = make_user("a"), make_user("b"), make_user("c")
    fill_demo(first, years=1, seed=5, today=TODAY)
    fill_demo(second, years=1, seed=5, today=TODAY)
    fill_demo(third, years=1, seed=6, today=TODAY)
    assert fingerprint(first) == fingerprint(second)
    for part, stored in fingerprint(first).items():
        assert stored != fingerprint(third)[part], part


def test_a_failure_part_way_leaves_nothing_behind(monkeypatch):
    user = make_user()

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(journal, "save_journal", broken)
    with pytest.raises(RuntimeError):
        fill_demo(user, years=1, seed=1, today=TODAY)
    for model in (Person, Moment, CheckIn, Entry, Tag):
        assert not model.objects.filter(owner=user).exists(), model


def test_a_safety_plan_built_on_safe_people(filled):
    user, _ = filled
    parts = set(PlanEntry.objects.filter(owner=user).values_list("part", flat=True))
    assert parts == set(Part.values)
    services = PlanEntry.objects.filter(owner=user, part=Part.PROFESSIONALS)
    assert all(line.phone for line in services)
    helpers = PlanHelper.objects.filter(owner=user).select_related("person")
    assert helpers and all(h.person.owner_id == user.pk and h.is_available for h in helpers)
    own = OwnCrisisLine.objects.get(owner=user)  # shown first under "Need help now"
    assert own.name and own.number.startswith("+1 555 01")


def test_ten_years_of_everything():
    # Generated for real rather than extrapolated: a few seconds, the size the benchmark uses.
    user = make_user()
    summary = fill_demo(user, years=10, seed=1, today=TODAY)
    assert isinstance(summary, DemoSummary)
    assert 55 <= summary.people <= 70
    assert 20_000 <= summary.moments <= 40_000  # tens of thousands of moments
    assert summary.moments == Moment.objects.filter(owner=user).count()
    pulses = CheckIn.objects.filter(owner=user, instrument_id="daily-pulse").count()
    assert 0.7 * 3650 <= pulses <= 3650
    assert 3650 / 2 <= summary.journal_entries <= 3650  # one every day or two
    assert CheckIn.objects.filter(owner=user, safety_fired=True).count() <= 10


def test_the_command_line_reports_every_part(tmp_path):
    made = run_cli(tmp_path, "demo", "--years", "1", "--seed", "2")
    assert made.returncode == 0, made.stderr
    line = made.stdout.splitlines()[0]
    for part in ("people", "moments", "closeness ratings", "check-ins", "journal entries"):
        assert re.search(rf"\d+ {part}", line), line
