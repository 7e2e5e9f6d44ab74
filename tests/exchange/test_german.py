"""Settings → Your data in German: the page, an import's preview and summary, the notes on a
file that cannot be read, and deleting the account."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tending.exchange.checking import DocumentError, check_document
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples"
IMPORT = reverse("exchange:import")


@pytest.fixture
def german(owner, owner_client, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def upload(client, source: str, name: str, data: bytes) -> str:
    response = client.post(IMPORT, {"source": source, "file": SimpleUploadedFile(name, data)})
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_your_data_speaks_german(german):
    html = german.get(reverse("exchange:your_data")).content.decode()
    for words in (
        "Deine Daten",
        "Eine Kopie herunterladen",
        "Alles in einer JSON-Datei",
        "Eine .json-Datei.",
        "Eine Datei übernehmen",
        "tending (der eigene JSON-Export)",
        "Kontakte (vCard, .vcf)",
        "Höchstens 64 MB.",
        'data-working="Deine Datei wird vorbereitet …"',
        'data-word-working="Einen Moment …"',
        "Alles löschen",
    ):
        assert words in html, words
    for english in ("Download a copy", "Everything, as one JSON file", "At most 64 MB"):
        assert english not in html, english


def test_a_preview_and_what_was_added_in_german(german, owner):
    PersonFactory(owner=owner, name="Sam Fluss")
    cards = (
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Sam Fluss\nBDAY:1990-03-14\nEND:VCARD\n"
        b"BEGIN:VCARD\nVERSION:3.0\nFN:Bea\nPHOTO:abc\nEND:VCARD\n"
    )
    html = upload(german, "vcard", "c.vcf", cards)
    for words in (
        "Was diese Datei enthält",
        "Gelesen als: Kontakte (vCard, .vcf).",
        "Beim Hinzufügen kommt dazu:",
        "1 Person",
        "1 davon sieht nach etwas aus, das du schon hast",
        "Person: <bdi>Sam Fluss · Geburtstag 14. März 1990</bdi>",
        "Schon in deinem Kreis als Sam Fluss (gleicher Name)",
        "Fotos von 1 Person → nicht übernommen",
        "Zu tending hinzufügen",
    ):
        assert words in html, words
    assert "Adding it brings in" not in html and "birthday" not in html
    token = html.split('action="' + IMPORT)[1].split("/")[0]
    done = german.post(reverse("exchange:import_preview", args=[token]), {"action": "add"})
    text = done.content.decode()
    assert "Es ist jetzt in tending" in text and "Hinzugefügt:" in text and "1 Person" in text


def test_a_journal_from_another_tool_in_german(german):
    html = upload(german, "jrnl", "j.md", (SAMPLES / "jrnl-export.md").read_bytes())
    assert "14 Tagebucheinträge" in html and "Tagebucheintrag: <bdi>" in html
    assert "Sterne → nicht übernommen" in html and "journal entries" not in html


def test_a_file_that_cannot_be_read_is_said_so_in_german(german):
    bad = upload(
        german, "tending", "a.json", b'{"format": "tending-export", "version": 1, "moments": {}}'
    )
    assert "moments: sollte eine Liste sein, nicht ein Objekt. Es wurde nichts hinzugefügt." in bad
    vcard = upload(german, "vcard", "c.vcf", b"hello\n")
    assert "Eine vCard-Datei beginnt mit BEGIN:VCARD" in vcard and "Nothing was added" not in vcard


def test_document_problems_name_a_row_in_the_language_in_use():
    from django.utils import translation

    document = {"format": "tending-export", "version": 1, "people": [3]}
    with translation.override("de"), pytest.raises(DocumentError) as raised:
        check_document(document)
    assert "people[0]: jeder Datensatz der Art „Person“ sollte ein Objekt sein" in str(raised.value)
    with pytest.raises(DocumentError) as raised:
        check_document(document)
    assert str(raised.value) == "people[0]: each person should be an object, not a number."


def test_deleting_the_account_in_german(german):
    html = german.post(reverse("exchange:delete_account"), {"typed": "nope", "password": "x"})
    text = html.content.decode()
    assert "Dein Konto löschen?" in text and "Tippe genau owner" in text
    assert "Das ist nicht dein Passwort." in text and "Keep it" not in text
    goodbye = Client(HTTP_ACCEPT_LANGUAGE="de").get(reverse("exchange:goodbye")).content.decode()
    assert "Dein Konto ist gelöscht" in goodbye and "Your account is gone" not in goodbye
