"""The ownership helpers themselves: anonymous visitors, row ids at their limits, the 404."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from tending.circle.models import Person
from tending.core.ownership import MAX_ROW_ID, get_owned_or_404, is_row_id, one_or_404, owned
from tests.factories import PersonFactory


@pytest.mark.parametrize(
    "value",
    ["1", " 42 ", str(MAX_ROW_ID), "1" + "0" * 18, 7],
)
def test_item_14_row_ids_up_to_the_64_bit_limit_are_row_ids(value):
    assert is_row_id(value)


@pytest.mark.parametrize(
    "value",
    [
        str(MAX_ROW_ID + 1),  # 19 digits, one past the largest 64-bit integer
        "9" * 19,
        "0" * 19 + "1",  # 20 characters is refused before int() is ever asked
        "",
        "abc",
        "12a",
        "²",  # a digit to Python, not a number
        "-1",
        "1.5",
    ],
)
def test_item_14_anything_else_is_not_a_row_id(value):
    assert not is_row_id(value)


def test_item_14_the_limit_is_the_largest_64_bit_integer():
    assert MAX_ROW_ID == 9_223_372_036_854_775_807


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", [AnonymousUser(), None])
def test_item_14_an_anonymous_visitor_owns_nothing_and_asks_the_database_nothing(
    visitor, django_assert_num_queries
):
    PersonFactory()
    with django_assert_num_queries(0):
        assert list(owned(Person, visitor)) == []
    with pytest.raises(Http404), django_assert_num_queries(0):
        get_owned_or_404(Person, visitor, pk=1)


@pytest.mark.django_db
def test_item_14_the_owner_gets_their_row_and_another_account_a_404(owner, other):
    mine = PersonFactory(owner=owner)
    PersonFactory(owner=other)
    assert list(owned(Person, owner)) == [mine]
    assert get_owned_or_404(Person, owner, pk=mine.pk) == mine
    with pytest.raises(Http404):
        get_owned_or_404(Person, other, pk=mine.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("pk", ["abc", 2**70, None])
def test_item_14_a_row_id_no_database_could_hold_is_a_404_not_an_error(owner, pk):
    PersonFactory(owner=owner)
    with pytest.raises(Http404):
        one_or_404(owned(Person, owner), pk=pk)
