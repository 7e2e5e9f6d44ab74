"""People through the API: the web's rules, pages, ETags, and another account's 404."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from tending.circle.models import ClosenessRating, Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_add_read_change_and_delete_a_person(owner_api, owner):
    made = owner_api.post("people", {"name": "  Sam  Lee ", "ring": "inner", "closeness": 5})
    assert made.status_code == 201, made.content
    person = made.json()
    assert person["name"] == "Sam Lee"  # the web form's tidying
    assert person["rhythm_days"] == 7 and person["closeness"] == 5 and person["drift"] == "never"
    assert Person.objects.get(pk=person["id"]).owner == owner

    read = owner_api.get(f"people/{person['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]

    changed = owner_api.patch(
        f"people/{person['id']}", {"notes": "met at the choir"}, **{"If-Match": read["ETag"]}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["notes"] == "met at the choir"
    assert changed.json()["name"] == "Sam Lee" and changed.json()["ring"] == "inner"
    assert changed["ETag"] != read["ETag"]

    gone = owner_api.delete(f"people/{person['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not Person.objects.filter(pk=person["id"]).exists()


def test_an_old_etag_changes_nothing(owner_api, owner):
    person = PersonFactory(owner=owner, name="Ada")
    first = owner_api.get(f"people/{person.pk}")["ETag"]
    assert owner_api.patch(f"people/{person.pk}", {"notes": "one"}).status_code == 200
    late = owner_api.patch(f"people/{person.pk}", {"notes": "two"}, **{"If-Match": first})
    assert late.status_code == 412
    assert "changed since you read it" in late.json()["detail"]
    person.refresh_from_db()
    assert person.notes == "one"
    assert owner_api.delete(f"people/{person.pk}", **{"If-Match": first}).status_code == 412
    assert Person.objects.filter(pk=person.pk).exists()


def test_bad_input_gets_the_web_forms_message(owner_api, owner):
    answer = owner_api.post("people", {"name": "   ", "birthday_day": 31, "birthday_month": 2})
    assert answer.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}
    assert "Please give a name" in problems[("body", "name")]
    assert problems[("body", "birthday_day")] == "That day does not exist in that month."
    assert not Person.objects.exists()


def test_a_bad_change_keeps_what_was_saved(owner_api, owner):
    person = PersonFactory(owner=owner, name="Ada", notes="kept")
    answer = owner_api.patch(f"people/{person.pk}", {"name": "", "notes": "lost?"})
    assert answer.status_code == 422
    person.refresh_from_db()
    assert (person.name, person.notes) == ("Ada", "kept")


def test_the_list_shows_each_persons_latest_closeness(owner_api, owner):
    day = dt.date(2026, 3, 1)
    rated = {}
    for name, values in (("Ada", [(0, 2), (5, 6), (3, 4)]), ("Bo", [(1, 7), (1, 3)]), ("Cy", [])):
        person = PersonFactory(owner=owner, name=name)
        for days, value in values:  # the later day wins; on one day, the later rating
            ClosenessRating.objects.create(
                owner=owner, person=person, value=value, rated_on=day + dt.timedelta(days=days)
            )
        rated[name] = owner_api.get(f"people/{person.pk}").json()["closeness"]
    listed = {p["name"]: p["closeness"] for p in owner_api.get("people").json()["items"]}
    assert listed == rated == {"Ada": 6, "Bo": 3, "Cy": None}


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    names = [f"Person {i:02}" for i in range(7)]
    for name in reversed(names):
        PersonFactory(owner=owner, name=name)
    seen, cursor = [], None
    for _ in range(5):
        query = "people?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = owner_api.get(query).json()
        seen += [p["name"] for p in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == names


DEEP = base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).decode()  # deeper than Python reads


@pytest.mark.parametrize("cursor", ["zzz", "WyJ4Il0", "WyJ4IiwiMSJd", "W10", "WzEsdHJ1ZV0", DEEP])
def test_a_made_up_cursor_is_refused(owner_api, owner, cursor):
    PersonFactory(owner=owner)
    answer = owner_api.get(f"people?cursor={cursor}")
    assert answer.status_code == 400
    assert "cursor" in answer.json()["detail"]


def test_filters_as_on_the_circle_page(owner_api, owner):
    PersonFactory(owner=owner, name="Kin", kind="family")
    PersonFactory(owner=owner, name="Pal", kind="friend")
    PersonFactory(owner=owner, name="Gone", kind="friend", is_archived=True)
    assert [p["name"] for p in owner_api.get("people?kind=family").json()["items"]] == ["Kin"]
    assert [p["name"] for p in owner_api.get("people").json()["items"]] == ["Kin", "Pal"]
    assert [p["name"] for p in owner_api.get("people?archived=true").json()["items"]] == ["Gone"]


def test_closeness_history(owner_api, owner):
    person = PersonFactory(owner=owner)
    assert owner_api.post(f"people/{person.pk}/closeness", {"value": 3}).status_code == 201
    too_close = owner_api.post(f"people/{person.pk}/closeness", {"value": 9})
    assert too_close.status_code == 422
    history = owner_api.get(f"people/{person.pk}/closeness").json()
    assert [r["value"] for r in history] == [3]
    assert owner_api.get(f"people/{person.pk}").json()["closeness"] == 3


def test_another_account_meets_nothing(owner_api, other_api, owner):
    person = PersonFactory(owner=owner, name="Marker")
    ClosenessRating.objects.create(owner=owner, person=person, value=4)
    assert other_api.get("people").json()["items"] == []
    for call in (
        lambda: other_api.get(f"people/{person.pk}"),
        lambda: other_api.patch(f"people/{person.pk}", {"name": "Taken"}),
        lambda: other_api.delete(f"people/{person.pk}"),
        lambda: other_api.get(f"people/{person.pk}/closeness"),
        lambda: other_api.post(f"people/{person.pk}/closeness", {"value": 2}),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    person.refresh_from_db()
    assert person.name == "Marker" and person.closeness_ratings.count() == 1


def test_the_schemas_refusals_name_the_field_as_the_forms_do(owner_api):
    answer = owner_api.post("people", {"name": ["not", "a", "name"], "ring": "nowhere"})
    assert answer.status_code == 422
    places = {tuple(p["loc"]) for p in answer.json()["detail"]}
    assert places == {("body", "name"), ("body", "ring")}
    assert not Person.objects.exists()


def test_the_schemas_refusals_speak_as_the_forms_do(owner_api):
    answer = owner_api.post("people", {"name": "n" * 101, "ring": "nowhere"})
    assert answer.status_code == 422
    said = {p["loc"][-1]: (p["type"], p["msg"]) for p in answer.json()["detail"]}
    assert said == {
        "name": ("string_too_long", "Please keep this to 100 characters."),
        "ring": ("literal_error", "Please choose one of: 'inner', 'middle' or 'outer'."),
    }
    assert all(set(p) == {"loc", "msg", "type"} for p in answer.json()["detail"])
    assert not Person.objects.exists()


def test_a_token_reads_days_in_its_owners_time_zone(owner, time_machine):
    import datetime as dt

    from tending.api.tokens import make_token
    from tests.api.conftest import ApiClient

    owner.time_zone = "Pacific/Auckland"
    owner.save()
    person = PersonFactory(owner=owner)
    # 20:00 in London on 1 March is already 2 March in Auckland.
    time_machine.move_to(dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.UTC))
    client = ApiClient(make_token(owner, "nz", can_write=True, days=None)[1])
    rated = client.post(f"people/{person.pk}/closeness", {"value": 4})
    assert rated.json()["rated_on"] == "2026-03-02"


def test_deleting_someone_from_an_old_copy_notices_a_moment_logged_meanwhile(owner_api, owner):
    person = PersonFactory(owner=owner, name="Sam")
    old = owner_api.get(f"people/{person.pk}")["ETag"]
    logged = owner_api.post("moments", {"person_ids": [person.pk]})
    assert logged.status_code == 201, logged.content
    assert owner_api.delete(f"people/{person.pk}", **{"If-Match": old}).status_code == 412
    assert Person.objects.filter(pk=person.pk).exists()


def test_null_on_a_yes_no_field_leaves_it_as_it_is(owner_api, owner):
    person = PersonFactory(owner=owner, name="Sam", is_safe=True)
    answer = owner_api.patch(f"people/{person.pk}", {"is_safe": None, "notes": "kind"})
    assert answer.status_code == 200 and answer.json()["is_safe"] is True
    person.refresh_from_db()
    assert person.is_safe and person.notes == "kind"


def test_a_weak_etag_matches_nothing(owner_api, owner):
    person = PersonFactory(owner=owner, name="Sam")
    etag = owner_api.get(f"people/{person.pk}")["ETag"]
    weak = owner_api.patch(f"people/{person.pk}", {"notes": "x"}, **{"If-Match": f"W/{etag}"})
    assert weak.status_code == 412


@pytest.mark.parametrize(
    "values", [["9999-12-31T23:59:59-23:59", 1], ["0001-01-01T00:00:00+23:59", 1], ["x", 1]]
)
def test_a_cursor_past_the_calendars_edge_is_refused(owner_api, owner, values):
    import base64
    import json

    cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")
    answer = owner_api.get(f"moments?cursor={cursor}")
    assert answer.status_code == 400


def test_a_nul_in_the_address_is_refused(owner_api, owner):
    for query in ("moments?tag=a%00b", "journal?prompt_id=a%00b", "checkins?instrument=a%00b"):
        answer = owner_api.get(query)
        assert answer.status_code == 400, query
        assert "NUL" in answer.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "Sam\\ud800 Lee"}',  # half of a pair, alone
        '{"name": "Sam", "notes": "\\udfff"}',
        '{"name\\ud800": "Sam"}',
    ],
)
def test_a_body_with_half_a_character_is_refused_and_saves_nothing(owner_api, body):
    answer = owner_api.client.post(
        "/api/v1/people", body, content_type="application/json", headers=owner_api.headers
    )
    assert answer.status_code == 400, answer.content
    assert answer.json() == {"detail": "Cannot parse request body"}
    assert not Person.objects.exists()


def test_a_whole_pair_is_one_character_and_kept(owner_api):
    body = '{"name": "Sam \\ud83c\\udf3f"}'  # a herb, written as its two halves
    answer = owner_api.client.post(
        "/api/v1/people", body, content_type="application/json", headers=owner_api.headers
    )
    assert answer.status_code == 201, answer.content
    assert Person.objects.get().name == "Sam \U0001f33f"
