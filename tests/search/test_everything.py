"""Item 28: one search over everything written, on SQLite and PostgreSQL alike.

Word forms and prefixes, only one's own rows, words never in an address, highlights made
after escaping, a link to every row, and the names offered after an @.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from tending.journal.models import Entry
from tending.journal.services import save_entry
from tending.search.finding import MOST_PER_KIND, find_everywhere, hits_for
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory, PlanEntryFactory

pytestmark = pytest.mark.django_db


def write(owner, body, title="", written_on=date(2026, 3, 14)):
    return save_entry(owner, Entry(title=title, body=body, written_on=written_on), [], [])


def kinds_found(user, words):
    found = find_everywhere(user, words)
    return [(m.kind, m.pk) for m in found.matches]


def search_page(client, words, follow=True):
    return client.post(reverse("search:everything"), {"q": words}, follow=follow)


def test_item_28_one_search_finds_every_kind(owner):
    entry = write(owner, "A long walk along the river.")
    moment = MomentFactory(owner=owner, note="We walked by the river and talked.")
    person = PersonFactory(owner=owner, name="Robin", notes="Loves the river in spring.")
    plan = PlanEntryFactory(owner=owner, part="coping", text="Sit by the river for a while")
    PersonFactory(owner=owner, name="Sam", notes="Nothing to do with water.")
    found = kinds_found(owner, "river")
    assert set(found) == {
        ("entry", entry.pk),
        ("moment", moment.pk),
        ("person", person.pk),
        ("plan", plan.pk),
    }
    # People and plan lines first (few), then entries and moments.
    assert [kind for kind, _ in found][:2] == ["person", "plan"]


def test_item_28_word_forms_and_prefixes_match(owner):
    entry = write(owner, "Just the river today.")
    moment = MomentFactory(owner=owner, note="walking home slowly")
    MomentFactory(owner=owner, note="nothing here")
    assert kinds_found(owner, "rivers") == [("entry", entry.pk)]
    assert kinds_found(owner, "walk") == [("moment", moment.pk)]
    assert kinds_found(owner, "walks") == [("moment", moment.pk)]
    assert kinds_found(owner, "riv") == [("entry", entry.pk)]  # a word begun
    assert kinds_found(owner, "home walked") == [("moment", moment.pk)]  # every word needed
    assert kinds_found(owner, "river walk") == []


def test_item_28_phrases_and_odd_input(owner):
    together = write(owner, "The sea air was cold.")
    write(owner, "Air in the lungs, then the sea.")
    assert kinds_found(owner, '"sea air"') == [("entry", together.pk)]
    for odd in ['"', "AND OR NOT", "a:b*", "' ; DROP TABLE x; --", "(", "\\", "🙂", "^"]:
        find_everywhere(owner, odd)  # never an error from either database
    assert find_everywhere(owner, "   ").matches == []


def test_item_28_another_accounts_rows_never_appear(owner, other, other_client):
    write(owner, "Marker river walk")
    MomentFactory(owner=owner, note="Marker river walk")
    PersonFactory(owner=owner, name="Marker Person", notes="river walk")
    PlanEntryFactory(owner=owner, text="Marker river walk")
    mine = MomentFactory(owner=other, note="my own river walk")
    assert kinds_found(other, "river walk") == [("moment", mine.pk)]
    assert kinds_found(other, "marker") == []
    page = search_page(other_client, "river").content.decode()
    assert "Marker" not in page and "1 found" in page
    # Rows of another account are not made into hits even if asked for by id.
    found = find_everywhere(owner, "marker")
    assert hits_for(other, found.matches, found.terms) == []


def test_item_28_words_never_in_the_address(owner_client, owner):
    write(owner, "A quiet river.")
    answer = search_page(owner_client, "river", follow=False)
    assert answer.status_code == 302
    assert "river" not in answer["Location"] and "?s=" in answer["Location"]
    page = owner_client.get(answer["Location"]).content.decode()
    assert "<mark>river</mark>" in page
    # Words put in the address by hand are moved out of it at once.
    answer = owner_client.get(reverse("search:everything") + "?q=river")
    assert answer.status_code == 302 and "river" not in answer["Location"]
    # Pages of results keep the key, not the words.
    assert "river" not in owner_client.get(answer["Location"]).request["QUERY_STRING"]


def test_item_28_highlights_are_made_after_escaping(owner, owner_client):
    MomentFactory(owner=owner, note='<script>alert("river")</script> & rivers <b>')
    page = search_page(owner_client, "river").content.decode()
    assert "<script>alert" not in page
    assert "<mark>rivers</mark>" in page
    assert "<b>" not in page.split('id="search-results"')[1]


def test_item_28_every_result_links_to_its_row(owner, owner_client):
    entry = write(owner, "stones by the river", title="Stones")
    moment = MomentFactory(owner=owner, note="stones everywhere")
    person = PersonFactory(owner=owner, name="Ash", notes="collects stones")
    plan = PlanEntryFactory(owner=owner, text="Hold a smooth stone")
    page = search_page(owner_client, "stones").content.decode()
    assert reverse("journal:detail", args=[entry.pk]) in page
    assert reverse("moments:detail", args=[moment.pk]) in page
    assert reverse("circle:person", args=[person.pk]) in page
    assert reverse("safety:plan") + f"#entry-{plan.pk}" in page
    assert 'dir="auto"' in page
    for url in (
        reverse("journal:detail", args=[entry.pk]),
        reverse("moments:detail", args=[moment.pk]),
        reverse("circle:person", args=[person.pk]),
    ):
        assert owner_client.get(url).status_code == 200


def test_item_28_newest_first_and_paged(owner, owner_client):
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    for day in range(45):
        MomentFactory(
            owner=owner, note=f"tea number {day}", occurred_at=start + timedelta(days=day)
        )
    newest = JournalEntryFactory(owner=owner, body="tea", written_on=date(2025, 6, 1))
    found = find_everywhere(owner, "tea")
    assert len(found.matches) == 46 and found.matches[0].pk == newest.pk
    days = [m.when for m in found.matches]
    assert days == sorted(days, reverse=True)
    first = search_page(owner_client, "tea")
    assert "page 1 of 3" in first.content.decode()
    last = first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"] + "&page=3"
    assert owner_client.get(last).content.decode().count('class="hit-moment"') == 6


def test_item_28_each_kind_is_bounded(owner, monkeypatch):
    from tending.search import finding

    monkeypatch.setattr(finding, "MOST_PER_KIND", 3)
    for n in range(5):
        MomentFactory(owner=owner, note=f"bread {n}")
    found = find_everywhere(owner, "bread")
    assert len(found.matches) == 3 and found.capped
    assert MOST_PER_KIND >= 100


def test_item_28_edits_and_deletes_follow(owner):
    moment = MomentFactory(owner=owner, note="lighthouse")
    assert kinds_found(owner, "lighthouse") == [("moment", moment.pk)]
    moment.note = "harbour"
    moment.save()
    assert kinds_found(owner, "lighthouse") == []
    assert kinds_found(owner, "harbour") == [("moment", moment.pk)]
    moment.delete()
    assert kinds_found(owner, "harbour") == []


def test_item_28_too_long_a_search_says_so(owner_client):
    answer = search_page(owner_client, "w" * 100_000, follow=False)
    assert answer.status_code == 200
    assert "at most 500 characters (this has 100,000)" in answer.content.decode()


def test_item_28_at_suggests_only_ones_own_people(owner, other, owner_client, other_client):
    PersonFactory(owner=owner, name="Marker Alma")
    PersonFactory(owner=owner, name="Jo Almond")
    PersonFactory(owner=owner, name="Bea")
    PersonFactory(owner=other, name="Alex")
    url = reverse("search:people")

    def names(client, typed):
        return [p["name"] for p in json.loads(client.post(url, {"q": typed}).content)["people"]]

    assert names(owner_client, "al") == ["Jo Almond", "Marker Alma"]
    assert names(other_client, "al") == ["Alex"]
    assert names(other_client, "marker") == []
    assert names(owner_client, "") == []
    # Only a post is answered: a GET (typed names in its address) finds nobody and goes on
    # to the search page, as every address that only takes posts does.
    answer = owner_client.get(url + "?q=al")
    assert answer.status_code == 302 and "Almond" not in answer.content.decode()


def test_item_28_search_is_reachable_and_the_script_is_on_writing_pages(owner_client):
    assert (
        reverse("search:everything") in owner_client.get(reverse("journal:list")).content.decode()
    )
    for name in ("journal:add", "moments:add"):
        page = owner_client.get(reverse(name)).content.decode()
        assert "search/mentions.js" in page and reverse("search:people") in page, name


def test_item_28_results_page_makes_few_queries_whatever_the_data(owner, owner_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tending.bench.pages import QUERY_BAR

    def count():
        url = search_page(owner_client, "kettle", follow=False)["Location"]
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get(url).status_code == 200
        return len(queries)

    def add(n):
        for i in range(n):
            sam = PersonFactory(owner=owner, name=f"Kettle keeper {i}", notes="kettle")
            MomentFactory(owner=owner, people=[sam], note="kettle on")
            PlanEntryFactory(owner=owner, text="Put the kettle on")
            write(owner, "The kettle sang.")

    add(2)
    every_kind_on_the_page = count()  # the most a page makes: one fetch per kind
    add(20)
    assert count() <= every_kind_on_the_page <= QUERY_BAR


def test_item_28_the_index_is_mended_after_a_table_is_rebuilt(owner):
    # Django rebuilds a SQLite table (and so drops its triggers) for many schema changes;
    # after `migrate` the index is mended. PostgreSQL keeps its vectors in the rows.
    from django.db import connection

    from tending.search.index import TABLE, ensure_search_index

    moment = MomentFactory(owner=owner, note="before the change")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER {TABLE}_moment_update")
        assert ensure_search_index() is True
        assert ensure_search_index() is False  # whole again: nothing more to mend
    else:
        assert ensure_search_index() is False
    moment.note = "lanterns after the change"
    moment.save()
    assert kinds_found(owner, "lantern") == [("moment", moment.pk)]
    assert kinds_found(owner, "before") == []


def test_dates_and_times_read_the_same_whatever_the_servers_date_style(owner):
    """PostgreSQL prints dates as its DateStyle says unless told a shape; SQLite has none."""
    from django.db import connection

    write(owner, "A heron by the river.", written_on=date(2026, 3, 4))
    moment = MomentFactory(owner=owner, note="A heron again.")
    moment.occurred_at = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)
    moment.save()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET DateStyle = 'SQL, DMY'")
    found = find_everywhere(owner, "heron")
    assert [(m.kind, m.when) for m in found.matches] == [
        ("moment", date(2026, 3, 5)),
        ("entry", date(2026, 3, 4)),
    ]


def test_words_too_long_in_the_address_are_refused_out_loud(owner_client):
    from tending.search.forms import MAX_WORDS_LENGTH

    words = "x" * (MAX_WORDS_LENGTH + 1)
    answer = owner_client.get(reverse("search:everything") + f"?q={words}", follow=True)
    html = answer.content.decode()
    assert answer.redirect_chain[-1][0] == reverse("search:everything")
    assert f"Please use at most {MAX_WORDS_LENGTH} characters (this has 501)." in html
    assert words not in html
