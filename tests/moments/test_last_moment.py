"""Each person's stored last moment always equals the latest of their moments, after any change."""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from tending.circle.models import Person
from tending.demo import fill_demo
from tending.moments.models import Moment
from tending.moments.services import log_moment
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def assert_consistent(owner) -> None:
    people = Person.objects.filter(owner=owner).annotate(computed=Max("moments__occurred_at"))
    wrong = {
        p.name: (p.last_moment_at, p.computed) for p in people if p.last_moment_at != p.computed
    }
    assert not wrong, f"stored vs computed: {wrong}"


def at(days_ago: int) -> datetime.datetime:
    return (timezone.now() - timedelta(days=days_ago)).replace(microsecond=0)


def form(people, when: datetime.datetime) -> dict:
    local = timezone.localtime(when)
    return {"people": [p.pk for p in people], "occurred_at": local.strftime("%Y-%m-%dT%H:%M")}


def test_logging_edits_and_deleting_keep_it_right(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    assert sam.last_moment_at is None
    old = log_moment(owner, [sam], occurred_at=at(10))
    recent = log_moment(owner, [sam, alex], occurred_at=at(2))
    assert_consistent(owner)
    sam.refresh_from_db()
    assert sam.last_moment_at == recent.occurred_at

    # The recent one turns out to be older; then Alex is taken out of it.
    edit = reverse("moments:edit", args=[recent.pk])
    assert owner_client.post(edit, form([sam, alex], at(20))).status_code == 302
    assert_consistent(owner)
    sam.refresh_from_db()
    assert sam.last_moment_at == old.occurred_at
    assert owner_client.post(edit, form([sam], at(20))).status_code == 302
    assert_consistent(owner)
    alex.refresh_from_db()
    assert alex.last_moment_at is None

    assert owner_client.post(reverse("moments:delete", args=[old.pk])).status_code == 302
    assert_consistent(owner)
    assert owner_client.post(reverse("moments:delete", args=[recent.pk])).status_code == 302
    sam.refresh_from_db()
    assert sam.last_moment_at is None


def test_quick_log_and_both_sides_of_the_link(owner, owner_client):
    sam, kim = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kim")
    assert owner_client.post(reverse("moments:quick"), {"people": [sam.pk]}).status_code == 302
    assert_consistent(owner)
    moment = MomentFactory(owner=owner, occurred_at=at(1))
    kim.moments.add(moment)  # from the person's side
    assert_consistent(owner)
    moment.people.add(sam)
    moment.people.clear()
    assert_consistent(owner)
    sam.moments.remove(*sam.moments.all())
    assert_consistent(owner)


def test_deleting_a_person_leaves_the_others_right(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    log_moment(owner, [sam], occurred_at=at(1))
    shared = log_moment(owner, [sam, alex], occurred_at=at(3))
    response = owner_client.post(reverse("circle:person_delete", args=[sam.pk]))
    assert response.status_code == 302
    assert_consistent(owner)
    alex.refresh_from_db()
    assert alex.last_moment_at == shared.occurred_at


def test_demo_data_is_right_from_the_start(owner):
    fill_demo(owner, years=1, seed=4, today=datetime.date(2026, 6, 1))
    assert_consistent(owner)
    assert Moment.objects.filter(owner=owner).count() > 1000


def test_saving_a_person_read_earlier_keeps_a_moment_logged_meanwhile(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    stale = Person.objects.get(pk=sam.pk)  # as the edit form read them, before the moment
    logged = log_moment(owner, [sam], occurred_at=at(1))
    stale.notes = "Ask about the move."
    stale.save()
    sam.refresh_from_db()
    assert sam.notes == "Ask about the move." and sam.last_moment_at == logged.occurred_at
