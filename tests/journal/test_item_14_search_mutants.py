"""Item 14: journal search pinned where a careless edit would go unnoticed.

The excerpt moving to the match, case-insensitive highlighting of every word, newest first
for a search by filters alone, and every size limit, each to the character. Runs on SQLite
and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import date

import pytest

from tending.core.tags import tags_for
from tending.journal import search
from tending.journal.forms import SearchForm
from tending.journal.models import Entry
from tending.journal.search import (
    find_entries,
    highlight,
    search_entries,
    search_terms,
    snippet,
    word_form_stem,
)
from tending.journal.services import save_entry

pytestmark = pytest.mark.django_db

RIVER = [("river",)]


def write(owner, body, title="", written_on=date(2026, 3, 14), tags=()):
    return save_entry(owner, Entry(title=title, body=body, written_on=written_on), [], list(tags))


def test_item_14_the_limits_have_the_sizes_the_documentation_gives():
    assert search.MAX_SEARCH_LENGTH == 500
    assert (search.MAX_TERMS, search.MAX_TERM_LENGTH, search.MAX_RESULTS) == (20, 60, 100)
    assert (search.SNIPPET_BEFORE, search.SNIPPET_LENGTH, search.SNIPPET_WINDOW) == (60, 240, 1000)


def test_item_14_only_the_first_thousand_characters_are_read():
    assert search_terms(" " * 998 + "xy") == [("xy",)]
    assert search_terms(" " * 999 + "xy") == [("x",)]


def test_item_14_a_word_is_cut_at_sixty_characters():
    assert search_terms("w" * 61) == [("w" * 60,)]
    assert search_terms("w" * 60) == [("w" * 60,)]


def test_item_14_at_most_twenty_terms_each_once():
    words = [f"word{n}" for n in range(21)]
    assert search_terms(" ".join(words)) == [(w,) for w in words[:20]]
    assert search_terms("walk walk WALK") == [("walk",), ("WALK",)]
    assert search_terms('"sea" "sea air" "sea air"') == [("sea",), ("sea", "air")]
    # Words outside the quotes stay single words, however many come before a phrase.
    assert search_terms('walk slow "sea air"') == [("walk",), ("slow",), ("sea", "air")]


def test_item_14_word_forms_lose_their_ending_but_keep_three_letters():
    assert word_form_stem("Rivers") == "river"
    assert word_form_stem("bees") == "bee"
    assert word_form_stem("walkingly") == "walk"
    assert word_form_stem("sea") == "sea"
    assert word_form_stem("cries") == "cri"


def test_item_14_highlighting_ignores_case_and_marks_every_word():
    assert str(highlight("Walk, WALK, walk.", [("walk",)])) == (
        "<mark>Walk</mark>, <mark>WALK</mark>, <mark>walk</mark>."
    )
    assert str(highlight("sea air and seaside", [("sea", "air"), ("seaside",)])) == (
        "<mark>sea</mark> <mark>air</mark> and <mark>seaside</mark>"
    )
    assert str(highlight("walked, Walking", [("walks",)], forms=True)) == (
        "<mark>walked</mark>, <mark>Walking</mark>"
    )
    # Titles mark only the words themselves; other forms are marked only when asked for.
    assert str(highlight("walking walk", [("walk",)])) == "walking <mark>walk</mark>"
    assert str(snippet("walking walk", [("walk",)])) == "walking <mark>walk</mark>"
    assert str(highlight("a < b", [])) == "a &lt; b"
    assert str(snippet("a < b", [])) == "a &lt; b"


def test_item_14_the_excerpt_moves_to_the_match():
    # 60 characters before the match falls on a space: the excerpt starts just after it.
    body = "fill " * 30 + "abc river " + "fill " * 100
    text = snippet(body, RIVER)
    assert str(text) == (
        "… " + "fill " * 11 + "abc <mark>river</mark> " + ("fill " * 100)[:175] + " …"
    )
    # 61 characters before it falls on a space: the excerpt starts at the word after the next.
    body = "fill " * 30 + "abcd river " + "fill " * 100
    assert str(snippet(body, RIVER)) == (
        "… " + "fill " * 10 + "abcd <mark>river</mark> " + ("fill " * 100)[:179] + " …"
    )


def test_item_14_a_match_after_one_long_word_starts_the_excerpt_inside_it():
    body = "y" * 100 + "-river"
    assert str(snippet(body, RIVER)) == "… " + "y" * 59 + "-<mark>river</mark>"


def test_item_14_a_match_near_the_start_keeps_the_start():
    assert str(snippet("One two river three", RIVER)) == "One two <mark>river</mark> three"
    body = "x" * 59 + " river"
    assert str(snippet(body, RIVER)) == "x" * 59 + " <mark>river</mark>"


def test_item_14_the_excerpt_is_two_hundred_and_forty_characters():
    exact = "river " + "f" * 233
    assert len(exact) == 239
    assert str(snippet(exact + "g", RIVER)) == "<mark>river</mark> " + "f" * 233 + "g"
    assert str(snippet(exact + "gh", RIVER)) == "<mark>river</mark> " + "f" * 233 + "g …"


def test_item_14_only_two_thousand_characters_around_the_match_are_made_plain():
    # The comment hides nearly all of the first 2000 characters; what follows them is cut.
    body = "river <!--" + "x" * 1982 + "--> tail more"
    assert body.index("tail") == 1996
    assert str(snippet(body, RIVER)) == "<mark>river</mark> tail …"


def test_item_14_a_late_match_is_made_plain_from_its_own_line():
    # The window starts at the line of the match, so the ** of that line still pairs up.
    body = "fill " * 250 + "\n**" + "word " * 14 + "river** then"
    assert str(snippet(body, RIVER)) == "… " + "word " * 11 + "<mark>river</mark> then"
    # A code block opened before that line, within the thousand characters, is left out.
    body = "fill " * 200 + "```\n" + "fill " * 100 + "\n**" + "word " * 14 + "river** then"
    assert str(snippet(body, RIVER)) == "… " + "word " * 11 + "<mark>river</mark> then"
    # Nothing of the line before comes in: its last ` would pair with the match line's first.
    body = "fill " * 250 + "x`\n" + "word " * 14 + "`code` river"
    assert str(snippet(body, RIVER)) == "… " + "word " * 10 + "code <mark>river</mark>"
    # A match late in one long line: the window starts a thousand characters before it.
    body = "fill " * 300 + "river\ntail tail tail"
    expected = "… " + "fill " * 11 + "<mark>river</mark> tail tail tail"
    assert str(snippet(body, RIVER)) == expected
    # A match at the thousandth character is still made plain from the start, so the code
    # block opened there keeps its stars; one character later the window leaves it out.
    body = "```\n" + "fill " * 199 + "*river*"
    assert body.index("river") == 1000
    assert str(snippet(body, RIVER)).endswith("fill *<mark>river</mark>*")
    assert str(snippet(" " + body, RIVER)).endswith("fill <mark>river</mark>")


def test_item_14_a_body_of_exactly_two_thousand_characters_is_whole():
    body = "river <!--" + "x" * 1984 + "--> ab"
    assert len(body) == 2000
    assert str(snippet(body, RIVER)) == "<mark>river</mark> ab"
    assert str(snippet(body + "c", RIVER)) == "<mark>river</mark> ab …"


def test_item_14_a_cut_window_says_so_at_the_start():
    body = "fill " * 220 + "\n" + "fill " * 40 + "river"
    text = str(snippet(body, RIVER))
    assert text.startswith("… fill") and text.endswith("<mark>river</mark>")


def test_item_14_filters_alone_list_newest_first(owner):
    old = write(owner, "Old.", written_on=date(2026, 1, 2), tags=["out"])
    new = write(owner, "New.", written_on=date(2026, 2, 3), tags=["out"])
    same_day = write(owner, "Same day, later.", written_on=date(2026, 2, 3))
    tag = tags_for(owner, ["out"])[0]
    newest = [same_day.pk, new.pk, old.pk]
    assert find_entries(owner, "", tag=tag).ranked == [(new.pk, 0.0), (old.pk, 0.0)]
    assert [pk for pk, _ in find_entries(owner, "", since=date(2026, 1, 1)).ranked] == newest
    assert [pk for pk, _ in find_entries(owner, "", until=date(2026, 12, 1)).ranked] == newest
    assert find_entries(owner, "", since=date(2026, 2, 1)).terms == []
    hits = search_entries(owner, "", until=date(2026, 1, 31))
    assert [(h.entry.pk, h.rank) for h in hits] == [(old.pk, 0.0)]
    assert find_entries(owner, "").ranked == []


def test_item_14_at_most_a_hundred_results(owner):
    Entry.objects.bulk_create(
        Entry(owner=owner, title="", body=f"Day {n}", written_on=date(2025, 1, 1))
        for n in range(101)
    )
    assert len(search_entries(owner, "", since=date(2024, 1, 1))) == 100
    assert len(search_entries(owner, "day")) == 100
    assert len(search_entries(owner, "day", limit=3)) == 3
    assert len(find_entries(owner, "day").ranked) == 101


def test_item_14_words_found_are_the_words_searched_for(owner):
    walk = write(owner, "A Walk by the sea.", title="Out")
    write(owner, "Rain all day.")
    found = find_entries(owner, "WALK sea")
    assert [pk for pk, _ in found.ranked] == [walk.pk] and found.ranked[0][1] > 0
    assert found.terms == [("WALK",), ("sea",)]
    [hit] = search_entries(owner, "walk")
    assert str(hit.snippet_html) == "A <mark>Walk</mark> by the sea."


def test_item_14_a_search_of_five_hundred_characters_is_accepted(owner):
    assert SearchForm({"q": "w" * 500}, user=owner).is_valid()
    assert not SearchForm({"q": "w" * 501}, user=owner).is_valid()


def test_the_count_stops_at_two_hundred_and_says_there_are_more(owner, owner_client):
    from django.urls import reverse

    from tending.journal.search import COUNT_LIMIT, Matches

    Entry.objects.bulk_create(
        Entry(owner=owner, title="", body=f"Day {n}", written_on=date(2025, 1, 1))
        for n in range(COUNT_LIMIT + 1)
    )
    found = Matches(owner, "day")
    assert (found.count(), found.more) == (COUNT_LIMIT, True)
    exact = Matches(owner, "day", until=date(2024, 12, 31))
    assert (exact.count(), exact.more) == (0, False)
    page = owner_client.post(reverse("journal:search"), {"q": "day"}, follow=True)
    text = page.content.decode()
    # The page ranks a smaller window of those written last, ten to a page.
    assert (
        "More than 50 entries found; the 50 written last are shown, best first, page 1 of 5."
        in text
    )
    windowed = Matches(owner, "day", window=50)
    assert (windowed.count(), windowed.more) == (50, True)


def test_a_common_word_ranks_only_the_entries_written_last(owner):
    """Past the cap, the best match among the 200 written last comes first; an older one,
    however good, waits for a date range, so the search costs the same after thirty years."""
    from tending.journal.search import COUNT_LIMIT, Matches

    oldest = Entry.objects.create(
        owner=owner, title="Walk walk walk", body="walk walk", written_on=date(2020, 1, 1)
    )
    Entry.objects.bulk_create(
        Entry(
            owner=owner, title="", body=f"A long day, and a walk {n}", written_on=date(2025, 1, 1)
        )
        for n in range(COUNT_LIMIT)
    )
    best = Entry.objects.create(
        owner=owner, title="Walk", body="walk walk", written_on=date(2025, 2, 1)
    )
    found = Matches(owner, "walk")
    ids = [pk for pk, _ in found.ranked()]
    assert (found.count(), found.more) == (COUNT_LIMIT, True) and len(ids) == COUNT_LIMIT
    assert ids[0] == best.pk and oldest.pk not in ids
    earlier = Matches(owner, "walk", until=date(2024, 12, 31))
    assert [pk for pk, _ in earlier.ranked()] == [oldest.pk]


def test_one_person_or_one_tag_alone_is_counted_from_its_links(owner):
    from tests.factories import PersonFactory

    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    walk = tags_for(owner, ["walk"])[0]
    for n in range(4):
        entry = Entry.objects.create(
            owner=owner, title="", body=f"{n}", written_on=date(2025, 1, n + 1)
        )
        entry.people.add(sam)
        if n < 2:
            entry.tags.add(walk)
    Entry.objects.get(body="0").people.add(alex)
    with_sam, with_alex = (
        search.Matches(owner, "", person=sam, window=3),
        search.Matches(owner, "", person=alex, window=3),
    )
    assert (with_sam.count(), with_sam.more) == (3, True)
    assert (with_alex.count(), with_alex.more) == (1, False)
    # Newest first either way: read down the entries (more than the window) or from the links.
    newest = [e.pk for e in Entry.objects.filter(owner=owner).order_by("-written_on")]
    assert [pk for pk, _ in with_sam.ranked(0, 3)] == newest[:3]
    assert [pk for pk, _ in with_alex.ranked()] == [newest[-1]]
    assert [pk for pk, _ in tagged_first(owner, walk)] == newest[-2:]
    tagged = search.Matches(owner, "", tag=walk, window=3)
    assert (tagged.count(), tagged.more) == (2, False)
    # With a date as well, the entries themselves are counted.
    since = search.Matches(owner, "", person=sam, since=date(2025, 1, 3), window=3)
    assert (since.count(), since.more) == (2, False)
    both = search.Matches(owner, "", person=sam, tag=walk, window=3)
    assert (both.count(), both.more) == (2, False)


def tagged_first(owner, tag):
    found = search.Matches(owner, "", tag=tag, window=3)
    found.count()
    return found.ranked()
