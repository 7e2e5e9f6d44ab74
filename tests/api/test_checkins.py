"""Check-ins through the API: definitions, answering (the web's scoring and safety rule),
history with filters and pages, reading a result, deleting, and another account's 404."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft
from tending.checkins.registry import get_instrument
from tending.checkins.scoring import score
from tending.checkins.services import save_checkin
from tests.factories import OwnCrisisLineFactory

pytestmark = pytest.mark.django_db

SELF_HARM_MESSAGE = get_instrument("hard-days").safety_rules[0].message


def answer(api, instrument: str, answers: dict):
    return api.post("checkins", {"instrument": instrument, "answers": answers})


def taken(owner, instrument: str, value: int, at: datetime) -> CheckIn:
    inst = get_instrument(instrument)
    checkin = save_checkin(owner, inst, {item.id: value for item in inst.scored_items})
    CheckIn.objects.filter(pk=checkin.pk).update(taken_at=at)
    checkin.refresh_from_db()
    return checkin


def test_definitions_say_what_each_check_in_asks(owner_api, owner):
    listed = owner_api.get("checkin-definitions")
    assert listed.status_code == 200
    ids = [d["id"] for d in listed.json()]
    assert "connection" in ids and "hard-days" in ids and "daily-pulse" in ids
    one = owner_api.get("checkin-definitions/connection").json()
    inst = get_instrument("connection")
    assert one["title"] == "Connection" and one["description"] == inst.description
    assert [i["id"] for i in one["items"]] == ["companionship", "left-out", "isolated"]
    assert one["items"][0]["number"] == 1
    assert one["items"][0]["choices"] == [
        {"value": 1, "label": "Hardly ever"},
        {"value": 2, "label": "Sometimes"},
        {"value": 3, "label": "Often"},
    ]
    assert (one["score_low"], one["score_high"]) == (3, 9)
    assert [b["label"] for b in one["bands"]] == ["Not often lonely", "Often lonely"]
    assert (one["frequency"], one["how_often"], one["due"]) == ("weekly", "Every week", True)
    hard = owner_api.get("checkin-definitions/hard-days").json()
    assert [i["scored"] for i in hard["items"]] == [True, True, False]


def test_a_definition_follows_the_callers_choices(owner_api, owner):
    CheckInChoice.objects.create(owner=owner, instrument_id="hard-days", frequency="off")
    taken(owner, "connection", 2, datetime.now(UTC))
    CheckInDraft.objects.create(owner=owner, instrument_id="connection", answers={})
    hard = owner_api.get("checkin-definitions/hard-days").json()
    assert (hard["frequency"], hard["how_often"], hard["due"]) == ("off", "Off", False)
    connection = owner_api.get("checkin-definitions/connection").json()
    assert connection["due"] is False and connection["unfinished"] is True
    assert connection["last_taken_at"] is not None


def test_an_unknown_definition_is_not_found(owner_api):
    assert owner_api.get("checkin-definitions/no-such-thing").status_code == 404


def test_answering_scores_as_the_web_does_and_keeps_it(owner_api, owner):
    CheckInDraft.objects.create(owner=owner, instrument_id="connection", answers={"isolated": 1})
    answers = {"companionship": 3, "left-out": 2, "isolated": 2}
    made = answer(owner_api, "connection", answers)
    assert made.status_code == 201, made.content
    result = made.json()
    expected = score(get_instrument("connection"), answers)
    assert result["total"] == expected.total == 7
    assert result["band"] == expected.band.label == "Often lonely"
    assert result["meaning"] == expected.band.meaning
    assert result["change"] is None and result["safety"] is None
    assert result["answered"][0] == {
        "item_id": "companionship",
        "question": "How often do you feel you don't have enough company?",
        "value": 3,
        "answer": "Often",
    }
    assert owner_api.get(f"checkins/{result['id']}")["ETag"] == made["ETag"]
    stored = CheckIn.objects.get(pk=result["id"])
    assert stored.owner == owner and stored.answers == answers and stored.total == 7
    assert not CheckInDraft.objects.filter(owner=owner).exists()  # finished: the draft goes

    again = answer(owner_api, "connection", {"companionship": 1, "left-out": 1, "isolated": 2})
    change = again.json()["change"]
    assert change["previous_id"] == result["id"] and change["previous_total"] == 7
    assert (change["delta"], change["direction"], change["words"]) == (-3, "better", "better")


def test_a_safety_rule_brings_its_words_and_the_callers_crisis_lines(
    owner_api, owner, owner_client
):
    OwnCrisisLineFactory(owner=owner, name="My clinic", number="030 1234 5678")
    made = answer(owner_api, "hard-days", {"little-interest": 1, "feeling-low": 2, "self-harm": 1})
    assert made.status_code == 201, made.content
    result = made.json()
    assert result["safety_fired"] is True
    assert result["meaning"] is None  # as on the web: only the band's name under a safety rule
    safety = result["safety"]
    assert safety["messages"] == [SELF_HARM_MESSAGE]
    help_ = safety["crisis_help"]
    assert help_["country"] == "DE" and help_["emergency"]["number"] == "112"
    assert [o["name"] for o in help_["own_lines"]] == ["My clinic"]
    # What the web's result page shows: the same words and the same lines.
    page = owner_client.get(reverse("checkins:result", args=[result["id"]])).content.decode()
    assert "Here is help you can reach straight away." in page
    for line in help_["lines"]:
        assert line["name"] in page and f"tel:{line['tel']}" in page
    assert "tel:03012345678" in page

    calm = answer(owner_api, "hard-days", {"little-interest": 0, "feeling-low": 0, "self-harm": 0})
    assert calm.json()["safety"] is None and calm.json()["meaning"] is not None


def test_bad_answers_get_the_web_forms_message_and_nothing_is_kept(owner_api, owner):
    missing = answer(owner_api, "connection", {"companionship": 1, "isolated": 2})
    assert missing.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in missing.json()["detail"]}
    assert problems == {("body", "answers", "left-out"): "Please answer this one."}
    assert missing.json()["safety"] is None

    wrong = answer(owner_api, "connection", {"companionship": 7, "left-out": 1, "isolated": 1})
    problems = {tuple(p["loc"]): p["msg"] for p in wrong.json()["detail"]}
    assert problems == {("body", "answers", "companionship"): "Please pick one of the answers."}

    stray = answer(
        owner_api, "connection", {"companionship": 1, "left-out": 1, "isolated": 1, "mood": 2}
    )
    assert stray.status_code == 422
    assert stray.json()["detail"][0]["loc"] == ["body", "answers", "mood"]

    unknown = answer(owner_api, "no-such-check", {"a": 1})
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0] == {
        "loc": ["body", "instrument"],
        "msg": "There is no such check-in.",
        "type": "unknown",
    }
    not_a_number = answer(owner_api, "connection", {"companionship": True})
    assert not_a_number.status_code == 422
    assert not CheckIn.objects.exists()


def test_a_risky_answer_brings_help_even_when_the_set_is_refused(owner_api, owner):
    refused = answer(owner_api, "hard-days", {"self-harm": 3})
    assert refused.status_code == 422
    assert {tuple(p["loc"]) for p in refused.json()["detail"]} == {
        ("body", "answers", "little-interest"),
        ("body", "answers", "feeling-low"),
    }
    assert refused.json()["safety"]["messages"] == [SELF_HARM_MESSAGE]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("typed_wrong", ["1", True, 1.5, [1], {"v": 1}])
def test_a_badly_typed_answer_is_refused_at_its_question_and_help_still_comes(
    owner_api, owner, typed_wrong
):
    refused = answer(
        owner_api,
        "hard-days",
        {"self-harm": 2, "little-interest": typed_wrong, "feeling-low": 1},
    )
    assert refused.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in refused.json()["detail"]}
    assert list(problems) == [("body", "answers", "little-interest")]
    assert "value of one of its answers" in problems[("body", "answers", "little-interest")]
    assert refused.json()["safety"]["messages"] == [SELF_HARM_MESSAGE]
    assert not CheckIn.objects.exists()


def test_read_a_result_and_delete_it_with_its_etag(owner_api, owner):
    first = taken(owner, "connection", 1, datetime(2026, 1, 5, 9, tzinfo=UTC))
    second = taken(owner, "connection", 3, datetime(2026, 1, 12, 9, tzinfo=UTC))
    read = owner_api.get(f"checkins/{second.pk}")
    assert read.status_code == 200
    shown = read.json()
    assert shown["total"] == 9 and shown["change"]["previous_id"] == first.pk
    assert shown["change"]["direction"] == "worse" and shown["change"]["words"] == "harder"
    assert shown["taken_at"].startswith("2026-01-12T09:00:00")

    # A stale copy: the result was changed (rescored) since it was read.
    CheckIn.objects.filter(pk=second.pk).update(total=8)
    stale = owner_api.delete(f"checkins/{second.pk}", **{"If-Match": read["ETag"]})
    assert stale.status_code == 412 and CheckIn.objects.filter(pk=second.pk).exists()

    fresh = owner_api.get(f"checkins/{second.pk}")["ETag"]
    assert fresh != read["ETag"]
    assert owner_api.delete(f"checkins/{second.pk}", **{"If-Match": fresh}).status_code == 204
    assert not CheckIn.objects.filter(pk=second.pk).exists()
    assert owner_api.get(f"checkins/{second.pk}").status_code == 404
    assert owner_api.get(f"checkins/{first.pk}").json()["change"] is None


def test_the_history_filters_as_the_web_does(owner_api, owner):
    # Berlin is an hour ahead of UTC in January: 23:30 UTC is already the next day there.
    late = taken(owner, "connection", 2, datetime(2026, 1, 1, 23, 30, tzinfo=UTC))
    early = taken(owner, "connection", 1, datetime(2026, 1, 1, 8, 0, tzinfo=UTC))
    mood = taken(owner, "hard-days", 1, datetime(2026, 1, 3, 8, 0, tzinfo=UTC))

    def ids(query: str) -> list[int]:
        answered = owner_api.get(f"checkins{query}")
        assert answered.status_code == 200, answered.content
        return [c["id"] for c in answered.json()["items"]]

    assert ids("") == [mood.pk, late.pk, early.pk]  # newest first
    assert ids("?instrument=connection") == [late.pk, early.pk]
    assert ids("?since=2026-01-02") == [mood.pk, late.pk]
    assert ids("?until=2026-01-01") == [early.pk]
    assert ids("?since=2026-01-02&until=2026-01-02") == [late.pk]
    assert ids("?instrument=nothing-like-it") == []
    assert owner_api.get("checkins?since=0001-01-01").status_code == 422


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    made = [taken(owner, "connection", 2, start + timedelta(hours=h)) for h in range(5)]
    # Two taken at the very same moment: the id keeps them apart.
    made.append(taken(owner, "connection", 3, start + timedelta(hours=4)))
    seen, cursor = [], None
    for _ in range(6):
        page = owner_api.get("checkins?limit=2" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    expected = sorted(made, key=lambda c: (c.taken_at, c.pk), reverse=True)
    assert seen == [c.pk for c in expected]


@pytest.mark.parametrize("count", [1, 5])
def test_the_list_costs_the_same_however_long(owner_api, owner, count, django_assert_num_queries):
    for hour in range(count):
        taken(owner, "connection", 2, datetime(2026, 3, 1, hour, tzinfo=UTC))
    owner_api.get("checkins")  # the token's first call of the minute starts its count
    with django_assert_num_queries(3):  # the token, its rate count, the page
        answered = owner_api.get("checkins")
    assert len(answered.json()["items"]) == count


def test_another_account_meets_nothing(owner_api, other_api, owner):
    mine = taken(owner, "connection", 2, datetime(2026, 1, 5, tzinfo=UTC))
    assert other_api.get("checkins").json()["items"] == []
    assert other_api.get(f"checkins/{mine.pk}").status_code == 404
    assert other_api.delete(f"checkins/{mine.pk}").status_code == 404
    assert other_api.get("checkin-definitions/connection").json()["last_taken_at"] is None
    assert CheckIn.objects.filter(pk=mine.pk).exists()
