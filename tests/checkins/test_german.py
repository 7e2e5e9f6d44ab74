"""The check-in pages in German: the pages' own words and each definition's German texts,
while what is kept (band names, answers) stays the definition's English."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from tending.checkins.models import CheckIn
from tending.checkins.queries import due_checkins, risky_from
from tending.checkins.registry import (
    get_instrument,
    instruments,
    shown_instrument,
    shown_instruments,
)
from tending.checkins.services import rescore, save_checkin
from tending.checkins.terminal import checkin as checkin_at_the_terminal
from tending.cli import main

pytestmark = pytest.mark.django_db

NOTE = "Die deutschen Fragen hat tending selbst formuliert"


@pytest.fixture
def german(owner):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner


def taken(owner, instrument_id: str, values: list, when: datetime) -> CheckIn:
    inst = get_instrument(instrument_id)
    done = save_checkin(owner, inst, dict(zip([i.id for i in inst.items], values, strict=True)))
    CheckIn.objects.filter(pk=done.pk).update(taken_at=when)
    done.refresh_from_db()
    return done


def page(client, address: str, status: int = 200) -> str:
    response = client.get(address)
    assert response.status_code == status
    return response.content.decode()


def test_the_list_speaks_german_and_says_whose_wording_it_is(german, owner_client):
    now = datetime.now(UTC)
    taken(german, "weekly-wellbeing", [1, 1, 1, 1, 0], now - timedelta(days=8))
    taken(german, "weekly-wellbeing", [1, 1, 1, 1, 1], now - timedelta(days=1))
    html = page(owner_client, reverse("checkins:index"))
    assert NOTE in html and "keine geprüfte Übersetzung" in html
    assert "Wöchentliches Wohlbefinden" in html and "Wie gut es dir in den letzten zwei" in html
    assert "Sehr niedrig" in html and "Jede Woche" in html and "Noch nicht gemacht" in html
    assert "Fällig" in html and "Deine letzten 2 Werte, der älteste zuerst" in html
    for english in ("Weekly well-being", "Very low", "Every week", "Not taken yet", "Due<"):
        assert english not in html


def test_in_english_the_list_is_as_it_was(owner, owner_client):
    html = page(owner_client, reverse("checkins:index"))
    assert "Weekly well-being" in html and "Not taken yet" in html and "Every week" in html
    assert NOTE not in html and "not a validated translation" not in html


def test_a_check_in_asks_in_german_and_keeps_the_english_band(german, owner_client):
    html = page(owner_client, reverse("checkins:take", args=["hard-days"]))
    assert "Wie oft hast du dich bedrückt, leer oder ohne Hoffnung gefühlt?" in html
    assert "In den letzten zwei Wochen…" in html and "1 von 3" in html
    assert "An ein paar Tagen" in html and "Mein Ergebnis ansehen" in html
    assert "Diese Fragen hat tending selbst formuliert" in html
    assert "How often have you felt low" not in html and "See my result" not in html
    answers = {"q-little-interest": "2", "q-feeling-low": "2", "q-self-harm": "0"}
    response = owner_client.post(reverse("checkins:take", args=["hard-days"]), answers)
    saved = CheckIn.objects.get()
    assert response.status_code == 302 and saved.band_label == "Worth talking about"
    assert saved.total == 4 and not saved.safety_fired
    html = page(owner_client, reverse("checkins:result", args=[saved.pk]))
    assert "Schwere Tage: dein Ergebnis" in html and "Ein Gespräch wert." in html
    assert "auf einer Skala von 0 bis 6, höher heißt schwerer" in html
    assert "Wie das ausgewertet wird" in html and "Das ist dein erster" in html
    assert "Deine Antworten" in html and "An mehr als der Hälfte der Tage" in html
    assert "Worth talking about" not in html and "your result" not in html
    # The band's German says it is no diagnosis, so the score card does not say it twice.
    assert html.count("Das ist keine Diagnose. Wenn dich hier etwas beunruhigt") == 1


def test_a_form_with_problems_says_them_in_german(german, owner_client):
    response = owner_client.post(
        reverse("checkins:take", args=["weekly-wellbeing"]),
        {"q-good-spirits": "9", "q-at-ease": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Bitte wähle eine der Antworten." in html
    response = owner_client.post(
        reverse("checkins:take", args=["weekly-wellbeing"]), {"q-good-spirits": "1"}
    )
    html = response.content.decode()
    assert "Bitte beantworte diese Frage." in html
    assert "Du kannst höchstens 1 dieser Fragen auslassen." in html
    assert "Please answer this one." not in html


def test_finishing_later_and_a_safety_answer_speak_german(german, owner_client):
    address = reverse("checkins:take", args=["hard-days"])
    response = owner_client.post(address, {"later": "1", "q-self-harm": "2"}, follow=True)
    html = response.content.decode()
    assert "Du kannst „Schwere Tage“ jederzeit abschließen." in html
    assert "Danke für deine Antworten. Du verdienst gerade jetzt Unterstützung." in html
    assert "Solche Gedanken verdienen jetzt Zuwendung" in html  # the rule's own German
    assert "Thoughts like these" not in html
    today = page(owner_client, reverse("today:today"))
    assert "Deine angefangenen Antworten zu „Schwere Tage“ sind gespeichert." in today
    response = owner_client.post(reverse("checkins:discard", args=["hard-days"]), follow=True)
    assert "Die Antworten sind gelöscht." in response.content.decode()


def test_the_history_speaks_german(german, owner_client):
    now = datetime.now(UTC)
    for days, values in ((20, [0, 0, 0, 0, 0]), (10, [5, 5, 5, 5, 5]), (1, [2, 2, 2, 2, 2])):
        taken(german, "weekly-wellbeing", values, now - timedelta(days=days))
    html = page(owner_client, reverse("checkins:history", args=["weekly-wellbeing"]))
    assert "Wöchentliches Wohlbefinden: Verlauf" in html and "In den letzten 3 Monaten" in html
    assert "3 Ergebnisse ab dem" in html and "mit den Bereichen Sehr niedrig" in html
    assert "spürbar verändert" in html and "Als Tabelle" in html and "Bedeutung" in html
    assert "<td>Niedriger als üblich</td>" in html and "<td>Gut</td>" in html
    for english in ("Over the last", "results from", "As a table", "Lower than usual", "Meaning<"):
        assert english not in html
    html = page(owner_client, reverse("checkins:history", args=["weekly-wellbeing"]) + "?range=1y")
    assert "Im letzten Jahr" in html and "Werte im letzten Jahr" in html
    html = page(owner_client, reverse("checkins:history", args=["daily-pulse"]))
    assert "Noch keine Ergebnisse" in html and "Jetzt machen" in html


def test_deleting_and_how_often_speak_german(german, owner_client):
    done = taken(german, "stress", [1, 2, 3, 4], datetime.now(UTC))
    html = page(owner_client, reverse("checkins:delete", args=[done.pk]))
    assert "Diesen Check-in löschen?" in html and "Dein Check-in „Stress“ vom" in html
    assert "Vergangene Check-ins lassen sich nicht ändern" in html and "Behalten" in html
    response = owner_client.post(reverse("checkins:delete", args=[done.pk]), follow=True)
    assert "Der Check-in ist gelöscht." in response.content.decode()
    html = page(owner_client, reverse("checkins:settings"))
    assert "Wie oft möchtest du welchen Check-in machen?" in html
    assert "Jeden Tag" in html and "Nur, wenn ich es möchte" in html and "Aus" in html
    assert "Schwere Tage" in html and "Every day" not in html and "Hard days" not in html


def test_shown_instruments_follow_the_language_and_the_registry_stays_english():
    with translation.override("de"):
        shown = shown_instruments()
        assert list(shown) == list(instruments())
        assert shown["connection"].title == "Verbundenheit"
        assert shown_instrument("five-moods").scale[-1].label == "Super"
        assert shown_instrument("nothing") is None
        assert get_instrument("connection").title == "Connection"
    assert shown_instruments("de")["stress"].language == "de"
    assert shown_instruments("en")["stress"] is get_instrument("stress")
    with translation.override("en"):
        assert shown_instrument("connection") is get_instrument("connection")


def test_drafts_and_due_checks_come_in_the_language(owner):
    with translation.override("de"):
        [draft] = risky_from([("hard-days", {"self-harm": 1})])
        assert draft.instrument.title == "Schwere Tage"
        assert draft.fired[0].message.startswith("Danke, dass du so ehrlich")
        assert "Verbundenheit" in [inst.title for inst in due_checkins(owner)]
    assert risky_from([("hard-days", {"self-harm": 0}), ("gone", {"a": 1})]) == []


def test_a_result_is_kept_in_english_whatever_language_it_was_shown_in(owner):
    german = get_instrument("weekly-wellbeing").in_language("de")
    done = save_checkin(owner, german, {item.id: 1 for item in german.items})
    assert done.band_label == "Very low" and done.total == 20
    done.band_label = "Sehr niedrig"
    assert rescore(done, german).band_label == "Very low"


@pytest.fixture
def german_terminal(monkeypatch):
    """A terminal whose environment asks for German; the page language is put back after."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANGUAGE", "de_DE:en")
    yield
    translation.deactivate()


def test_at_the_terminal_a_check_in_speaks_german(owner, capsys, german_terminal):
    inst = get_instrument("connection")
    answers = iter(["3", "2", "3"])
    answers_asked = []

    def read(prompt):
        answers_asked.append(prompt)
        return next(answers)

    code = checkin_at_the_terminal(
        argparse.Namespace(instrument="connection", user=None), read=read
    )
    out = capsys.readouterr().out
    assert code == 0 and CheckIn.objects.get().band_label == "Often lonely"
    assert "Verbundenheit. In letzter Zeit…" in out and "Wie oft fühlst du dich am Rand" in out
    assert "  1) Fast nie" in out and "Dein Ergebnis bei „Verbundenheit“: 8 (von 3 bis 9)." in out
    assert "Oft einsam. Du hast dich in letzter Zeit oft einsam gefühlt." in out
    assert "Das ist keine Diagnose." in out and inst.title not in out
    assert "Deine Antwort [1–3]: " in answers_asked


def test_the_terminal_says_instruments_check_in_german(tmp_path, capsys, german_terminal):
    from tending.checkins.definitions import builtin_folder

    bad = tmp_path / "broken.toml"
    bad.write_text('id = "broken"\n', encoding="utf-8")
    assert main(["instruments", "check", str(builtin_folder() / "stress.toml"), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "stress.toml: stress, Version 1, 4 Fragen (en, de)" in captured.out
    # The problem itself stays in English, as definition files are written.
    assert "broken.toml: version: is required" in captured.err
    assert "Probleme in 1 von 2 Dateien." in captured.err


def test_instruments_check_names_the_languages_of_each_file(capsys):
    from tending.checkins.definitions import builtin_folder

    assert main(["instruments", "check", str(builtin_folder() / "stress.toml")]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("stress.toml: stress version 1, 4 questions (en, de)")
