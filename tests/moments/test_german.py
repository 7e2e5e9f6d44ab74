"""The moments' pages in German: each speaks German, with no English left of its own words,
and the words written in Python (the list's lines, the messages) follow the page's language."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from tending.moments.queries import list_time
from tests.factories import MomentFactory, PersonFactory


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


@pytest.fixture
def moment(owner):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner")
    ada = PersonFactory(owner=owner, name="Ada", ring="middle")
    zoe = PersonFactory(owner=owner, name="Zoe", ring="outer")
    return MomentFactory(
        owner=owner, people=[sam, ada, zoe], occurred_at=timezone.now() - timedelta(days=2),
        channel="call", initiated_by="them", self_disclosure=3, felt_understood=4,
        closeness_after=6, duration_minutes=30, note="A walk",
    )  # fmt: skip


def page(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_the_list_speaks_german(german, moment):
    html = page(german, "/moments/")
    for words in (
        "Moment festhalten",
        "1 Moment.",
        "Mit wem",
        "Egal mit wem",
        "Alle Schlagwörter",
        "· Anruf · Ich habe geteilt: Gefühle · verstanden 4/5",
    ):
        assert words in html, words
    for english in ("Log a moment", "I shared", "understood", "Anyone", "Any tag"):
        assert english not in html, english
    html = page(german, f"/moments/?person={moment.people.first().pk}&until=x")
    assert "1 Moment passt." in html
    assert "Gib bitte ein Datum an, zum Beispiel 2026-03-14." in html


def test_a_moment_and_its_forms_speak_german(german, moment):
    html = page(german, f"/moments/{moment.pk}/")
    for words in (
        "Ein Moment mit",
        " und ",
        "30 Minuten",
        "Die andere Seite",
        "Verstanden gefühlt",
        "4 von 5",
        "6 von 7",
        "Diesen Moment löschen …",
    ):
        assert words in html, words
    for english in ("A moment with", "minutes", "They did", "Felt understood", " of 5"):
        assert english not in html, english
    html = page(german, "/moments/add/")
    for words in (
        "Nur „wer“ ist nötig.",
        "Innerer Ring",
        "Wie und wie lange",
        "Überspringen",
        "Persönlich",
        "1 · gar nicht",
        "7 · sehr nah",
        "Etwas Verletzliches",
    ):
        assert words in html, words
    for english in ("Skip", "In person", "not at all", "Inner ring", "How and how long"):
        assert english not in html, english
    html = page(german, f"/moments/{moment.pk}/delete/")
    assert "Der Moment vom " in html and "ist dann für immer weg." in html


def test_german_notes_on_a_form_and_after_saving(german, owner, moment):
    response = german.post("/moments/quick/", {})
    assert "Mit wem war es? Wähle bitte mindestens eine Person." in response.content.decode()
    response = german.post(
        "/moments/add/", {"occurred_at": "2999-01-01T10:00", "duration_minutes": "5000"}
    )
    html = response.content.decode()
    assert "Das liegt noch in der Zukunft" in html
    assert "Das ist mehr als ein Tag; gib bitte höchstens 1440 Minuten an." in html
    sam = moment.people.get(name="Sam")
    response = german.post("/moments/quick/", {"people": [sam.pk]}, follow=True)
    said = [str(message) for message in response.context["messages"]]
    assert said == ["Moment mit Sam festgehalten. Wenn du magst, ergänze, wie es war."]


def test_a_lists_time_is_written_as_the_language_writes_dates():
    moment_at = timezone.make_aware(datetime(2026, 3, 2, 18, 30))
    with translation.override("de"):
        assert list_time(moment_at) == "Mo, 2. Mär 2026, 18:30"
    with translation.override("en"):
        assert list_time(moment_at) == "Mon 2 Mar 2026, 18:30"
