"""Journal entries through the API: the web's form and search, pages, ETags, another's 404."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tending.journal.models import DATE_AHEAD, Entry, JournalDraft
from tending.journal.search import Matches
from tending.journal.services import save_entry
from tending.search.finding import find_everywhere
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 14)


def write(owner, body, title="", written_on=DAY, people=(), tags=(), prompt_id=""):
    entry = Entry(title=title, body=body, written_on=written_on, prompt_id=prompt_id)
    return save_entry(owner, entry, people, list(tags))


def problems(answer) -> dict:
    assert answer.status_code == 422, answer.content
    return {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}


def test_write_read_change_and_delete_an_entry(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    ada = PersonFactory(owner=owner, name="Ada")
    JournalDraft.objects.create(owner=owner, title="half", body="typed")
    made = owner_api.post(
        "journal",
        {
            "body": "A walk with @Sam by the *sea*.",
            "title": " Sunday ",
            "person_ids": [ada.pk],
            "tags": ["Walks", "sea"],
            "prompt_id": "km-most-me-today",
        },
    )
    assert made.status_code == 201, made.content
    entry = made.json()
    today = timezone.localdate(timezone=owner.zone)  # the day where the owner is
    assert entry["title"] == "Sunday" and entry["written_on"] == today.isoformat()
    assert entry["person_ids"] == [ada.pk, sam.pk]  # the @mention linked too, by name
    assert entry["tags"] == ["sea", "walks"]
    assert "<em>sea</em>" in entry["body_html"]
    assert entry["prompt"] == "Which moment today felt most like you?"
    assert JournalDraft.objects.filter(owner=owner).exists()  # the web's draft stays
    assert Entry.objects.get(pk=entry["id"]).owner == owner

    read = owner_api.get(f"journal/{entry['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]
    assert read.json() == entry

    changed = owner_api.patch(
        f"journal/{entry['id']}", {"tags": ["calm"]}, **{"If-Match": read["ETag"]}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["tags"] == ["calm"]
    assert changed.json()["body"] == entry["body"] and changed.json()["person_ids"] == [
        ada.pk,
        sam.pk,
    ]
    assert changed["ETag"] != read["ETag"]

    gone = owner_api.delete(f"journal/{entry['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not Entry.objects.filter(pk=entry["id"]).exists()


def test_an_old_etag_changes_nothing(owner_api, owner):
    entry = write(owner, "first words")
    first = owner_api.get(f"journal/{entry.pk}")["ETag"]
    assert owner_api.patch(f"journal/{entry.pk}", {"body": "second"}).status_code == 200
    late = owner_api.patch(f"journal/{entry.pk}", {"body": "third"}, **{"If-Match": first})
    assert late.status_code == 412
    entry.refresh_from_db()
    assert entry.body == "second"
    assert owner_api.delete(f"journal/{entry.pk}", **{"If-Match": first}).status_code == 412
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_bad_input_gets_the_web_forms_messages_and_saves_nothing(owner_api, owner, other):
    theirs = PersonFactory(owner=other, name="Theirs")
    ahead = (timezone.localdate() + timedelta(days=3)).isoformat()
    said = problems(owner_api.post("journal", {"body": "  ", "person_ids": [theirs.pk]}))
    assert said[("body", "body")] == "Write a few words first; one line is plenty."
    assert said[("body", "person_ids")] == "That person is not in your circle."
    said = problems(owner_api.post("journal", {"body": "x" * 50_001, "title": "t" * 201}))
    assert said[("body", "body")].startswith("Please keep an entry to 50,000 characters")
    assert said[("body", "title")] == "Please keep the title to 200 characters or fewer."
    said = problems(owner_api.post("journal", {"body": "soon", "written_on": ahead}))
    assert said[("body", "written_on")] == DATE_AHEAD
    assert not Entry.objects.exists()


def test_a_bad_change_keeps_what_was_saved(owner_api, owner):
    entry = write(owner, "kept words", title="Kept", tags=["calm"])
    said = problems(owner_api.patch(f"journal/{entry.pk}", {"title": "New", "body": ""}))
    assert said[("body", "body")] == "Write a few words first; one line is plenty."
    entry.refresh_from_db()
    assert (entry.title, entry.body) == ("Kept", "kept words")
    assert list(entry.tags.values_list("name", flat=True)) == ["calm"]


def test_a_change_finds_new_mentions_and_the_search_follows(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    entry = write(owner, "a heron on the river")
    answer = owner_api.patch(f"journal/{entry.pk}", {"body": "kingfisher with @Sam"})
    assert answer.json()["person_ids"] == [sam.pk]
    assert [h.entry.pk for h in Matches(owner, "kingfisher")[:5]] == [entry.pk]
    assert Matches(owner, "heron").count() == 0
    assert [m.pk for m in find_everywhere(owner, "kingfisher").matches] == [entry.pk]
    owner_api.delete(f"journal/{entry.pk}")
    assert Matches(owner, "kingfisher").count() == 0


def test_pages_follow_one_another_newest_first_without_gaps(owner_api, owner):
    made = [write(owner, f"entry {n}", written_on=DAY - timedelta(days=n // 2)) for n in range(7)]
    # Newest day first; on one day, the one written last first.
    expected = [e.pk for e in sorted(made, key=lambda e: (e.written_on, e.pk), reverse=True)]
    seen, cursor = [], None
    for _ in range(5):
        page = owner_api.get("journal?limit=3" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == expected


def test_filters_as_the_journal_narrows(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    early = write(owner, "early", written_on=date(2026, 1, 5), tags=["walks"])
    middle = write(owner, "middle", written_on=date(2026, 2, 5), people=[sam])
    late = write(owner, "late", written_on=date(2026, 3, 5), prompt_id="km-most-me-today")

    def ids(query: str) -> list[int]:
        answer = owner_api.get(f"journal?{query}")
        assert answer.status_code == 200, answer.content
        return [item["id"] for item in answer.json()["items"]]

    assert ids("") == [late.pk, middle.pk, early.pk]
    assert ids("since=2026-02-05") == [late.pk, middle.pk]
    assert ids("until=2026-02-05") == [middle.pk, early.pk]
    assert ids("tag=%20Walks") == [early.pk]
    assert ids(f"person_id={sam.pk}") == [middle.pk]
    assert ids("prompt_id=km-most-me-today") == [late.pk]
    said = problems(owner_api.get("journal?since=2026-03-01&until=2026-01-01"))
    assert said[("query", "until")] == "This is before the “From” date."
    assert problems(owner_api.get("journal?tag=nosuch"))[("query", "tag")] == (
        "There is no such tag."
    )
    assert problems(owner_api.get("journal?since=yesterday"))[("query", "since")] == (
        "Please give a date, like 2026-03-14."
    )


def test_the_list_costs_the_same_queries_however_many_entries(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    owner_api.get("journal")  # the token's first use is noted once

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            assert owner_api.get("journal").status_code == 200
        return len(seen)

    write(owner, "one", people=[sam], tags=["a"])
    one = queries()
    for n in range(4):
        write(owner, f"more {n}", people=[sam], tags=["a", f"b{n}"])
    assert queries() == one
    assert len(owner_api.get("journal").json()["items"]) == 5


def test_search_answers_as_the_web_search_does(owner_api, owner):
    in_title = write(owner, "We went for a walk by the harbour.", title="The walk")
    body_only = write(owner, "We went for a walk by the harbour.", title="Sunday")
    write(owner, "Nothing about that here.")
    answer = owner_api.post("journal/search", {"q": "walk"})
    assert answer.status_code == 200, answer.content
    page = answer.json()
    assert [h["id"] for h in page["items"]] == [h.entry.pk for h in Matches(owner, "walk")[:10]]
    assert [h["id"] for h in page["items"]] == [in_title.pk, body_only.pk]
    assert page["items"][0]["title_html"] == "The <mark>walk</mark>"
    assert "<mark>walk</mark> by the harbour" in page["items"][1]["snippet_html"]
    assert page["by_relevance"] and page["count"] == 2 and not page["more"]


def test_search_pages_and_filters_alone_go_newest_first(owner_api, owner):
    made = [write(owner, f"tide {n}", written_on=DAY - timedelta(days=n)) for n in range(5)]
    seen, cursor = [], None
    for _ in range(4):
        page = owner_api.post("journal/search", {"q": "tide", "limit": 2, "cursor": cursor}).json()
        seen += [h["id"] for h in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e.pk for e in made) and len(seen) == 5
    assert seen == [h.entry.pk for h in Matches(owner, "tide")[:5]]
    narrowed = owner_api.post("journal/search", {"since": "2026-03-12"}).json()
    assert [h["id"] for h in narrowed["items"]] == [made[0].pk, made[1].pk, made[2].pk]
    assert not narrowed["by_relevance"]
    assert owner_api.post("journal/search", {"q": "  "}).json()["items"] == []


def test_a_search_it_cannot_read_gets_the_web_message(owner_api, owner):
    write(owner, "words")
    said = problems(owner_api.post("journal/search", {"q": "a" * 501}))
    assert said[("body", "q")] == (
        "Please search for at most 500 characters; these words have 501."
    )
    assert owner_api.post("journal/search", {"q": "a", "cursor": "zzz"}).status_code == 400


def test_a_read_only_token_may_search_and_the_words_stay_out_of_the_address(owner):
    from tending.api.tokens import make_token
    from tests.api.conftest import ApiClient

    write(owner, "a walk by the sea")
    reader = ApiClient(make_token(owner, "reader", can_write=False, days=None)[1])
    answer = reader.post("journal/search", {"q": "walk"})
    assert answer.status_code == 200 and len(answer.json()["items"]) == 1
    assert reader.post("journal", {"body": "new words"}).status_code == 403
    assert reader.get("journal/search?q=walk").status_code == 405


def test_only_spaces_for_a_tag_is_no_tag(owner_api, owner):
    write(owner, "words")
    answer = owner_api.get("journal?tag=%20")
    assert answer.status_code in (200, 422)


def test_another_account_meets_nothing(owner_api, other_api, owner):
    entry = write(owner, "Marker secret words", title="Marker")
    assert other_api.get("journal").json()["items"] == []
    assert other_api.post("journal/search", {"q": "Marker"}).json()["items"] == []
    for call in (
        lambda: other_api.get(f"journal/{entry.pk}"),
        lambda: other_api.patch(f"journal/{entry.pk}", {"title": "Taken"}),
        lambda: other_api.delete(f"journal/{entry.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    entry.refresh_from_db()
    assert entry.title == "Marker"


def test_null_tags_or_people_clear_them_as_an_empty_field_would(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    ada = PersonFactory(owner=owner, name="Ada")
    entry = write(owner, "tea with @Sam", people=[ada], tags=["calm"])
    answer = owner_api.patch(f"journal/{entry.pk}", {"tags": None, "person_ids": None})
    assert answer.status_code == 200, answer.content
    assert answer.json()["tags"] == [] and answer.json()["person_ids"] == [sam.pk]
    said = problems(owner_api.patch(f"journal/{entry.pk}", {"written_on": None}))
    assert said[("body", "written_on")] == "Please give the day this is about."


def test_writing_from_elsewhere_leaves_the_webs_draft_alone(owner_api, owner):
    from tending.journal.models import JournalDraft

    JournalDraft.objects.create(owner=owner, entry=None, body="typing on the laptop…")
    made = owner_api.post("journal", {"body": "from my phone"})
    assert made.status_code == 201
    entry_id = made.json()["id"]
    JournalDraft.objects.create(owner=owner, entry_id=entry_id, body="an edit in progress")
    assert owner_api.patch(f"journal/{entry_id}", {"body": "changed"}).status_code == 200
    assert sorted(JournalDraft.objects.filter(owner=owner).values_list("body", flat=True)) == [
        "an edit in progress",
        "typing on the laptop…",
    ]
