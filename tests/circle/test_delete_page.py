"""The delete page says what goes with someone: exactly, up to a point; "more than" beyond it.

It must never say less will be deleted than will be: past EXACT_UP_TO moments had only with
them, it says "more than" that number, and the delete itself still takes every one of them.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tending.circle.models import Person
from tending.circle.queries import EXACT_UP_TO, what_goes_with
from tending.moments.models import Moment
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def moments_with(owner, people: list[Person], how_many: int) -> list[int]:
    """`how_many` moments of `owner`'s, each with exactly `people` in it, made in bulk."""
    made = Moment.objects.bulk_create([Moment(owner=owner) for _ in range(how_many)])
    links = Moment.people.through
    links.objects.bulk_create([links(moment_id=m.pk, person_id=p.pk) for m in made for p in people])
    return [m.pk for m in made]


def said(page: str) -> str:
    """The page's words about what goes, on one line."""
    text = page[page.index("<h1>") : page.index('<form method="post" class="actions">')]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def delete_page(client, person: Person) -> str:
    return said(client.get(reverse("circle:person_delete", args=[person.pk])).content.decode())


def test_up_to_the_limit_both_numbers_are_exact(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    moments_with(owner, [sam], EXACT_UP_TO)
    moments_with(owner, [sam, alex], 3)
    ClosenessRatingFactory(person=sam)
    words = delete_page(owner_client, sam)
    assert f"{EXACT_UP_TO} moments you had only with them," in words
    assert "more than" not in words
    assert "3 moments shared with other people will stay, without Sam ." in words
    assert "1 closeness rating." in words
    goes = what_goes_with(sam)
    assert (goes.moments, goes.only_with_them, goes.shared_with_others, goes.only_known) == (
        EXACT_UP_TO + 3,
        EXACT_UP_TO,
        3,
        True,
    )


def test_past_the_limit_it_says_more_than_and_never_a_smaller_number(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    alone = moments_with(owner, [sam], EXACT_UP_TO + 40)
    shared = moments_with(owner, [sam, alex], 7)
    words = delete_page(owner_client, sam)
    total = EXACT_UP_TO + 47
    assert (
        f"more than {EXACT_UP_TO} moments you had only with them "
        f"(of the {total} moments they are in)," in words
    )
    # The number of moments that stay is not known exactly, so none is given.
    assert "Any of their moments shared with other people will stay, without Sam ." in words
    assert " 7 moments" not in words and f"{EXACT_UP_TO + 40}" not in words
    assert "0 closeness ratings." in words
    goes = what_goes_with(sam)
    assert not goes.only_known and goes.shared_with_others is None
    assert goes.only_counted == EXACT_UP_TO + 1  # the count stopped just past the limit
    # The delete itself is unchanged: every moment had only with them goes, shared ones stay.
    owner_client.post(reverse("circle:person_delete", args=[sam.pk]))
    assert not Moment.objects.filter(pk__in=alone).exists()
    assert Moment.objects.filter(pk__in=shared).count() == 7
    assert set(Moment.people.through.objects.values_list("person_id", flat=True)) == {alex.pk}


def test_one_past_the_limit_is_already_more_than(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    moments_with(owner, [sam], EXACT_UP_TO + 1)
    words = delete_page(owner_client, sam)
    assert f"more than {EXACT_UP_TO} moments you had only with them" in words
    assert f"of the {EXACT_UP_TO + 1} moments they are in" in words


def test_someone_with_no_moments_and_one_shared_moment(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    words = delete_page(owner_client, sam)
    assert "0 moments you had only with them," in words and "will stay" not in words
    MomentFactory(owner=owner, people=[sam, alex])
    MomentFactory(owner=owner, people=[sam])
    words = delete_page(owner_client, sam)
    assert "1 moment you had only with them," in words
    assert "1 moment shared with other people will stay" in words


def test_other_peoples_moments_and_ratings_are_not_counted(owner, owner_client):
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    moments_with(owner, [alex], 5)
    ClosenessRatingFactory(person=alex)
    goes = what_goes_with(sam)
    assert (goes.moments, goes.only_with_them, goes.shared_with_others, goes.ratings) == (
        0,
        0,
        0,
        0,
    )


def test_past_every_limit_both_numbers_say_more_than(owner, owner_client):
    from tending.circle.queries import ALL_UP_TO

    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    moments_with(owner, [sam], ALL_UP_TO - 3)
    moments_with(owner, [sam, alex], 5)
    words = delete_page(owner_client, sam)
    assert (
        f"more than {EXACT_UP_TO} moments you had only with them "
        f"(of the more than {ALL_UP_TO} moments they are in)," in words
    )
    goes = what_goes_with(sam)
    assert goes.moments == ALL_UP_TO + 1 and not goes.all_known
    assert goes.shared_with_others is None


def test_every_moment_counted_exactly_up_to_the_limit(owner, owner_client):
    from tending.circle.queries import ALL_UP_TO

    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    moments_with(owner, [sam, alex], ALL_UP_TO - 1)
    moments_with(owner, [sam], 1)
    words = delete_page(owner_client, sam)
    assert "1 moment you had only with them," in words
    assert f"{ALL_UP_TO - 1} moments shared with other people will stay" in words
    goes = what_goes_with(sam)
    assert goes.all_known and goes.all_said == ALL_UP_TO


def test_few_only_with_them_among_very_many_says_the_rest_stay(owner, owner_client):
    from tending.circle.queries import ALL_UP_TO

    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    moments_with(owner, [sam, alex], ALL_UP_TO + 5)
    moments_with(owner, [sam], 2)
    words = delete_page(owner_client, sam)
    assert "2 moments you had only with them," in words
    assert "Any of their moments shared with other people will stay, without Sam ." in words
