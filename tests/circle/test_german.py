"""The circle's pages in German: each speaks German, with no English left of its own words,
and the words written in Python (drift, rhythm, dates) follow the page's language."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from tending.circle.drift import rhythm_for
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


@pytest.fixture
def sam(owner):
    sam = PersonFactory(
        owner=owner, name="Sam Rivera", ring="inner", rhythm_days=7, is_safe=True,
        birthday_day=14, birthday_month=3, birthday_year=1990, phone="+49 30 1234",
    )  # fmt: skip
    ada = PersonFactory(owner=owner, name="Ada", ring="outer")
    MomentFactory(
        owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=10),
        channel="call", self_disclosure=3, felt_understood=4,
    )  # fmt: skip
    MomentFactory(owner=owner, people=[sam, ada], occurred_at=timezone.now() - timedelta(days=12))
    ClosenessRatingFactory(owner=owner, person=sam, value=5)
    return sam


def page(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_the_circle_speaks_german(german, sam):
    html = page(german, "/circle/?archived=1")
    for words in (
        "Dein Kreis",
        "Jemanden hinzufügen",
        ">innerer</text>",
        ">du</text>",
        "Innerer Ring",
        "Äußerer Ring",
        "Aus dem Blick geraten · vor 10 Tagen",
        "Im Rhythmus",
        "Das ist ein Anstoß, kein Urteil.",
        "Archivierte einbeziehen",
        "Niemand ist archiviert.",
        "Freundeskreis",
    ):
        assert words in html, words
    for english in ("Your circle", "Inner ring", "Drifting", "days ago", ">you</text>", "Everyone"):
        assert english not in html, english


def test_a_persons_page_speaks_german(german, sam):
    html = page(german, f"/circle/people/{sam.pk}/")
    for words in (
        "Freundeskreis · Innerer Ring",
        "Vertrauensperson",
        "Letzter Moment vor 10 Tagen; du wolltest jede Woche in Kontakt sein, "
        "das ist also schon 3 Tage länger.",
        "14. März 1990",
        "Wir hatten gerade Kontakt",
        "Kontakt-Rhythmus",
        "alle 7 Tage",
        "Gerade: 5 von 7.",
        "Ein Kreis bist du, der andere ist die andere Person.",
        "Stark überlappend",
        "Gemeinsame Momente",
        "· Anruf · Ich habe geteilt: Gefühle · verstanden 4/5",
        "Noch kein Eintrag erwähnt Sam Rivera.",
        '<span class="visually-hidden">: Einschätzung vom',
    ):
        assert words in html, words
    for english in ("Last moment", "Keep in touch", "Closeness", "We were in touch", " ring"):
        assert english not in html, english


def test_the_forms_and_their_notes_speak_german(german, sam):
    html = page(german, "/circle/add/")
    assert "Jemanden zu deinem Kreis hinzufügen" in html
    assert "innerer Ring jede Woche, mittlerer jeden Monat, äußerer alle 6 Monate." in html
    assert "Innen: So nah, dass ein Leben ohne diese Person kaum vorstellbar ist." in html
    assert ">März</option>" in html and "March" not in html
    response = german.post(
        "/circle/add/", {"name": " ", "ring": "inner", "kind": "friend", "birthday_day": "3"}
    )
    html = response.content.decode()
    assert "Gib bitte einen Namen an" in html
    assert "Gib bitte Tag und Monat an, oder keins von beiden." in html
    assert "Please" not in html
    html = page(german, f"/circle/people/{sam.pk}/delete/")
    assert "<bdi>Sam Rivera</bdi> löschen?" in html
    assert "1 Moment, den du nur mit dieser Person hattest," in html
    assert "1 Einschätzung der Nähe." in html
    assert "Lieber archivieren" in html and "Archive instead" not in html
    response = german.post(f"/circle/people/{sam.pk}/closeness/", {"rated_on": "2999-01-01"})
    assert "Tippe bitte auf das Kreispaar" in response.content.decode()


def test_the_words_written_in_python_follow_the_language():
    today = date(2026, 11, 22)
    with translation.override("de"):
        assert rhythm_for(None, 14, today).summary == (
            "Noch keine Momente festgehalten; du wolltest alle 2 Wochen in Kontakt sein."
        )
        assert rhythm_for(today - timedelta(days=6), 7, today).summary.endswith(
            "also ist es bis morgen wieder dran."
        )
        assert rhythm_for(today - timedelta(days=1), 1, today).summary == (
            "Letzter Moment gestern; du wolltest jeden Tag in Kontakt sein, "
            "also ist es heute wieder dran."
        )
    with translation.override("en"):
        assert rhythm_for(today - timedelta(days=6), 7, today).summary == (
            "Last moment 6 days ago; you hoped to be in touch every week, "
            "so it is due within 1 day."
        )


def test_remembered_parts_of_the_page_follow_the_language(owner, owner_client, sam):
    """The blank closeness form and the ratings' dates are remembered between visits: an
    English visit does not leave English on the German page, nor the other way round."""
    english = page_in(owner_client, f"/circle/people/{sam.pk}/", "en")
    assert "Touching" in english and "Berühren sich" not in english
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    german = owner_client.get(f"/circle/people/{sam.pk}/").content.decode()
    assert "Berühren sich" in german and "Touching" not in german
    type(owner).objects.filter(pk=owner.pk).update(language="en")
    assert "Touching" in owner_client.get(f"/circle/people/{sam.pk}/").content.decode()


def page_in(client, address: str, language: str) -> str:
    response = client.get(address)
    assert response.headers["Content-Language"] == language
    return response.content.decode()
