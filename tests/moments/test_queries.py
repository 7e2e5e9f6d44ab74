"""Reads of the list of moments: the SQL written out finds and counts what the ORM would."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.utils import timezone

from tending.core.models import Tag
from tending.moments.listing import Narrowing, filter_choices
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db
ONE_HOUR = datetime.timedelta(hours=1)


def orm(owner, person=None, tag=None, since=None, until=None):
    """The same narrowing through the ORM, as the list did before."""
    moments = Moment.objects.filter(owner=owner)
    if person is not None:
        moments = moments.filter(people=person)
    if tag is not None:
        moments = moments.filter(tags=tag)
    start = timezone.make_aware(datetime.datetime(2026, 3, 10))
    if since is not None:
        moments = moments.filter(occurred_at__gte=start)
    if until is not None:
        moments = moments.filter(occurred_at__lt=start + datetime.timedelta(days=1))
    return list(moments.values_list("id", flat=True))


def test_the_list_finds_and_counts_what_the_orm_finds(owner, other):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    walk = Tag.objects.create(owner=owner, name="walk")
    start = timezone.make_aware(datetime.datetime(2026, 3, 9, 22))
    for hours, people, tagged in [(0, [sam], True), (3, [sam, alex], False), (30, [alex], True)]:
        moment = MomentFactory(owner=owner, people=people, occurred_at=start + hours * ONE_HOUR)
        if tagged:
            moment.tags.add(walk)
    MomentFactory(owner=other, people=[PersonFactory(owner=other)], occurred_at=start)
    day = datetime.date(2026, 3, 10)
    choices = itertools.product([None, sam.pk], [None, walk.pk], [None, day], [None, day])
    for person, tag, since, until in choices:
        narrowing = Narrowing.of(owner, person=person, tag=tag, since=since, until=until)
        expected = orm(owner, person, tag, since, until)
        assert [row[0] for row in narrowing.rows(0, 10)] == expected
        assert narrowing.count(None) == len(expected)
        assert narrowing.count(1) == min(len(expected), 2)  # counting stops past the cap


def test_filters_offer_the_owners_people_archived_last_and_tags_in_use(owner, other):
    PersonFactory(owner=owner, name="Zoe")
    PersonFactory(owner=owner, name="Al & Co", is_archived=True)
    ben = PersonFactory(owner=owner, name="Ben")
    PersonFactory(owner=other, name="Theirs")
    MomentFactory(owner=owner, people=[ben]).tags.create(owner=owner, name="it's")
    Tag.objects.create(owner=owner, name="unused")
    people, tags = filter_choices(owner)
    assert [name for _, name in people] == ["Ben", "Zoe", "Al &amp; Co"]
    assert [name for _, name in tags] == ["it&#x27;s"]
