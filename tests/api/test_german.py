"""Settings → API tokens in German. (The API's own answers are for programs and stay English.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tending.api.tokens import make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def test_the_tokens_page_speaks_german(german, owner):
    make_token(owner, "Kurzbefehl", True, 30)
    make_token(owner, "Skript", False, None)
    response = german.get(reverse("api:tokens"))
    assert response.headers["Content-Language"] == "de"
    html = response.content.decode()
    for words in (
        "Deine Schlüssel",
        "Lesen und ändern",
        "Nur lesen",
        "gültig, bis du ihn widerrufst",
        "noch nicht genutzt",
        "„Skript“ widerrufen",
        "Einen Schlüssel erstellen",
        "Bis ich ihn widerrufe",
        "Fürs Programmieren",
    ):
        assert words in html, words
    for english in ("Your tokens", "Read only", "works until", "not used yet", "Make a token"):
        assert english not in html, english


def test_a_new_token_and_a_form_with_notes_in_german(german):
    made = german.post(reverse("api:tokens"), {"name": "Neu", "access": "read", "lasts": "90"})
    html = made.content.decode()
    assert "Dein neuer Schlüssel „Neu“." in html and "Schlüssel kopieren" in html
    refused = german.post(reverse("api:tokens"), {"name": " ", "access": "read", "lasts": "90"})
    assert "Bitte gib ihm einen Namen" in refused.content.decode()
    gone = german.post(reverse("api:revoke", args=[made.context["made"].pk]), follow=True)
    assert "„Neu“ ist widerrufen" in gone.content.decode()


def test_the_docs_page_says_its_own_words_in_german_and_leaves_the_api_english(german):
    html = german.get(reverse("api:docs")).content.decode()
    assert '<html lang="de"' in html and "← Zurück zu den API-Schlüsseln" in html
    assert 'id="swagger-ui" lang="en"' in html and "Back to API tokens" not in html


def test_the_apis_answers_stay_english_whatever_the_caller_speaks(owner, owner_api):
    """A phone's shortcut sends its owner's Accept-Language: a program must still read the
    same words (an untitled entry's heading, a refusal) as in every other call."""
    from datetime import date

    from tests.factories import JournalEntryFactory

    entry = JournalEntryFactory(owner=owner, title="", written_on=date(2026, 6, 14))
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    answer = owner_api.get(f"journal/{entry.pk}", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert answer.status_code == 200 and answer.headers["Content-Language"] == "en"
    assert answer.json()["heading"] == "Sunday 14 June 2026"
    refused = owner_api.post("tags", {"name": "x" * 41}, HTTP_ACCEPT_LANGUAGE="de")
    assert refused.status_code == 422 and "Each tag can be at most 40" in refused.content.decode()
