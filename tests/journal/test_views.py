"""The journal's pages: writing, reading, editing, deleting, months, people and search."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.journal.models import Entry
from tending.journal.prompts import library
from tests.factories import JournalEntryFactory, PersonFactory

pytestmark = pytest.mark.django_db


def entry_data(**overrides):
    data = {"written_on": "2026-03-14", "title": "", "body": "A quiet day.", "tag_names": ""}
    data.update(overrides)
    return data


def page(response) -> str:
    return response.content.decode()


def test_write_an_entry_with_tags_people_and_a_mention(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam Lee")
    alex = PersonFactory(owner=owner, name="Alex")
    response = owner_client.post(
        reverse("journal:add"),
        entry_data(title="Walk", body="Long walk with @sam today.", people=[alex.pk],
                   tag_names="Outside, calm"),
    )  # fmt: skip
    entry = Entry.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:detail", args=[entry.pk])
    assert entry.written_on == date(2026, 3, 14) and entry.title == "Walk"
    assert set(entry.people.all()) == {sam, alex}
    assert sorted(t.name for t in entry.tags.all()) == ["calm", "outside"]
    detail = page(owner_client.get(response["Location"]))
    assert "Long walk with @sam today." in detail and "Sam Lee" in detail and "#calm" in detail


def test_writing_from_a_prompt(owner, owner_client):
    prompt = library()[0]
    response = owner_client.get(reverse("journal:add") + f"?prompt={prompt.id}")
    assert prompt.text in page(response) and f'value="{prompt.id}"' in page(response)
    owner_client.post(reverse("journal:add"), entry_data(prompt_id=prompt.id))
    entry = Entry.objects.get(owner=owner)
    assert entry.prompt_id == prompt.id
    assert prompt.text in page(owner_client.get(reverse("journal:detail", args=[entry.pk])))


def test_an_unknown_prompt_is_ignored(owner, owner_client):
    response = owner_client.get(reverse("journal:add") + "?prompt=<script>")
    assert response.status_code == 200 and "<script>" not in page(response)
    owner_client.post(reverse("journal:add"), entry_data(prompt_id="made-up"))
    assert Entry.objects.get(owner=owner).prompt_id == ""


def test_the_date_defaults_to_today_where_the_person_lives(owner, owner_client):
    with time_machine.travel("2026-03-14 23:30:00+00:00", tick=False):  # Berlin: the 15th
        response = owner_client.get(reverse("journal:add"))
    assert 'value="2026-03-15"' in page(response)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"body": "  "}, "body", "Write a few words first"),
        ({"title": "x" * 201}, "title", "200 characters or fewer"),
        ({"written_on": "14/03/yesterday"}, "written_on", "Please give a date"),
        ({"written_on": "1066-10-14"}, "written_on", "between 1900 and 2999"),
        ({"tag_names": "x" * 41}, "tag_names", "at most 40 characters"),
        ({"people": ["99999999999999999999999"]}, "people", "not in your circle"),
    ],
)
def test_bad_input_gets_a_message_at_the_field(owner_client, data, field, message):
    response = owner_client.post(reverse("journal:add"), entry_data(**data))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in page(response)
    assert not Entry.objects.exists()


def test_someone_elses_person_cannot_be_chosen(owner_client, other):
    theirs = PersonFactory(owner=other, name="Not Yours")
    response = owner_client.post(reverse("journal:add"), entry_data(people=[theirs.pk]))
    assert "not in your circle" in str(response.context["form"].errors["people"])
    assert not Entry.objects.exists()


def test_a_mention_only_links_ones_own_people(owner, owner_client, other):
    PersonFactory(owner=other, name="Robin")
    owner_client.post(reverse("journal:add"), entry_data(body="Saw @Robin."))
    assert list(Entry.objects.get(owner=owner).people.all()) == []


def test_hostile_markdown_is_shown_safely(owner, owner_client):
    entry = JournalEntryFactory(
        owner=owner,
        title="<script>alert(1)</script>",
        body="<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n"
        "[click](javascript:alert(4)) **still bold**",
    )
    html = page(owner_client.get(reverse("journal:detail", args=[entry.pk])))
    assert "<script>alert" not in html and "onerror" not in html
    assert "javascript:" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, shown as text
    assert "<strong>still bold</strong>" in html


def test_edit_an_entry(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, body="Before.")
    url = reverse("journal:edit", args=[entry.pk])
    assert "Before." in page(owner_client.get(url))
    response = owner_client.post(url, entry_data(body="After.", tag_names="new"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "After." and [t.name for t in entry.tags.all()] == ["new"]


def test_delete_asks_first(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, title="Keep or not")
    url = reverse("journal:delete", args=[entry.pk])
    response = owner_client.get(url)
    assert "Delete this entry?" in page(response) and Entry.objects.filter(pk=entry.pk).exists()
    response = owner_client.post(url)
    assert response.status_code == 302 and not Entry.objects.filter(pk=entry.pk).exists()


def test_list_by_month_with_navigation(owner, owner_client):
    JournalEntryFactory(owner=owner, title="January one", written_on=date(2026, 1, 2))
    JournalEntryFactory(owner=owner, title="March one", written_on=date(2026, 3, 2))
    JournalEntryFactory(owner=owner, title="April one", written_on=date(2026, 4, 30))
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        march = page(owner_client.get(reverse("journal:list") + "?month=2026-03"))
        odd = owner_client.get(reverse("journal:list") + "?month=March%3Cb%3E")
    assert "March one" in march and "April one" not in march
    # Steps go to the nearest months with entries: February had none.
    assert 'href="?month=2026-04" rel="next"' in march
    assert 'href="?month=2026-01" rel="prev"' in march
    assert odd.status_code == 200 and "April one" in page(odd)


def test_list_of_entries_with_a_person(owner, owner_client, other):
    sam = PersonFactory(owner=owner, name="Sam")
    JournalEntryFactory(owner=owner, title="With Sam", people=[sam], written_on=date(2020, 1, 1))
    JournalEntryFactory(owner=owner, title="Alone")
    html = page(owner_client.get(reverse("journal:list") + f"?person={sam.pk}"))
    assert "With Sam" in html and "Alone" not in html and "Entries with Sam" in html
    theirs = PersonFactory(owner=other, name="Theirs")
    html = page(owner_client.get(reverse("journal:list") + f"?person={theirs.pk}"))
    assert "Entries with" not in html


def search(client, **fields):
    """Search as the page does: post the form, then follow to the kept search."""
    posted = client.post(reverse("journal:search"), fields)
    assert posted.status_code == 302
    assert posted["Location"].startswith(reverse("journal:search") + "?s=")
    return client.get(posted["Location"])


def test_searched_words_never_appear_in_an_address(owner, owner_client):
    JournalEntryFactory(owner=owner, body="The lighthouse keeper waved.")
    posted = owner_client.post(reverse("journal:search"), {"q": "lighthouse keeper"})
    assert "lighthouse" not in posted["Location"]
    assert len(owner_client.get(posted["Location"]).context["hits"]) == 1
    # An old address with the words in it is moved to a kept search at once.
    moved = owner_client.get(reverse("journal:search"), {"q": "lighthouse"})
    assert moved.status_code == 302 and "lighthouse" not in moved["Location"]
    assert len(owner_client.get(moved["Location"]).context["hits"]) == 1


def test_a_search_kept_by_another_session_is_not_found(owner, owner_client, other_client):
    JournalEntryFactory(owner=owner, body="Harbour lights.")
    posted = owner_client.post(reverse("journal:search"), {"q": "harbour"})
    html = page(other_client.get(posted["Location"]))
    assert "no longer kept" in html and "Harbour" not in html
    assert "harbour" not in html.lower()


def test_only_the_newest_searches_are_kept(owner, owner_client):
    first = owner_client.post(reverse("journal:search"), {"q": "one"})["Location"]
    for n in range(10):
        owner_client.post(reverse("journal:search"), {"q": f"word{n}"})
    assert "no longer kept" in page(owner_client.get(first))


@pytest.mark.parametrize(
    "words", ['"', 'walk" OR "', "NOT", "walk*", "NEAR(", "東京", "привет", "Zoë", "'; --"]
)
def test_search_page_survives_odd_words(owner, owner_client, words):
    JournalEntryFactory(owner=owner, body="A walk in 東京 with Zoë, привет.")
    response = search(owner_client, q=words)
    assert response.status_code == 200


def test_search_page_shows_ranked_highlighted_hits(owner, owner_client, other):
    entry = JournalEntryFactory(owner=owner, title="Harbour", body="A <b>walk</b> by the sea.")
    JournalEntryFactory(owner=other, title="Harbour", body="Their walk.")
    response = search(owner_client, q="walk")
    html = page(response)
    assert [h.entry.pk for h in response.context["hits"]] == [entry.pk]
    # Snippets are plain text (item 21): the tag is left out, not shown as source.
    assert "A <mark>walk</mark> by the sea." in html and "&lt;b&gt;" not in html
    assert "Their walk" not in html
    assert "1 entry found" in html


def test_search_filters_and_bad_filters(owner, owner_client):
    JournalEntryFactory(owner=owner, body="Rain.", written_on=date(2026, 3, 1))
    response = search(owner_client, q="rain", since="2026-04-01", until="2026-03-01")
    assert "before the “From” date" in page(response)
    response = search(owner_client, q="rain", since="soon")
    assert "Please give a date" in page(response) and len(response.context["hits"]) == 1
    response = search(owner_client, q="rain", tag="999")
    assert "no such tag" in page(response)


def test_a_tag_on_an_entry_leads_to_its_other_entries(owner, owner_client):
    first = JournalEntryFactory(owner=owner, title="First", body="One.")
    client_post = owner_client.post(
        reverse("journal:edit", args=[first.pk]), entry_data(body="One.", tag_names="sea")
    )
    assert client_post.status_code == 302
    JournalEntryFactory(owner=owner, title="Untagged", body="Two.")
    detail = page(owner_client.get(reverse("journal:detail", args=[first.pk])))
    tag = first.tags.get()
    assert f"?tag={tag.pk}" in detail
    response = owner_client.get(reverse("journal:search"), {"tag": tag.pk})
    assert [h.entry.pk for h in response.context["hits"]] == [first.pk]


def test_many_matches_come_in_pages_of_ten(owner, owner_client):
    for n in range(45):
        JournalEntryFactory(
            owner=owner, title=f"Walk {n}", body="A walk.", written_on=date(2026, 1, 1)
        )
    first = search(owner_client, q="walk")
    html = page(first)
    assert "45 entries found; page 1 of 5." in html and len(first.context["hits"]) == 10
    assert "walk" not in first.request["QUERY_STRING"].lower()
    address = first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"]
    pages = [owner_client.get(address + f"&page={n}") for n in range(2, 6)]
    assert [len(p.context["hits"]) for p in pages] == [10, 10, 10, 5]
    seen = {h.entry.pk for h in first.context["hits"]}
    for answer in pages:
        seen |= {h.entry.pk for h in answer.context["hits"]}
    assert len(seen) == 45
    assert "More matches" in html  # words: best first
    by_date = owner_client.get(reverse("journal:search"), {"since": "2025-12-31"})
    assert "Older" in page(by_date) and "More matches" not in page(by_date)  # newest first


def test_a_kept_search_is_forgotten_after_a_day(owner, owner_client):
    JournalEntryFactory(owner=owner, body="Harbour lights.")
    posted = owner_client.post(reverse("journal:search"), {"q": "harbour"})
    assert len(owner_client.get(posted["Location"]).context["hits"]) == 1
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        later = page(owner_client.get(posted["Location"]))
    assert "no longer kept" in later and "Harbour lights" not in later


def test_item_13_a_day_far_ahead_is_refused_at_the_field(owner, owner_client):
    with time_machine.travel("2026-03-14 12:00:00+00:00", tick=False):
        form = page(owner_client.get(reverse("journal:add")))
        far = owner_client.post(reverse("journal:add"), entry_data(written_on="2030-01-01"))
        tomorrow = owner_client.post(reverse("journal:add"), entry_data(written_on="2026-03-15"))
    assert 'max="2026-03-15"' in form
    assert "still to come" in str(far.context["form"].errors["written_on"])
    assert 'id="id_written_on_error"' in page(far) and "A quiet day." in page(far)
    assert tomorrow.status_code == 302
    assert [str(e.written_on) for e in Entry.objects.filter(owner=owner)] == ["2026-03-15"]
