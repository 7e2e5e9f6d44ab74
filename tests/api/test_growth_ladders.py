"""Conversation ladders through the API: starting one, the prompt and whose turn, moving on
once however often it is asked (a stale place changes nothing), stopping, the history, and
another account's 404."""

from __future__ import annotations

import pytest

from tending.growth.ladders import ladder
from tending.growth.models import LadderSession
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SETS = ladder()
LAST_SET, LAST_PROMPT = len(SETS) - 1, len(SETS[-1].prompts) - 1


def a_session(owner, person=None, **fields) -> LadderSession:
    person = person or PersonFactory(owner=owner, name="Sam")
    return LadderSession.objects.create(owner=owner, person=person, **fields)


def test_start_and_climb_a_ladder(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    made = owner_api.post("ladders", {"person_id": sam.pk, "first": "them"})
    assert made.status_code == 201, made.content
    ladder_ = made.json()
    assert ladder_["person_name"] == "Sam" and ladder_["first"] == "them"
    assert (ladder_["set_index"], ladder_["prompt_index"]) == (0, 0)
    assert ladder_["turn"]["prompt"] == SETS[0].prompts[0]
    assert ladder_["turn"]["you_first"] is False and ladder_["how_far"] == "just begun"
    assert LadderSession.objects.get(pk=ladder_["id"]).owner == owner

    moved = owner_api.post(
        f"ladders/{ladder_['id']}/move", {"action": "answered", "set_index": 0, "prompt_index": 0}
    )
    assert moved.status_code == 200, moved.content
    after = moved.json()
    assert (after["prompt_index"], after["answered"], after["passed"]) == (1, 1, 0)
    assert after["turn"]["prompt"] == SETS[0].prompts[1] and after["turn"]["you_first"] is True
    assert after["where"] == f"prompt 2 of {len(SETS[0].prompts)} in the first set"

    passed = owner_api.post(
        f"ladders/{ladder_['id']}/move", {"action": "pass", "set_index": 0, "prompt_index": 1}
    )
    assert (passed.json()["prompt_index"], passed.json()["passed"]) == (2, 1)


def test_a_stale_place_moves_nothing(owner_api, owner):
    session = a_session(owner, set_index=1, prompt_index=3, answered=15)
    twice = {"action": "answered", "set_index": 1, "prompt_index": 3}
    assert owner_api.post(f"ladders/{session.pk}/move", twice).status_code == 200
    again = owner_api.post(f"ladders/{session.pk}/move", twice)
    assert again.status_code == 409
    assert "read the ladder again" in again.json()["detail"]
    session.refresh_from_db()
    assert (session.set_index, session.prompt_index, session.answered) == (1, 4, 16)


def test_an_old_etag_moves_nothing(owner_api, owner):
    session = a_session(owner)
    etag = owner_api.get(f"ladders/{session.pk}")["ETag"]
    here = {"action": "answered", "set_index": 0, "prompt_index": 0}
    assert owner_api.post(f"ladders/{session.pk}/move", here).status_code == 200
    there = {"action": "pass", "set_index": 0, "prompt_index": 1}
    late = owner_api.post(f"ladders/{session.pk}/move", there, **{"If-Match": etag})
    assert late.status_code == 412
    session.refresh_from_db()
    assert (session.prompt_index, session.passed) == (1, 0)
    assert owner_api.delete(f"ladders/{session.pk}", **{"If-Match": etag}).status_code == 412
    assert LadderSession.objects.filter(pk=session.pk).exists()


def test_moving_on_needs_the_place(owner_api, owner):
    session = a_session(owner)
    answer = owner_api.post(f"ladders/{session.pk}/move", {"action": "answered", "set_index": 0})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "prompt_index"]
    session.refresh_from_db()
    assert session.answered == 0


def test_the_last_prompt_finishes_the_ladder(owner_api, owner):
    session = a_session(owner, set_index=LAST_SET, prompt_index=LAST_PROMPT)
    last = {"action": "answered", "set_index": LAST_SET, "prompt_index": LAST_PROMPT}
    done = owner_api.post(f"ladders/{session.pk}/move", last).json()
    assert done["finished"] is True and done["finished_at"] is not None
    assert done["turn"] is None and done["where"] is None and done["how_far"] == "all three sets"
    beyond = {"action": "answered", "set_index": LAST_SET + 1, "prompt_index": 0}
    answer = owner_api.post(f"ladders/{session.pk}/move", beyond)
    assert answer.status_code == 409 and "to the end" in answer.json()["detail"]


def test_stopping_keeps_the_place(owner_api, owner):
    session = a_session(owner, set_index=1, prompt_index=2)
    before = session.updated_at
    stopped = owner_api.post(f"ladders/{session.pk}/move", {"action": "stop"})
    assert stopped.status_code == 200
    assert (stopped.json()["set_index"], stopped.json()["prompt_index"]) == (1, 2)
    session.refresh_from_db()
    assert session.updated_at > before and session.finished_at is None


def test_only_ones_own_people(owner_api, owner, other):
    theirs = PersonFactory(owner=other)
    answer = owner_api.post("ladders", {"person_id": theirs.pk})
    assert answer.status_code == 422
    assert answer.json()["detail"][0] == {
        "loc": ["body", "person_id"],
        "msg": "That person is not in your circle.",
        "type": "invalid_choice",
    }
    assert not LadderSession.objects.exists()


def test_filters_give_one_persons_history(owner_api, owner):
    sam, ada = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Ada")
    first = a_session(owner, sam)
    finished = a_session(owner, sam, set_index=LAST_SET + 1, answered=36)
    finished.finished_at = finished.updated_at
    finished.save()
    other = a_session(owner, ada)
    ids = lambda q: [s["id"] for s in owner_api.get(q).json()["items"]]  # noqa: E731
    assert ids(f"ladders?person_id={sam.pk}") == [finished.pk, first.pk]
    assert ids("ladders?finished=true") == [finished.pk]
    assert ids("ladders?finished=false") == [other.pk, first.pk]
    assert ids("ladders") == [other.pk, finished.pk, first.pk]  # the last climbed first


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    sam = PersonFactory(owner=owner)
    made = [a_session(owner, sam) for _ in range(5)]
    first = owner_api.get("ladders?limit=3").json()
    second = owner_api.get(f"ladders?limit=3&cursor={first['next']}").json()
    seen = [s["id"] for s in first["items"] + second["items"]]
    assert seen == [s.pk for s in reversed(made)] and second["next"] is None


def test_the_list_reads_the_same_few_queries_however_long(
    owner_api, owner, django_assert_num_queries
):
    a_session(owner)
    owner_api.get("ladders")  # the token's first use of the minute is written down
    with django_assert_num_queries(3):
        assert len(owner_api.get("ladders").json()["items"]) == 1
    for i in range(4):
        a_session(owner, PersonFactory(owner=owner, name=f"P{i}"))
    with django_assert_num_queries(3):
        assert len(owner_api.get("ladders").json()["items"]) == 5


def test_delete_a_session(owner_api, owner):
    session = a_session(owner)
    etag = owner_api.get(f"ladders/{session.pk}")["ETag"]
    assert owner_api.delete(f"ladders/{session.pk}", **{"If-Match": etag}).status_code == 204
    assert not LadderSession.objects.filter(pk=session.pk).exists()


def test_another_account_meets_no_ladder(owner_api, other_api, owner):
    session = a_session(owner, PersonFactory(owner=owner, name="Marker"), prompt_index=2)
    assert other_api.get("ladders").json()["items"] == []
    here = {"action": "answered", "set_index": 0, "prompt_index": 2}
    for call in (
        lambda: other_api.get(f"ladders/{session.pk}"),
        lambda: other_api.post(f"ladders/{session.pk}/move", here),
        lambda: other_api.post(f"ladders/{session.pk}/move", {"action": "stop"}),
        lambda: other_api.delete(f"ladders/{session.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    before = session.updated_at
    session.refresh_from_db()
    assert (session.prompt_index, session.answered, session.updated_at) == (2, 0, before)
