"""A link to the full moment form may fill some of it in (a conversation ladder's "Log a
moment" does): the person, how much was shared, how long, how and a short note. A value the
form does not offer is left out without a word."""

import re

import pytest
from django.urls import reverse

from tending.moments.models import Moment
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def shown(client, query: str) -> dict:
    """The values the form shows (its initial ones, before anything is typed)."""
    form = client.get(reverse("moments:add") + query).context["form"]
    names = ("people", "self_disclosure", "other_disclosure", "duration_minutes", "channel", "note")
    return {name: form[name].value() for name in names}


def test_a_link_fills_in_the_person_sharing_minutes_channel_and_note(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    query = f"?person={sam.pk}&sharing=3&minutes=45&channel=video&note=A+conversation+ladder"
    response = owner_client.get(reverse("moments:add") + query)
    assert response.status_code == 200
    values = shown(owner_client, query)
    assert [str(v) for v in values["people"]] == [str(sam.pk)]
    assert values["self_disclosure"] == values["other_disclosure"] == 3
    assert (values["duration_minutes"], values["channel"]) == (45, "video")
    assert values["note"] == "A conversation ladder"
    html = response.content.decode()
    for name in ("self_disclosure", "other_disclosure"):
        (tag,) = re.findall(rf'<input type="radio" name="{name}" value="3"[^>]*>', html)
        assert " checked" in tag
    assert 'name="duration_minutes" value="45"' in html
    assert re.search(r'<textarea name="note"[^>]*>\s*A conversation ladder</textarea>', html)


@pytest.mark.parametrize(
    "query",
    [
        "?sharing=5&minutes=0&channel=pigeon",
        "?sharing=-1&minutes=1441&channel=IN-PERSON",
        "?sharing=three&minutes=abc&channel=",
        "?sharing=²&minutes=٤٥&note=" + "x" * 201,
        "?sharing=&minutes=99999999999999999999&note=%00hidden",
    ],
)
def test_values_the_form_does_not_offer_are_left_out_quietly(owner_client, query):
    response = owner_client.get(reverse("moments:add") + query)
    assert response.status_code == 200
    values = shown(owner_client, query)
    assert values["self_disclosure"] is None and values["other_disclosure"] is None
    assert values["duration_minutes"] is None and not values["channel"] and not values["note"]


def test_the_edges_of_what_is_offered_are_taken(owner_client):
    low = shown(owner_client, "?sharing=0&minutes=1&channel=in-person")
    high = shown(owner_client, "?sharing=4&minutes=1440&channel=call&note=" + "y" * 200)
    assert (low["self_disclosure"], low["duration_minutes"], low["channel"]) == (0, 1, "in-person")
    assert (high["self_disclosure"], high["duration_minutes"], high["channel"]) == (4, 1440, "call")
    assert high["note"] == "y" * 200


def test_another_accounts_person_is_not_filled_in(owner_client, other):
    theirs = PersonFactory(owner=other, name="Not yours")
    response = owner_client.get(reverse("moments:add") + f"?person={theirs.pk}&sharing=2")
    assert response.context["form"]["people"].value() in (None, [])
    assert "Not yours" not in response.content.decode()


def test_what_the_link_filled_in_is_only_a_start_and_saves_as_sent(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    response = owner_client.post(
        reverse("moments:add") + "?sharing=4&minutes=30",
        {
            "people": [sam.pk],
            "occurred_at": "2026-03-14T18:30",
            "self_disclosure": "2",
            "duration_minutes": "20",
        },
    )
    moment = Moment.objects.get()
    assert response.status_code == 302
    assert (moment.self_disclosure, moment.other_disclosure, moment.duration_minutes) == (
        2,
        None,
        20,
    )
