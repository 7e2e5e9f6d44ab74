"""The safety plan and crisis help through the API: the web's forms and rules, ETags, order,
and another account's 404."""

from __future__ import annotations

import pytest

from tending.safety.models import MAX_PER_PART, CrisisSettings, OwnCrisisLine, PlanEntry, PlanHelper
from tests.factories import OwnCrisisLineFactory, PersonFactory, PlanEntryFactory, PlanHelperFactory

pytestmark = pytest.mark.django_db

ORDER = [
    "warning-signs",
    "coping",
    "distractions",
    "helpers",
    "professionals",
    "environment",
    "reasons",
]


def section(plan: dict, key: str) -> dict:
    return next(s for s in plan["sections"] if s["key"] == key)


def test_the_whole_plan_in_the_order_it_is_used(owner_api, owner):
    PlanEntryFactory(owner=owner, part="coping", text="A hot shower", position=1)
    PlanEntryFactory(owner=owner, part="coping", text="Music", position=0)
    sam = PersonFactory(owner=owner, name="Sam", is_safe=True, phone="0170 1")
    PlanHelperFactory(person=sam)
    gone = PersonFactory(owner=owner, name="Gone", is_safe=True, is_archived=True)
    PlanHelperFactory(person=gone)
    PersonFactory(owner=owner, name="Kim", is_safe=True)
    PersonFactory(owner=owner, name="Not safe")
    OwnCrisisLineFactory(owner=owner, name="My clinic")

    plan = owner_api.get("safety-plan")
    assert plan.status_code == 200
    plan = plan.json()
    assert [s["key"] for s in plan["sections"]] == ORDER
    assert [s["step"] for s in plan["sections"]] == list(range(1, 8))
    assert [e["text"] for e in section(plan, "coping")["entries"]] == ["Music", "A hot shower"]
    helpers = section(plan, "helpers")["people"]
    assert [(h["name"], h["is_available"]) for h in helpers] == [("Sam", True), ("Gone", False)]
    assert [o["name"] for o in plan["offered"]] == ["Kim"]
    assert plan["crisis_help"]["own_lines"][0]["name"] == "My clinic"
    assert plan["crisis_help"]["country"] == "DE"  # the owner's time zone is Europe/Berlin


def test_add_change_move_and_remove_a_line(owner_api, owner):
    made = owner_api.post(
        "safety-plan/entries", {"part": "professionals", "text": "  Dr  Okafor ", "phone": "030 1"}
    )
    assert made.status_code == 201, made.content
    entry = made.json()
    assert (entry["text"], entry["phone"]) == ("Dr Okafor", "030 1")  # the form's tidying
    assert PlanEntry.objects.get(pk=entry["id"]).owner == owner
    later = owner_api.post("safety-plan/entries", {"part": "professionals", "text": "Clinic"})

    read = owner_api.get(f"safety-plan/entries/{entry['id']}")
    assert read["ETag"] == made["ETag"]
    changed = owner_api.patch(
        f"safety-plan/entries/{entry['id']}",
        {"text": "Dr Okafor, my GP"},
        **{"If-Match": read["ETag"]},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json() == entry | {"text": "Dr Okafor, my GP"}

    stale = owner_api.patch(
        f"safety-plan/entries/{entry['id']}", {"text": "Lost"}, **{"If-Match": read["ETag"]}
    )
    assert stale.status_code == 412
    assert PlanEntry.objects.get(pk=entry["id"]).text == "Dr Okafor, my GP"

    moved = owner_api.post(f"safety-plan/entries/{later.json()['id']}/move", {"direction": "up"})
    assert [e["text"] for e in moved.json()] == ["Clinic", "Dr Okafor, my GP"]
    plan = owner_api.get("safety-plan").json()
    assert [e["text"] for e in section(plan, "professionals")["entries"]] == [
        "Clinic",
        "Dr Okafor, my GP",
    ]

    late = owner_api.delete(f"safety-plan/entries/{entry['id']}", **{"If-Match": read["ETag"]})
    assert late.status_code == 412
    gone = owner_api.delete(f"safety-plan/entries/{entry['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204 and not PlanEntry.objects.filter(pk=entry["id"]).exists()


def test_a_line_needs_words_and_a_part_has_room_for_ten(owner_api, owner):
    empty = owner_api.post("safety-plan/entries", {"part": "coping", "text": "   "})
    assert empty.status_code == 422
    assert empty.json()["detail"] == [
        {"loc": ["body", "text"], "msg": "Please write a few words first.", "type": "required"}
    ]
    bad_phone = owner_api.post(
        "safety-plan/entries", {"part": "professionals", "text": "GP", "phone": "call me"}
    )
    assert bad_phone.json()["detail"][0]["loc"] == ["body", "phone"]
    assert "Please check this number" in bad_phone.json()["detail"][0]["msg"]
    assert not PlanEntry.objects.exists()

    rows = [PlanEntryFactory(owner=owner, part="coping") for _ in range(MAX_PER_PART)]
    full = owner_api.post("safety-plan/entries", {"part": "coping", "text": "One more"})
    assert full.status_code == 422 and "already has 10 lines" in full.json()["detail"][0]["msg"]
    # Changing a line of a full part is not adding one.
    changed = owner_api.patch(f"safety-plan/entries/{rows[0].pk}", {"text": "Reworded"})
    assert changed.status_code == 200, changed.content
    blank = owner_api.patch(f"safety-plan/entries/{rows[1].pk}", {"text": ""})
    assert blank.status_code == 422
    rows[1].refresh_from_db()
    assert rows[1].text != ""


def test_people_to_ask_for_help(owner_api, owner, other):
    sam = PersonFactory(owner=owner, name="Sam", is_safe=True, phone="0170 1")
    kim = PersonFactory(owner=owner, name="Kim", is_safe=True)
    unsafe = PersonFactory(owner=owner, name="Lee")
    theirs = PersonFactory(owner=other, name="Theirs", is_safe=True)

    made = owner_api.post("safety-plan/helpers", {"person_id": sam.pk})
    assert made.status_code == 201, made.content
    assert made.json() | {"id": 0} == {
        "id": 0,
        "person_id": sam.pk,
        "name": "Sam",
        "phone": "0170 1",
        "email": sam.email,
        "is_available": True,
    }
    twice = owner_api.post("safety-plan/helpers", {"person_id": sam.pk})
    assert twice.json()["detail"][0] == {
        "loc": ["body", "person_id"],
        "msg": "Sam is already in your plan.",
        "type": "invalid",
    }
    not_safe = owner_api.post("safety-plan/helpers", {"person_id": unsafe.pk})
    assert "not marked as a safe person" in not_safe.json()["detail"][0]["msg"]
    foreign = owner_api.post("safety-plan/helpers", {"person_id": theirs.pk})
    assert foreign.status_code == 422
    assert (
        foreign.json()["detail"][0]["msg"] == "Please choose one of your safe people from the list."
    )
    assert "Theirs" not in foreign.content.decode()
    assert PlanHelper.objects.count() == 1

    second = owner_api.post("safety-plan/helpers", {"person_id": kim.pk}).json()
    moved = owner_api.post(f"safety-plan/helpers/{second['id']}/move", {"direction": "up"})
    assert [h["name"] for h in moved.json()] == ["Kim", "Sam"]
    read = owner_api.get(f"safety-plan/helpers/{second['id']}")
    assert read.status_code == 200 and read.json()["name"] == "Kim"
    assert owner_api.delete(f"safety-plan/helpers/{second['id']}").status_code == 204
    assert not PlanHelper.objects.filter(pk=second["id"]).exists()
    kim.refresh_from_db()  # they stay in the circle


def test_crisis_help_for_the_caller_and_another_country(owner_api, owner):
    mine = owner_api.get("crisis-help").json()
    assert (mine["country"], mine["from_time_zone"], mine["is_elsewhere"]) == ("DE", True, False)
    assert mine["emergency"] == {"number": "112", "tel": "112", "note": ""}
    assert mine["lines"] and all(line["name"] for line in mine["lines"])

    there = owner_api.get("crisis-help?country=GB").json()
    assert (there["country"], there["is_elsewhere"]) == ("GB", True)
    assert not CrisisSettings.objects.exists()  # looking is not choosing

    chosen = owner_api.put("crisis-help/country", {"country": "GB"})
    assert chosen.status_code == 200, chosen.content
    assert (chosen.json()["country"], chosen.json()["from_time_zone"]) == ("GB", False)
    assert owner_api.get("crisis-help").json()["country"] == "GB"

    general = owner_api.put("crisis-help/country", {"country": ""}).json()
    assert general["is_general"] is True and general["country"] == ""

    wrong = owner_api.put("crisis-help/country", {"country": "XX"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"] == [
        {
            "loc": ["body", "country"],
            "msg": "Please choose a country from the list.",
            "type": "invalid_choice",
        }
    ]
    assert CrisisSettings.objects.get(owner=owner).region == ""


def test_own_crisis_numbers(owner_api, owner):
    made = owner_api.post(
        "crisis-help/own-lines", {"name": " My  clinic ", "number": "+49 30 1234", "note": "Days"}
    )
    assert made.status_code == 201, made.content
    line = made.json()
    assert (line["name"], line["tel"]) == ("My clinic", "+49301234")
    assert owner_api.get("crisis-help").json()["own_lines"] == [line]

    bad = owner_api.post("crisis-help/own-lines", {"name": "X", "number": "nope"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "number"]
    nameless = owner_api.post("crisis-help/own-lines", {"name": "  ", "number": "030 1"})
    assert nameless.json()["detail"][0]["msg"] == (
        "Please give it a name, so you know whom you are calling."
    )
    assert OwnCrisisLine.objects.count() == 1

    etag = owner_api.get(f"crisis-help/own-lines/{line['id']}")["ETag"]
    changed = owner_api.patch(
        f"crisis-help/own-lines/{line['id']}", {"note": "Weekdays 9-5"}, **{"If-Match": etag}
    )
    assert changed.status_code == 200
    assert changed.json() == line | {"note": "Weekdays 9-5"}
    stale = owner_api.patch(
        f"crisis-help/own-lines/{line['id']}", {"note": "Lost"}, **{"If-Match": etag}
    )
    assert stale.status_code == 412
    assert OwnCrisisLine.objects.get(pk=line["id"]).note == "Weekdays 9-5"
    assert owner_api.delete(f"crisis-help/own-lines/{line['id']}").status_code == 204
    assert not OwnCrisisLine.objects.exists()


@pytest.mark.parametrize("count", [1, 5])
def test_the_plan_costs_the_same_however_long(owner_api, owner, count, django_assert_num_queries):
    for n in range(count):
        PlanEntryFactory(owner=owner, part="coping")
        PlanHelperFactory(person=PersonFactory(owner=owner, name=f"Safe {n}", is_safe=True))
        OwnCrisisLineFactory(owner=owner)
    owner_api.get("safety-plan")  # the token's first call of the minute starts its count
    with django_assert_num_queries(6):  # token, rate, country, own numbers, lines, people
        plan = owner_api.get("safety-plan").json()
    assert len(section(plan, "helpers")["people"]) == count


def test_another_account_meets_nothing(owner_api, other_api, owner):
    entry = PlanEntryFactory(owner=owner, text="Marker line")
    helper = PlanHelperFactory(person=PersonFactory(owner=owner, name="Marker", is_safe=True))
    line = OwnCrisisLineFactory(owner=owner, name="Marker number")
    plan = other_api.get("safety-plan")
    assert plan.status_code == 200 and "Marker" not in plan.content.decode()
    assert "Marker" not in other_api.get("crisis-help").content.decode()
    for call in (
        lambda: other_api.get(f"safety-plan/entries/{entry.pk}"),
        lambda: other_api.patch(f"safety-plan/entries/{entry.pk}", {"text": "Taken"}),
        lambda: other_api.delete(f"safety-plan/entries/{entry.pk}"),
        lambda: other_api.post(f"safety-plan/entries/{entry.pk}/move", {"direction": "up"}),
        lambda: other_api.get(f"safety-plan/helpers/{helper.pk}"),
        lambda: other_api.delete(f"safety-plan/helpers/{helper.pk}"),
        lambda: other_api.post(f"safety-plan/helpers/{helper.pk}/move", {"direction": "up"}),
        lambda: other_api.get(f"crisis-help/own-lines/{line.pk}"),
        lambda: other_api.patch(f"crisis-help/own-lines/{line.pk}", {"name": "Taken"}),
        lambda: other_api.delete(f"crisis-help/own-lines/{line.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    entry.refresh_from_db()
    line.refresh_from_db()
    assert entry.text == "Marker line" and line.name == "Marker number"
    assert PlanHelper.objects.filter(pk=helper.pk).exists()
