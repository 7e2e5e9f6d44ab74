"""Searching everything in German: the page, what it found, and its notes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def searched(client, words: str) -> str:
    asked = client.post(reverse("search:everything"), {"q": words})
    response = client.get(asked["Location"])
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_searching_speaks_german(german, owner):
    sam = PersonFactory(owner=owner, name="Sam Fluss", notes="am Fluss")
    JournalEntryFactory(owner=owner, title="Fluss", body="Ein Tag am Fluss")
    MomentFactory(owner=owner, people=[sam], note="Spaziergang am Fluss")
    start = german.get(reverse("search:everything")).content.decode()
    assert "Alles durchsuchen" in start and "Gesuchte Wörter" in start
    assert ">Suchen</button>" in start and "Search everything" not in start
    found = searched(german, "Fluss")
    for words in ("3 Treffer.", ">Person</span>", "Tagebuch · ", "Moment · "):
        assert words in found, words
    for english in ("found.", "Journal ·"):
        assert english not in found, english
    nothing = searched(german, "nirgends")
    assert "0 Treffer." in nothing and "Nichts passt zu diesen Wörtern" in nothing
    long = german.post(reverse("search:everything"), {"q": "x" * 1500}).content.decode()
    assert "Bitte nutze höchstens 500 Zeichen (hier sind es 1.500)." in long


def test_the_mention_list_is_named_in_the_pages_language(german):
    html = german.get(reverse("journal:add")).content.decode()
    assert 'data-list-label="Menschen zum Erwähnen"' in html


def test_a_line_of_the_safety_plan_is_found_under_its_part_in_german(german, owner):
    from tending.safety.models import PlanEntry

    PlanEntry.objects.create(owner=owner, part="coping", text="Zum Fluss gehen")
    found = searched(german, "Fluss")
    assert "Was ich allein tun kann" in found
    assert "Things I can do on my own" not in found
