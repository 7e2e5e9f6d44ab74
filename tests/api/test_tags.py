"""Tags through the API: the web's naming rules, renaming, deleting, counts, pages, ETags."""

from __future__ import annotations

import pytest

from tending.core.models import Tag
from tending.moments.models import Moment
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def problems_of(answer) -> dict[tuple, str]:
    assert answer.status_code == 422, answer.content
    return {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}


def test_make_read_rename_and_delete_a_tag(owner_api, owner):
    made = owner_api.post("tags", {"name": "  #Long   Walks "})
    assert made.status_code == 201, made.content
    tag = made.json()
    assert tag["name"] == "long walks"  # tidied as the moment form tidies its tags
    assert (tag["moment_count"], tag["journal_entry_count"]) == (0, 0)
    assert Tag.objects.get(pk=tag["id"]).owner == owner

    moment = MomentFactory(owner=owner, people=[PersonFactory(owner=owner)])
    moment.tags.add(tag["id"])
    read = owner_api.get(f"tags/{tag['id']}")
    assert read.status_code == 200 and read.json()["moment_count"] == 1
    assert read["ETag"] == made["ETag"]  # counts are worked out, not part of the row

    renamed = owner_api.patch(f"tags/{tag['id']}", {"name": "Walks"}, **{"If-Match": read["ETag"]})
    assert renamed.status_code == 200, renamed.content
    assert renamed.json()["name"] == "walks" and renamed.json()["moment_count"] == 1
    assert renamed["ETag"] != read["ETag"]
    assert owner_api.get(f"moments/{moment.pk}").json()["tags"] == ["walks"]

    gone = owner_api.delete(f"tags/{tag['id']}", **{"If-Match": renamed["ETag"]})
    assert gone.status_code == 204
    assert not Tag.objects.filter(pk=tag["id"]).exists()
    assert Moment.objects.filter(pk=moment.pk).exists()  # the moment stays, without it
    assert owner_api.get(f"moments/{moment.pk}").json()["tags"] == []


def test_an_old_etag_changes_nothing(owner_api, owner):
    tag = Tag.objects.create(owner=owner, name="walk")
    first = owner_api.get(f"tags/{tag.pk}")["ETag"]
    assert owner_api.patch(f"tags/{tag.pk}", {"name": "walks"}).status_code == 200
    late = owner_api.patch(f"tags/{tag.pk}", {"name": "runs"}, **{"If-Match": first})
    assert late.status_code == 412
    tag.refresh_from_db()
    assert tag.name == "walks"
    assert owner_api.delete(f"tags/{tag.pk}", **{"If-Match": first}).status_code == 412
    assert Tag.objects.filter(pk=tag.pk).exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Please give the tag a name."),
        ("#", "Please give the tag a name."),
        ("walk, talk", "One tag at a time, please: a comma separates one tag from the next."),
        ("x" * 41, "Each tag can be at most 40 characters; “xxxxxxxxxxxxxxxxxxxx…” is longer."),
        ("WALK", "You already have a tag “walk”."),
        ("\uff37alk", "You already have a tag “walk”."),  # a full-width W is the same tag
        ("# walk", "You already have a tag “walk”."),
    ],
)
def test_a_name_the_web_would_refuse_is_refused(owner_api, owner, name, message):
    Tag.objects.create(owner=owner, name="walk")
    assert problems_of(owner_api.post("tags", {"name": name})) == {("body", "name"): message}
    assert list(Tag.objects.values_list("name", flat=True)) == ["walk"]


def test_a_rename_onto_another_tag_keeps_both(owner_api, owner):
    walk = Tag.objects.create(owner=owner, name="walk")
    Tag.objects.create(owner=owner, name="talk")
    answer = owner_api.patch(f"tags/{walk.pk}", {"name": "Talk"})
    assert problems_of(answer) == {("body", "name"): "You already have a tag “talk”."}
    walk.refresh_from_db()
    assert walk.name == "walk"
    # Its own name again, or another account's, is no clash.
    assert owner_api.patch(f"tags/{walk.pk}", {"name": "walk"}).status_code == 200


def test_another_accounts_names_are_theirs(owner_api, other):
    Tag.objects.create(owner=other, name="walk")
    assert owner_api.post("tags", {"name": "walk"}).status_code == 201


def test_counts_of_moments_and_journal_entries(owner_api, owner):
    walk = Tag.objects.create(owner=owner, name="walk")
    person = PersonFactory(owner=owner)
    for _ in range(2):
        MomentFactory(owner=owner, people=[person]).tags.add(walk)
    JournalEntryFactory(owner=owner).tags.add(walk)
    Tag.objects.create(owner=owner, name="alone")
    items = owner_api.get("tags").json()["items"]
    assert [(t["name"], t["moment_count"], t["journal_entry_count"]) for t in items] == [
        ("alone", 0, 0),
        ("walk", 2, 1),
    ]


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    names = [f"tag {i:02}" for i in range(7)]
    for name in reversed(names):
        Tag.objects.create(owner=owner, name=name)
    seen, cursor = [], None
    for _ in range(5):
        page = owner_api.get("tags?limit=3" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [t["name"] for t in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == names


def test_the_list_reads_the_same_few_queries_however_long(
    owner_api, owner, django_assert_num_queries
):
    person = PersonFactory(owner=owner)
    MomentFactory(owner=owner, people=[person]).tags.add(Tag.objects.create(owner=owner, name="a"))
    owner_api.get("tags")  # the token's first use of the minute is written down
    # The token, its count of calls this minute, the page of tags, and the tags' counts.
    with django_assert_num_queries(4):
        assert len(owner_api.get("tags").json()["items"]) == 1
    for name in "bcde":
        tag = Tag.objects.create(owner=owner, name=name)
        MomentFactory(owner=owner, people=[person]).tags.add(tag)
        JournalEntryFactory(owner=owner).tags.add(tag)
    with django_assert_num_queries(4):
        items = owner_api.get("tags").json()["items"]
    assert [(t["moment_count"], t["journal_entry_count"]) for t in items] == [(1, 0)] + [(1, 1)] * 4


def test_another_account_meets_nothing(owner_api, other_api, owner):
    tag = Tag.objects.create(owner=owner, name="marker")
    assert other_api.get("tags").json()["items"] == []
    for call in (
        lambda: other_api.get(f"tags/{tag.pk}"),
        lambda: other_api.patch(f"tags/{tag.pk}", {"name": "taken"}),
        lambda: other_api.delete(f"tags/{tag.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "marker" not in answer.content.decode()
    tag.refresh_from_db()
    assert tag.name == "marker"
