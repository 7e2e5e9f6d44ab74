"""Tags kept before names were folded: the migration folds them, merging look-alikes."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from tending.core.models import Tag
from tests.factories import JournalEntryFactory, MomentFactory, UserFactory

pytestmark = pytest.mark.django_db

fold_tag_names = importlib.import_module(
    "tending.core.migrations.0004_fold_tag_names"
).fold_tag_names


def names(owner) -> list[str]:
    return sorted(Tag.objects.filter(owner=owner).values_list("name", flat=True))


def test_look_alike_tags_become_one_and_keep_every_link():
    owner, other = UserFactory(), UserFactory()
    walk = Tag.objects.create(owner=owner, name="walk")
    wide = Tag.objects.create(owner=owner, name="\uff37alk")  # as typed before: full-width W
    spaced = Tag.objects.create(owner=owner, name=" run")  # "# run", kept with its space
    Tag.objects.create(owner=owner, name="\ufdfa" * 3)  # folds to far over 40 letters
    theirs = Tag.objects.create(owner=other, name="\uff37alk")
    both, only_wide = MomentFactory(owner=owner), MomentFactory(owner=owner)
    both.tags.set([walk, wide])
    only_wide.tags.set([wide, spaced])
    entry = JournalEntryFactory(owner=owner)
    entry.tags.set([wide])
    their_moment = MomentFactory(owner=other)
    their_moment.tags.set([theirs])

    fold_tag_names(apps, None)

    assert names(owner) == sorted(["walk", "run", "\ufdfa" * 3])
    assert not Tag.objects.filter(pk=wide.pk).exists()
    assert [t.name for t in both.tags.all()] == ["walk"]  # carried twice: once now
    assert sorted(t.name for t in only_wide.tags.all()) == ["run", "walk"]
    assert [t.name for t in entry.tags.all()] == ["walk"]
    # Another person's look-alike is theirs alone: renamed, not merged into anyone's.
    assert names(other) == ["walk"] and [t.pk for t in their_moment.tags.all()] == [theirs.pk]


def test_names_already_folded_are_left_as_they_are():
    owner = UserFactory()
    Tag.objects.create(owner=owner, name="straße")
    Tag.objects.create(owner=owner, name="long walk")
    fold_tag_names(apps, None)
    assert names(owner) == ["long walk", "straße"]
