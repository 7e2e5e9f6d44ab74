"""Reads of moments: the cheap count by person gives the same number as counting moments."""

from __future__ import annotations

import datetime

import pytest

from tending.moments.models import Moment
from tending.moments.queries import count_moments, filtered_moments
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_counting_by_person_matches_counting_moments(owner, other):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    MomentFactory(owner=owner, people=[sam])
    MomentFactory(owner=owner, people=[sam, alex])
    MomentFactory(owner=owner, people=[alex])
    MomentFactory(owner=other, people=[PersonFactory(owner=other)])
    for person in (sam, alex):
        moments = filtered_moments(owner, person=person)
        assert count_moments(moments, person=person) == moments.count() == 2
    # With any other filter the moments themselves are counted.
    since = datetime.date.today() + datetime.timedelta(days=1)
    later = filtered_moments(owner, person=sam, since=since)
    assert count_moments(later, person=sam, tag=None, since=since, until=None) == 0
    assert count_moments(filtered_moments(owner)) == Moment.objects.filter(owner=owner).count()
