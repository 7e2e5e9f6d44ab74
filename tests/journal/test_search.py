"""Full-text search over the journal: ranking, highlighting, filters, odd input, and an
index that follows every create, edit and delete. Runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest

from tending.core.tags import tags_for
from tending.journal.models import Entry
from tending.journal.search import highlight, search_entries, search_terms
from tending.journal.services import delete_entry, save_entry
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def write(owner, body, title="", written_on=date(2026, 3, 14), people=(), tags=()):
    return save_entry(
        owner, Entry(title=title, body=body, written_on=written_on), people, list(tags)
    )


def found(owner, words, **filters):
    return [hit.entry.pk for hit in search_entries(owner, words, **filters)]


def test_terms_are_plain_words_and_quoted_phrases():
    assert search_terms('walk "sea air" -rain') == [("walk",), ("sea", "air"), ("rain",)]
    assert search_terms('"unbalanced quote') == [("unbalanced",), ("quote",)]
    assert search_terms("AND OR NOT NEAR * ^ : - ( ) \" ' \\") == [
        ("AND",),
        ("OR",),
        ("NOT",),
        ("NEAR",),
    ]
    assert search_terms("title:walk^2 foo_bar") == [
        ("title",),
        ("walk",),
        ("2",),
        ("foo",),
        ("bar",),
    ]
    assert search_terms("") == [] and search_terms("   ***   ") == []


def test_finds_ranks_and_highlights(owner):
    # The same body in both: only the title tells them apart, and a title weighs more.
    # Written first, so with equal weights the newer one would come first.
    in_title = write(owner, "We went for a walk by the harbour.", title="The walk")
    body_only = write(owner, "We went for a walk by the harbour.", title="Sunday")
    write(owner, "Nothing about that here.")
    hits = search_entries(owner, "walk")
    assert [h.entry.pk for h in hits] == [in_title.pk, body_only.pk]
    assert hits[0].rank > hits[1].rank
    assert str(hits[0].title_html) == "The <mark>walk</mark>"
    assert "<mark>walk</mark> by the harbour" in hits[1].snippet_html


def test_every_word_is_needed_and_phrases_keep_order(owner):
    both = write(owner, "Sea air and a long walk.")
    write(owner, "Only the sea today.")
    assert found(owner, "walk sea") == [both.pk]
    assert found(owner, '"air sea"') == []
    assert found(owner, '"sea air"') == [both.pk]


def test_highlighting_escapes_the_text_first(owner):
    write(owner, "<script>alert('walk')</script> & a walk <b>bold</b>", title="<i>walk</i>")
    hit = search_entries(owner, "walk")[0]
    assert "<script" not in hit.snippet_html and "<b>" not in hit.snippet_html
    # Snippets are plain text (item 21): tags are left out, what remains is escaped.
    assert "&lt;script&gt;" not in hit.snippet_html and "&amp;" in hit.snippet_html
    # A script's insides never show as words, as on the entry's own page.
    assert "alert" not in hit.snippet_html and "a <mark>walk</mark> bold" in hit.snippet_html
    assert str(hit.title_html) == "&lt;i&gt;<mark>walk</mark>&lt;/i&gt;"
    assert str(highlight("a<b", [("b",)])) == "a&lt;<mark>b</mark>"


ODD_INPUT = [
    '"',
    '"walk',
    'walk"',
    '""walk""',
    "walk AND",
    "OR walk",
    "NOT walk",
    "walk NOT",
    "NEAR(walk harbour)",
    "walk*",
    "*",
    "^walk",
    "body:walk",
    "-walk",
    "walk -",
    "walk'",
    "walk\\",
    "walk%",
    "walk; DROP TABLE journal_entry; --",
    "(walk",
    "walk)",
    "{walk}",
    "walk & | !",
    "walk <->",
    ":*",
    "walk\x00",
]


@pytest.mark.parametrize("words", ODD_INPUT)
def test_odd_input_never_breaks_the_query(owner, words):
    body = "A walk by the harbour and not near, or there."
    entry = write(owner, body)
    hits = found(owner, words)
    # Found exactly when every plain word typed is in the entry; the symbols are ignored.
    wanted = [w.lower() for term in search_terms(words) for w in term]
    in_body = {w.strip(",.").lower() for w in body.split()}
    expected = bool(wanted) and all(w in in_body for w in wanted)
    assert hits == ([entry.pk] if expected else [])
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_most_odd_input_still_finds_the_words(owner):
    entry = write(owner, "A walk by the harbour.")
    for words in ('"walk', "walk*", "^walk", "-walk", "(walk", "{walk}", "walk\\", "walk%"):
        assert found(owner, words) == [entry.pk], words


def test_operator_words_are_just_words(owner):
    plain = write(owner, "Bread and butter or jam, not honey.")
    assert found(owner, "and or not") == [plain.pk]
    assert found(owner, "NEAR") == []


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("A long talk with Zoë about moving.", "Zoë"),
        ("A long talk with Zoë about moving.", "zoë"),
        ("We remembered 東京 in the spring.", "東京"),
        ("Она сказала привет и улыбнулась.", "привет"),
        ("Она сказала привет и улыбнулась.", "ПРИВЕТ"),
        ("مرحبا يا صديقي", "مرحبا"),
    ],
)
def test_non_latin_text(owner, body, words):
    entry = write(owner, body)
    hits = search_entries(owner, words)
    assert [h.entry.pk for h in hits] == [entry.pk]
    assert "<mark>" in hits[0].snippet_html


def test_filters_by_tag_person_and_dates(owner):
    sam = PersonFactory(owner=owner, name="Sam")
    march = write(owner, "Rain walk.", written_on=date(2026, 3, 1), people=[sam])
    april = write(owner, "Rain walk.", written_on=date(2026, 4, 10), tags=["outside"])
    may = write(owner, "Rain walk.", written_on=date(2026, 5, 20))
    tag = tags_for(owner, ["outside"])[0]
    assert set(found(owner, "rain")) == {march.pk, april.pk, may.pk}
    assert found(owner, "rain", tag=tag) == [april.pk]
    assert found(owner, "rain", person=sam) == [march.pk]
    assert found(owner, "rain", since=date(2026, 4, 10)) == [may.pk, april.pk]
    assert found(owner, "rain", until=date(2026, 4, 10)) == [april.pk, march.pk]
    assert found(owner, "rain", since=date(2026, 4, 1), until=date(2026, 4, 30)) == [april.pk]


def test_the_index_follows_creates_edits_and_deletes(owner):
    entry = write(owner, "The lighthouse was lovely.", title="Coast")
    assert found(owner, "lighthouse") == [entry.pk]

    entry.body = "The pier was lovely."
    entry.title = "Harbour"
    save_entry(owner, entry)
    assert found(owner, "lighthouse") == [] and found(owner, "coast") == []
    assert found(owner, "pier") == [entry.pk] and found(owner, "harbour") == [entry.pk]

    Entry.objects.filter(pk=entry.pk).update(body="Changed in bulk: dunes.")
    assert found(owner, "dunes") == [entry.pk] and found(owner, "pier") == []

    delete_entry(entry)
    assert found(owner, "pier") == [] and found(owner, "harbour") == []


def test_the_index_follows_an_account_being_deleted(owner, other):
    mine = write(owner, "Shared word: meadow.")
    theirs = write(other, "Shared word: meadow.")
    other.delete()
    assert found(owner, "meadow") == [mine.pk]
    assert not Entry.objects.filter(pk=theirs.pk).exists()


def test_only_ones_own_entries_are_found(owner, other):
    mine = write(owner, "Meadow walk.")
    write(other, "Meadow walk.")
    assert found(owner, "meadow") == [mine.pk]
    assert len(found(other, "meadow")) == 1 and found(other, "meadow") != [mine.pk]


def test_nothing_to_look_for_finds_nothing(owner):
    write(owner, "Anything.")
    assert search_entries(owner, "") == [] and search_entries(owner, '" * -') == []


def test_filters_alone_list_the_entries_that_pass(owner):
    sam = PersonFactory(owner=owner, name="Sam")
    older = write(owner, "With <Sam>.", written_on=date(2026, 3, 1), people=[sam])
    newer = write(owner, "Also Sam.", written_on=date(2026, 3, 9), people=[sam])
    write(owner, "Alone.")
    hits = search_entries(owner, "  ", person=sam)
    assert [h.entry.pk for h in hits] == [newer.pk, older.pk]
    # The snippet shows what the entry's page shows: the tag-like <Sam> is left out there.
    assert str(hits[1].snippet_html) == "With ." and "<mark>" not in hits[0].snippet_html
