"""The journal's pages in German: an account that chose German reads German, not English,
on the list and its calendar, an entry, the writing form (with its errors), the search
page and the hidden prompts; the prompts themselves and the days come in German too."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from tending.journal.models import HiddenPrompt, heading
from tending.journal.rows import short_day
from tending.journal.search import PAGE_WINDOW
from tests.factories import JournalEntryFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-20 12:00:00+00:00"


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def words(response) -> str:
    """What a person reads on the page: its text without tags, scripts or styles."""
    html = re.sub(r"(?s)<(script|style).*?</\1>", " ", response.content.decode())
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def check(response, german: list[str], english: list[str]) -> str:
    assert response.status_code == 200
    read = words(response)
    for phrase in german:
        assert phrase in read, (phrase, read)
    for phrase in english:
        assert phrase not in read, (phrase, read)
    return read


def test_the_list_and_its_calendar(owner, german):
    anna = PersonFactory(owner=owner, name="Anna")
    JournalEntryFactory(owner=owner, title="Am Meer", written_on=date(2026, 3, 14), people=[anna])
    with time_machine.travel(NOW, tick=False):
        listed = german.get(reverse("journal:list"))
        day = german.get(reverse("journal:list") + "?day=2026-03-13")
        year = german.get(reverse("journal:list") + "?year=2001")
        person = german.get(reverse("journal:list") + f"?person={anna.pk}")
    html = listed.content.decode()
    check(
        listed,
        ["Tagebuch", "Schreiben", "Neueste Einträge", "Monate", "Sa, 14. Mär 2026", "März 2026"],
        ["Latest entries", "Months", "Write", "Sat 14 Mar"],
    )
    assert "Die Tage im März 2026, über die du geschrieben hast" in html
    assert '14<span class="visually-hidden">. März: 1 Eintrag</span>' in html
    assert '20<span class="visually-hidden">. März, heute</span>' in html
    assert '<span class="visually-hidden"> Eintrag</span>' in html  # the month index's count
    check(day, ["Über den 13. März 2026 hast du nichts geschrieben."], ["Nothing written"])
    check(year, ["Im Jahr 2001 hast du nichts geschrieben."], ["Nothing written"])
    check(person, ["Einträge mit Anna", "Alle Einträge", "Seite von Anna"], ["Entries with"])


def test_an_empty_journal(german):
    check(
        german.get(reverse("journal:list")),
        ["Noch nichts geschrieben", "Ein paar Zeilen über heute sind ein guter Anfang."],
        ["Nothing written yet", "good start"],
    )


def test_an_entry_its_deleting_and_its_prompt(owner, german):
    anna = PersonFactory(owner=owner, name="Anna")
    ben = PersonFactory(owner=owner, name="Ben")
    entry = JournalEntryFactory(
        owner=owner, title="", written_on=date(2026, 3, 14), prompt_id="gt-small-kindness"
    )
    entry.people.set([anna, ben])
    read = check(
        german.get(reverse("journal:detail", args=[entry.pk])),
        [
            "Samstag, 14. März 2026",
            "Welche kleine Freundlichkeit ist dir heute begegnet?",
            "Mit Anna und Ben",
            "Bearbeiten",
            "Diesen Eintrag löschen …",
        ],
        ["What small kindness", "Saturday", "Edit", "With Anna"],
    )
    assert read.count("Samstag, 14. März 2026") >= 2  # the untitled entry's heading is its day
    check(
        german.get(reverse("journal:delete", args=[entry.pk])),
        ["Diesen Eintrag löschen?", "vom 14. März 2026 ist dann für immer weg", "Behalten"],
        ["will be gone for good", "Keep it"],
    )
    gone = german.post(reverse("journal:delete", args=[entry.pk]), follow=True)
    check(gone, ["Der Eintrag ist gelöscht."], ["That entry is deleted."])


def test_writing_with_a_prompt_and_the_errors(owner, german):
    with time_machine.travel(NOW, tick=False):
        form = german.get(reverse("journal:add") + "?prompt=rp-cool-down")
        wrong = german.post(
            reverse("journal:add"), {"written_on": "2026-12-01", "title": "x" * 201, "body": ""}
        )
    check(
        form,
        [
            "Was hilft dir, nach einem angespannten Moment mit jemandem wieder runterzukommen?",
            "Versöhnung nach einem Streit",
            "Ein anderer Impuls",
            "Diesen Impuls nie mehr zeigen",
            "Was geht dir durch den Kopf?",
            "Speichern",
        ],
        ["What helps you cool down", "Repair after conflict", "Another prompt", "Save"],
    )
    assert 'data-word-kept="Entwurf gesichert"' in form.content.decode()
    check(
        wrong,
        [
            "Dieser Tag kommt erst noch",
            "Bitte kürz den Titel auf höchstens 200 Zeichen.",
            "Schreib zuerst ein paar Wörter; eine Zeile reicht völlig.",
        ],
        ["still to come", "200 characters or fewer", "Write a few words first"],
    )
    saved = german.post(
        reverse("journal:add"),
        {"written_on": "2026-03-01", "body": "Ein ruhiger Tag.", "prompt_id": "rp-cool-down"},
        follow=True,
    )
    check(saved, ["In deinem Tagebuch gespeichert."], ["Saved to your journal."])


def test_hiding_a_prompt_and_the_hidden_prompts(owner, german):
    check(
        german.get(reverse("journal:hidden_prompts")),
        ["Impulse, die du ausgeblendet hast", "Du hast keine Impulse ausgeblendet."],
        ["You have not hidden"],
    )
    hidden = german.post(
        reverse("journal:hide_prompt"),
        {"prompt_id": "km-most-me-today", "next": reverse("journal:hidden_prompts")},
        follow=True,
    )
    check(
        hidden,
        [
            "Dieser Impuls taucht nicht mehr auf.",
            "In welchem Moment warst du heute am meisten du selbst?",
            "Wieder zeigen",
        ],
        ["will not come up again", "Which moment today", "Show it again"],
    )
    assert HiddenPrompt.objects.filter(owner=owner).count() == 1


def test_the_search_page(owner, german):
    for n in range(PAGE_WINDOW + 2):
        JournalEntryFactory(owner=owner, body=f"Meer {n}", written_on=date(2026, 1, 1))
    check(
        german.get(reverse("journal:search")),
        ["Im Tagebuch suchen", "Tippe ein, zwei Wörter", "Alles durchsuchen"],
        ["Type a word or two", "Search the journal"],
    )
    many = german.post(reverse("journal:search"), {"q": "Meer"}, follow=True)
    check(
        many,
        [
            f"Mehr als {PAGE_WINDOW} Einträge gefunden",
            "die besten zuerst, Seite 1 von 5.",
            "Mit einem weiteren Wort oder einem Datum findest du den Rest.",
            "Weitere Treffer",
            "Do, 1. Jan 2026",
        ],
        ["entries found", "More matches", "Another word"],
    )
    none = german.post(reverse("journal:search"), {"q": "Wüste"}, follow=True)
    check(none, ["0 Einträge gefunden.", "Zu diesen Wörtern passt nichts."], ["Nothing matches"])


def test_days_written_in_python_follow_the_language():
    day = date(2026, 6, 14)
    with translation.override("de"):
        assert short_day(day) == "So, 14. Jun 2026"
        assert heading("", day) == "Sonntag, 14. Juni 2026"
    with translation.override("en"):
        assert short_day(day) == "Sun 14 Jun 2026"
        assert heading("", day) == "Sunday 14 June 2026"


def test_the_years_long_ago(owner, german):
    for year in range(2010, 2024):
        JournalEntryFactory(owner=owner, written_on=date(year, 5, 1))
    with time_machine.travel(NOW, tick=False):
        listed = german.get(reverse("journal:list"))
    read = check(listed, ["Frühere Jahre: gehe zu", "Öffnen", "Mai"], ["Earlier years", "Open"])
    assert "Fr, 1. Mai 2026" not in read and "Mo, 1. Mai 2023" in read
