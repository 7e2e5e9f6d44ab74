"""`tending journal search` without Django prints what the Django path prints, or steps aside."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tending.journal.direct import search_directly
from tending.journal.models import Entry
from tending.journal.services import save_entry
from tests.direct_paths import assert_same, django_path, quick_path
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
WORDS = ["walk", "walking", "walked", "river", "rivers", "café", "Cafe", "sea", "air", "NEAR"]
MARKS = ["**", "_", "<b>", "</b>", "&amp;", "&", "<", "# ", "\n\n", "- ", "[x](y) ", '"', "'"]
body_piece = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.text(max_size=4)
bodies = st.lists(body_piece, min_size=1, max_size=25).map(" ".join).filter(str.strip)
titles = st.one_of(st.just(""), st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join))
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 12, 1))
searched = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(['"sea air"', '"walk', "walk -river", "OR", "*", "ca", "^sea"]),
    st.text(min_size=1, max_size=6).filter(lambda w: not w.startswith("-")),
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(st.tuples(titles, bodies, days), max_size=6),
    others=st.lists(st.tuples(titles, bodies, days), max_size=2),
    words=st.lists(searched, min_size=1, max_size=3),
    user=st.sampled_from([None, "sam", " sam", "nobody"]),
)
def test_the_quick_search_prints_the_same(entries, others, words, user):
    argv = ["journal", "search", *words] + ([] if user is None else [f"--user={user}"])
    with transaction.atomic():
        sam = UserFactory(username="sam")
        for title, body, day in entries:
            save_entry(sam, Entry(title=title, body=body, written_on=day))
        if others:  # someone else's entries are never found; and --user is then needed
            robin = UserFactory(username="robin")
            for title, body, day in others:
                save_entry(robin, Entry(title=title, body=body, written_on=day))
        django = django_path(argv, NOW)
        quick = quick_path(argv, search_directly)
        transaction.set_rollback(True)
    event("printed" if quick.code == 0 else "refused, left to the Django path")
    assert_same(django, quick)


def test_at_most_a_hundred_best_first(owner):
    for day in range(1, 106):
        body = "walk " * (day % 7 + 1) + "by the river"
        save_entry(
            owner,
            Entry(
                title="walk" if day % 10 == 0 else "",
                body=body,
                written_on=date(2025, day % 12 + 1, day % 28 + 1),
            ),
        )
    django = django_path(["journal", "search", "walk"], NOW)
    quick = quick_path(["journal", "search", "walk"], search_directly)
    assert quick.out.endswith("\n100 entries.\n")
    assert_same(django, quick)


@pytest.mark.parametrize(
    "argv",
    [
        ["journal", "search", "walk", "--user=nobody"],
        ["journal", "search", "walk " * 101],
    ],
)
def test_every_refusal_is_left_to_the_django_path(owner, argv):
    save_entry(owner, Entry(body="a walk", written_on=date(2026, 3, 1)))
    django = django_path(argv, NOW)
    quick = quick_path(argv, search_directly)
    assert quick.code == -1 and django.code == 1 and django.err.startswith("tending: ")


def test_nothing_found_and_no_words_are_said_the_same(owner):
    save_entry(owner, Entry(body="a walk", written_on=date(2026, 3, 1)))
    for words in (["sea"], ["***"]):
        django = django_path(["journal", "search", *words], NOW)
        quick = quick_path(["journal", "search", *words], search_directly)
        assert quick.out == "Nothing in your journal matches that.\n"
        assert_same(django, quick)
