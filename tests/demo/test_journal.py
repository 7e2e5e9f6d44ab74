"""Demo journal: entries dated within the period, linked as the app links them, and searchable."""

from __future__ import annotations

import datetime
import re
import statistics
from collections import Counter

import pytest

from tending.circle.models import Person
from tending.demo import fill_demo
from tending.journal.mentions import mentioned_people
from tending.journal.models import Entry, HiddenPrompt, JournalDraft
from tending.journal.prompts import get_prompt
from tending.journal.rendering import render_markdown
from tending.journal.search import search_entries
from tests.demo.common import TODAY, make_user

pytestmark = pytest.mark.django_db
DAYS = 2 * 365


def entries(user) -> list[Entry]:
    return list(Entry.objects.filter(owner=user).prefetch_related("people", "tags"))


def test_about_one_entry_every_day_or_two_within_the_period(filled):
    user, summary = filled
    written = sorted(entry.written_on for entry in entries(user))
    assert len(written) == summary.journal_entries
    assert DAYS / 2.2 <= len(written) <= DAYS * 0.9
    assert TODAY - datetime.timedelta(days=DAYS) <= written[0] and written[-1] < TODAY
    assert (written[-1] - written[0]).days > 600
    gaps = [(b - a).days for a, b in zip(written, written[1:], strict=False)]
    assert max(gaps) >= 4  # some quiet spells


def test_entries_vary_in_length_shape_title_and_tags(filled):
    user, _ = filled
    found = entries(user)
    lengths = [len(entry.body) for entry in found]
    assert min(lengths) < 150 and max(lengths) > 1500
    assert 200 <= statistics.median(lengths) <= 800
    bodies = [entry.body for entry in found]
    assert any("\n\n" in body for body in bodies) and any("\n\n" not in body for body in bodies)
    assert sum(bool(re.search(r"^- ", body, re.MULTILINE)) for body in bodies) >= 10  # lists
    assert sum("**" in body or "*" in body for body in bodies) >= 10  # emphasis
    titled = sum(bool(entry.title) for entry in found)
    assert 0.2 * len(found) <= titled <= 0.6 * len(found)
    tagged = [entry for entry in found if entry.tags.all()]
    assert 0.3 * len(found) <= len(tagged) < len(found)
    assert all(tag.owner_id == user.pk for entry in tagged for tag in entry.tags.all())
    # Lists and emphasis really are Markdown: they render as such.
    listed = next(body for body in bodies if re.search(r"^- ", body, re.MULTILINE))
    assert "<li>" in render_markdown(listed)
    for entry in found[:200]:
        entry.full_clean()


def test_the_circle_shows_up_in_the_journal(filled):
    user, _ = filled
    found = entries(user)
    with_people = [entry for entry in found if entry.people.all()]
    assert 0.3 * len(found) <= len(with_people)
    names = Counter(p.name for entry in with_people for p in entry.people.all())
    partner = Person.objects.get(owner=user, kind="partner")
    assert names.most_common(1)[0][0] == partner.name  # the partner is written about most


def test_an_at_mention_links_that_person_as_the_app_would(filled):
    user, _ = filled
    active = list(Person.objects.filter(owner=user, is_archived=False))
    mentioned = 0
    for entry in entries(user):
        people = mentioned_people(f"{entry.title}\n{entry.body}", active)
        assert set(people) <= set(entry.people.all()), entry.body
        mentioned += bool(people)
    assert mentioned >= 50


def test_prompts_answered_are_real_and_never_hidden_ones(filled):
    user, _ = filled
    answered = [entry.prompt_id for entry in entries(user) if entry.prompt_id]
    assert len(answered) >= 0.08 * DAYS / 2
    assert all(get_prompt(prompt_id) is not None for prompt_id in answered)
    assert len(set(answered)) >= 20  # not the same prompt over and over
    hidden = set(HiddenPrompt.objects.filter(owner=user).values_list("prompt_id", flat=True))
    assert hidden and all(get_prompt(prompt_id) for prompt_id in hidden)
    assert not hidden & set(answered)


def test_search_finds_a_word_from_a_demo_entry(filled):
    user, _ = filled
    entry = Entry.objects.filter(owner=user, body__contains="cardamom").order_by("id").first()
    assert entry is not None
    day = entry.written_on
    hits = search_entries(user, "cardamom", since=day, until=day)
    assert entry.pk in [hit.entry.pk for hit in hits]
    everywhere = search_entries(user, "cardamom buns")
    bodies = Entry.objects.filter(pk__in=[hit.entry.pk for hit in everywhere])
    assert everywhere and all("cardamom" in body for body in bodies.values_list("body", flat=True))
    # Every entry is in the index, the last one written too: found by its own longest word.
    last = Entry.objects.filter(owner=user).order_by("-written_on", "-id").first()
    word = max(re.findall(r"[A-Za-z]+", last.body), key=len)
    hits = search_entries(user, word, since=last.written_on, until=last.written_on)
    assert last.pk in [hit.entry.pk for hit in hits]


def test_journal_people_are_only_ever_the_owners_own():
    first, second = make_user("first"), make_user("second", "America/New_York")
    fill_demo(first, years=1, seed=1, today=TODAY)
    fill_demo(second, years=1, seed=1, today=TODAY)
    for user in (first, second):
        links = Entry.people.through.objects.filter(entry__owner=user)
        assert links.exists() and not links.exclude(person__owner=user).exists()
        tags = Entry.tags.through.objects.filter(entry__owner=user)
        assert tags.exists() and not tags.exclude(tag__owner=user).exists()


def test_a_new_entry_is_being_written(filled):
    user, _ = filled
    draft = JournalDraft.objects.get(owner=user)
    assert draft.entry is None and draft.body.strip()
