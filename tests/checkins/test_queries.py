"""Reads of check-ins: the newest of each instrument, however the times fall."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.queries import latest_by_instrument
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin

pytestmark = pytest.mark.django_db


def take(owner, instrument_id: str, when, value: int = 2) -> CheckIn:
    inst = get_instrument(instrument_id)
    checkin = save_checkin(owner, inst, {item.id: value for item in inst.items})
    CheckIn.objects.filter(pk=checkin.pk).update(taken_at=when)
    checkin.refresh_from_db()
    return checkin


def test_the_newest_of_each_even_at_shared_or_equal_times(owner, other):
    now = timezone.now().replace(microsecond=0)
    take(owner, "connection", now - timedelta(days=9))
    newest_connection = take(owner, "connection", now - timedelta(days=2))
    # Another instrument at the very time of an older connection check, and two at once.
    take(owner, "stress", now - timedelta(days=9))
    first_of_two = take(owner, "stress", now - timedelta(days=1))
    second_of_two = take(owner, "stress", now - timedelta(days=1))
    take(other, "connection", now)  # someone else's newer one changes nothing
    newest = latest_by_instrument(owner)
    assert set(newest) == {"connection", "stress"}
    assert newest["connection"].pk == newest_connection.pk
    assert newest["stress"].pk == second_of_two.pk != first_of_two.pk
    assert latest_by_instrument(other)["connection"].owner_id == other.pk


def test_nobody_has_nothing(owner):
    assert latest_by_instrument(owner) == {}


def test_the_newest_few_of_each_newest_first_in_one_query(owner, other, django_assert_num_queries):
    from tending.checkins.queries import recent_by_instrument

    now = timezone.now().replace(microsecond=0)
    made = [take(owner, "connection", now - timedelta(days=day)) for day in range(5)]
    stress = take(owner, "stress", now - timedelta(days=3))
    take(other, "connection", now)  # someone else's changes nothing
    with django_assert_num_queries(1):
        recent = recent_by_instrument(owner, 3)
    assert set(recent) == {"connection", "stress"}
    assert [c.pk for c in recent["connection"]] == [c.pk for c in made[:3]]
    assert [c.pk for c in recent["stress"]] == [stress.pk]
    assert recent_by_instrument(other, 3)["connection"][0].owner_id == other.pk


def test_around_reads_what_the_orm_reads(owner, other):
    from datetime import timedelta

    from django.forms.models import model_to_dict

    from tending.checkins.models import CheckIn
    from tending.checkins.queries import around, recent

    now = timezone.now().replace(microsecond=0)
    made = [take(owner, "connection", now - timedelta(days=day)) for day in range(6)]
    take(other, "connection", now)
    CheckIn.objects.filter(pk=made[2].pk).update(prorated=True, safety_fired=True)
    found = around(owner, made[2].pk, 3)
    fields = [f.name for f in CheckIn._meta.concrete_fields]

    def same(mine, orm):
        return model_to_dict(mine, fields) == model_to_dict(orm, fields) and mine.pk == orm.pk

    assert same(found.checkin, CheckIn.objects.get(pk=made[2].pk))
    assert same(found.previous, CheckIn.objects.get(pk=made[3].pk))
    assert found.checkin.prorated is True and isinstance(found.checkin.answers, dict)
    assert found.recent == recent(owner, "connection", 3)
    assert around(owner, made[5].pk, 3).previous is None
