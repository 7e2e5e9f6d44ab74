"""Moments through the API: the web form's rules, clock changes, filters, pages, ETags."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tending.core.models import Tag
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC
NOW = dt.datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def problems_of(answer) -> dict[tuple, str]:
    assert answer.status_code == 422, answer.content
    return {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}


def in_berlin(owner) -> None:
    owner.time_zone = "Europe/Berlin"
    owner.save(update_fields=["time_zone"])


def test_log_read_change_and_delete_a_moment(owner_api, owner):
    in_berlin(owner)
    sam, kim = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kim")
    made = owner_api.post(
        "moments",
        {
            "person_ids": [sam.pk],
            "occurred_at": "2026-03-01T18:30+00:00",
            "channel": "call",
            "self_disclosure": 3,
            "felt_understood": 4,
            "closeness_after": 6,
            "duration_minutes": 45,
            "note": "  long talk  ",
            "tags": ["Walk", "#talk", "walk"],
        },
    )
    assert made.status_code == 201, made.content
    moment = made.json()
    assert moment["person_ids"] == [sam.pk]
    assert moment["occurred_at"] == "2026-03-01T19:30:00+01:00"  # on the owner's clock
    assert moment["note"] == "long talk" and moment["tags"] == ["talk", "walk"]
    assert (moment["channel"], moment["self_disclosure"], moment["felt_understood"]) == (
        "call",
        3,
        4,
    )
    assert moment["initiated_by"] is None and moment["time_note"] == ""
    saved = Moment.objects.get(pk=moment["id"])
    assert saved.owner == owner and saved.duration_minutes == 45
    sam.refresh_from_db()
    assert sam.last_moment_at == at(2026, 3, 1, 18, 30)  # as the web keeps it

    read = owner_api.get(f"moments/{moment['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]
    assert "time_note" not in read.json()

    changed = owner_api.patch(
        f"moments/{moment['id']}",
        {"person_ids": [kim.pk], "felt_understood": None, "tags": ["calm"]},
        **{"If-Match": read["ETag"]},
    )
    assert changed.status_code == 200, changed.content
    now = changed.json()
    assert now["person_ids"] == [kim.pk] and now["tags"] == ["calm"]
    assert now["felt_understood"] is None and now["closeness_after"] == 6  # the rest stays
    assert now["note"] == "long talk" and now["occurred_at"] == moment["occurred_at"]
    assert changed["ETag"] != read["ETag"]
    sam.refresh_from_db()
    kim.refresh_from_db()
    assert sam.last_moment_at is None and kim.last_moment_at == at(2026, 3, 1, 18, 30)
    moved = owner_api.patch(f"moments/{moment['id']}", {"occurred_at": "2026-03-02T10:00"})
    assert moved.status_code == 200, moved.content
    kim.refresh_from_db()
    assert kim.last_moment_at == at(2026, 3, 2, 9, 0)  # 10:00 in Berlin
    changed = moved

    gone = owner_api.delete(f"moments/{moment['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not Moment.objects.filter(pk=moment["id"]).exists()
    kim.refresh_from_db()
    assert kim.last_moment_at is None  # delete_moments worked it out again
    assert Tag.objects.filter(owner=owner, name="calm").exists()  # tags outlive moments


def test_without_a_time_it_happened_now(owner_api, owner):
    person = PersonFactory(owner=owner)
    with time_machine.travel(NOW, tick=False):
        made = owner_api.post("moments", {"person_ids": [person.pk]})
    assert made.status_code == 201, made.content
    assert Moment.objects.get().occurred_at == NOW


def test_an_old_etag_changes_nothing(owner_api, owner):
    moment = MomentFactory(owner=owner, people=[PersonFactory(owner=owner)], note="first")
    first = owner_api.get(f"moments/{moment.pk}")["ETag"]
    assert owner_api.patch(f"moments/{moment.pk}", {"note": "one"}).status_code == 200
    late = owner_api.patch(f"moments/{moment.pk}", {"note": "two"}, **{"If-Match": first})
    assert late.status_code == 412
    assert "changed since you read it" in late.json()["detail"]
    moment.refresh_from_db()
    assert moment.note == "one"
    assert owner_api.delete(f"moments/{moment.pk}", **{"If-Match": first}).status_code == 412
    assert Moment.objects.filter(pk=moment.pk).exists()


def test_bad_input_gets_the_web_forms_messages(owner_api, owner, other):
    theirs = PersonFactory(owner=other)
    with time_machine.travel(NOW, tick=False):
        answer = owner_api.post(
            "moments",
            {
                "person_ids": [theirs.pk],
                "occurred_at": "2026-03-15T12:00+00:00",
                "duration_minutes": 1441,
                "tags": ["x" * 41],
                "note": "n" * 10_001,
            },
        )
    problems = problems_of(answer)
    assert problems[("body", "person_ids")] == "That person is not in your circle."
    assert problems[("body", "duration_minutes")].startswith("That is more than a day")
    assert "at most 40 characters" in problems[("body", "tags")]
    assert not Moment.objects.exists() and not Tag.objects.exists()

    nobody = problems_of(owner_api.post("moments", {"occurred_at": "soon"}))
    assert nobody[("body", "person_ids")] == "Who was it with? Please choose at least one person."
    assert nobody[("body", "occurred_at")] == "Please give a date and time, like 2026-03-14 18:30."

    mine = PersonFactory(owner=owner)
    with time_machine.travel(NOW, tick=False):
        ahead = owner_api.post(
            "moments", {"person_ids": [mine.pk], "occurred_at": "2026-03-14T13:00+00:00"}
        )
    assert "still to come" in problems_of(ahead)[("body", "occurred_at")]
    long_note = owner_api.post("moments", {"person_ids": [mine.pk], "note": "n" * 10_001})
    assert "10,000 characters" in problems_of(long_note)[("body", "note")]
    assert not Moment.objects.exists()


def test_a_bad_change_keeps_what_was_saved(owner_api, owner, other):
    mine = PersonFactory(owner=owner)
    moment = MomentFactory(owner=owner, people=[mine], note="kept")
    answer = owner_api.patch(
        f"moments/{moment.pk}", {"person_ids": [PersonFactory(owner=other).pk], "note": "lost?"}
    )
    assert problems_of(answer)[("body", "person_ids")] == "That person is not in your circle."
    moment.refresh_from_db()
    assert moment.note == "kept" and list(moment.people.all()) == [mine]


def test_an_archived_person_stays_on_a_moment_but_is_not_offered_for_a_new_one(owner_api, owner):
    gone = PersonFactory(owner=owner, is_archived=True)
    moment = MomentFactory(owner=owner, people=[gone])
    assert owner_api.patch(f"moments/{moment.pk}", {"note": "still"}).status_code == 200
    new = owner_api.post("moments", {"person_ids": [gone.pk]})
    assert problems_of(new)[("body", "person_ids")] == "That person is not in your circle."


def test_a_time_that_came_twice_counts_as_the_first(owner_api, owner):
    in_berlin(owner)
    person = PersonFactory(owner=owner)
    # 26 October 2025: Berlin's clocks went back from 03:00 to 02:00.
    made = owner_api.post("moments", {"person_ids": [person.pk], "occurred_at": "2025-10-26T02:30"})
    assert made.status_code == 201, made.content
    assert made.json()["occurred_at"] == "2025-10-26T02:30:00+02:00"
    assert "came twice" in made.json()["time_note"]
    assert Moment.objects.get().occurred_at == at(2025, 10, 26, 0, 30)


def test_the_second_of_a_twice_come_time_is_kept_by_a_change(owner_api, owner):
    in_berlin(owner)
    second = at(2025, 10, 26, 1, 30)  # 02:30 in Berlin, after the clocks went back
    moment = MomentFactory(owner=owner, people=[PersonFactory(owner=owner)], occurred_at=second)
    assert owner_api.get(f"moments/{moment.pk}").json()["occurred_at"].endswith("02:30:00+01:00")
    for change in ({"note": "only the note"}, {"occurred_at": "2025-10-26T02:30"}):
        answer = owner_api.patch(f"moments/{moment.pk}", change)
        assert answer.status_code == 200, answer.content
        assert answer.json()["time_note"] == ""
        moment.refresh_from_db()
        assert moment.occurred_at == second
    # With an offset, the time is that instant: here the first 02:30.
    first = owner_api.patch(f"moments/{moment.pk}", {"occurred_at": "2025-10-26T02:30+02:00"})
    assert first.status_code == 200
    moment.refresh_from_db()
    assert moment.occurred_at == at(2025, 10, 26, 0, 30)


def test_a_time_that_never_came_moves_on_by_the_jump(owner_api, owner):
    in_berlin(owner)
    person = PersonFactory(owner=owner)
    # 30 March 2025: Berlin's clocks went forward from 02:00 to 03:00.
    made = owner_api.post("moments", {"person_ids": [person.pk], "occurred_at": "2025-03-30T02:30"})
    assert made.status_code == 201, made.content
    assert made.json()["occurred_at"] == "2025-03-30T03:30:00+02:00"
    assert "there was no 02:30; tending saved 03:30" in made.json()["time_note"]


def test_filters_as_on_the_list_of_moments(owner_api, owner):
    in_berlin(owner)
    sam, kim = PersonFactory(owner=owner), PersonFactory(owner=owner)
    walk = Tag.objects.create(owner=owner, name="walk")
    # 1 March in Berlin runs from 28 February 23:00 to 1 March 23:00 UTC.
    early = MomentFactory(owner=owner, people=[sam], occurred_at=at(2026, 2, 28, 22, 59))
    first = MomentFactory(owner=owner, people=[sam], occurred_at=at(2026, 2, 28, 23, 0))
    last = MomentFactory(owner=owner, people=[kim], occurred_at=at(2026, 3, 1, 22, 59))
    late = MomentFactory(owner=owner, people=[kim, sam], occurred_at=at(2026, 3, 1, 23, 0))
    last.tags.add(walk)

    def ids(query: str) -> list[int]:
        answer = owner_api.get(f"moments?{query}")
        assert answer.status_code == 200, answer.content
        return [m["id"] for m in answer.json()["items"]]

    assert ids("") == [late.pk, last.pk, first.pk, early.pk]  # newest first
    assert ids(f"person_id={sam.pk}") == [late.pk, first.pk, early.pk]
    assert ids("tag=walk") == ids("tag=%23Walk") == [last.pk]  # tidied as tags are kept
    assert ids("since=2026-03-01&until=2026-03-01") == [last.pk, first.pk]
    assert ids(f"since=2026-03-01&person_id={kim.pk}") == [late.pk, last.pk]
    assert ids("until=2026-02-28") == [early.pk]


def test_a_bad_filter_is_named(owner_api, owner, other):
    theirs = PersonFactory(owner=other)
    MomentFactory(owner=other, people=[theirs]).tags.add(Tag.objects.create(owner=other, name="x"))
    answer = owner_api.get(f"moments?person_id={theirs.pk}&tag=x&since=2026-03-02&until=2026-03-01")
    problems = problems_of(answer)
    assert problems[("query", "person_id")] == "That person is not in your circle."
    assert problems[("query", "tag")] == "There is no such tag."
    assert problems[("query", "until")] == "This is before the “From” date."
    assert problems_of(owner_api.get("moments?since=1066-10-14"))[("query", "since")]
    # As on the web, a tag is a filter once a moment carries it; a name that is no tag, too.
    Tag.objects.create(owner=owner, name="unused")
    for name in ("unused", ",", "%20"):
        unused = owner_api.get(f"moments?tag={name}")
        assert problems_of(unused) == {("query", "tag"): "There is no such tag."}


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    person = PersonFactory(owner=owner)
    same_time = at(2026, 3, 1, 12, 0)
    made = [MomentFactory(owner=owner, people=[person], occurred_at=same_time) for _ in range(4)]
    made += [
        MomentFactory(owner=owner, people=[person], occurred_at=at(2026, 3, d, 9, 0))
        for d in (2, 3, 4)
    ]
    expected = [m.pk for m in sorted(made, key=lambda m: (m.occurred_at, m.pk), reverse=True)]
    seen, cursor = [], None
    for _ in range(5):
        query = "moments?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = owner_api.get(query).json()
        seen += [m["id"] for m in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == expected


def test_the_list_reads_the_same_few_queries_however_long(
    owner_api, owner, django_assert_num_queries
):
    person = PersonFactory(owner=owner)
    tag = Tag.objects.create(owner=owner, name="walk")
    MomentFactory(owner=owner, people=[person]).tags.add(tag)
    owner_api.get("moments")  # the token's first use of the minute is written down
    query = f"moments?person_id={person.pk}&tag=walk&since=2020-01-01"
    with django_assert_num_queries(6):
        assert len(owner_api.get(query).json()["items"]) == 1
    for _ in range(4):
        MomentFactory(owner=owner, people=[person, PersonFactory(owner=owner)]).tags.add(tag)
    with django_assert_num_queries(6):
        page = owner_api.get(query).json()["items"]
    assert len(page) == 5 and all(m["tags"] == ["walk"] for m in page)


def test_another_account_meets_nothing(owner_api, other_api, owner):
    person = PersonFactory(owner=owner, name="Marker")
    moment = MomentFactory(owner=owner, people=[person], note="Marker note")
    assert other_api.get("moments").json()["items"] == []
    for call in (
        lambda: other_api.get(f"moments/{moment.pk}"),
        lambda: other_api.patch(f"moments/{moment.pk}", {"note": "Taken"}),
        lambda: other_api.delete(f"moments/{moment.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    stolen = other_api.post("moments", {"person_ids": [person.pk]})
    assert stolen.status_code == 422 and "Marker" not in stolen.content.decode()
    moment.refresh_from_db()
    assert moment.note == "Marker note" and Moment.objects.count() == 1
