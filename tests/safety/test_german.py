"""The safety pages in German: "Need help now" (its crisis lines, hours, notes and country
names from the data file), the plan with its notes, the printout, one's own numbers, the
country chosen on the welcome page and at the terminal; and the crisis-lines file's German
beside its English, checked as it loads."""

from __future__ import annotations

import html as html_text
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tending.safety.accounts import country_for_new_account
from tending.safety.crisis_lines import (
    CrisisLinesError,
    parse_table,
    shipped_table,
    shown_table,
)
from tests.factories import (
    CrisisSettingsFactory,
    OwnCrisisLineFactory,
    PersonFactory,
    PlanEntryFactory,
    PlanHelperFactory,
)


def words(response) -> str:
    """What a person reads: the page's text without tags, scripts or styles."""
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.content.decode())
    return html_text.unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def check(response, german: list[str], english: list[str], status: int = 200) -> str:
    assert response.status_code == status
    read = words(response)
    for phrase in german:
        assert phrase in read, (phrase, read)
    for phrase in english:
        assert phrase not in read, (phrase, read)
    return read


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


@pytest.mark.django_db
def test_need_help_now_in_german_with_the_lines_words_from_the_data(owner, german):
    PlanEntryFactory(owner=owner, part="coping", text="Tee kochen")
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Sam", is_safe=True))
    OwnCrisisLineFactory(owner=owner, name="Mein Team", number="030 1234 5678")
    page = german.get(reverse("safety:crisis"))  # Europe/Berlin: Germany's lines
    check(
        page,
        ["Du musst da nicht allein durch", "Ruf jetzt jemanden an",
         "ruf jetzt eine Notrufnummer an", "Passend zu deiner Zeitzone",
         "Notruf Deutschland", "112 anrufen", "030 1234 5678 anrufen", "TelefonSeelsorge",
         "TelefonSeelsorge (zweite Nummer)", "Rund um die Uhr · Der Anruf ist kostenlos.",
         "In einem anderen Land?", "Dein Sicherheitsplan", "Was ich allein tun kann",
         "Menschen, die ich um Hilfe bitten kann", "Plan ändern",
         "meldet sich von sich aus bei niemandem"],
        ["Call someone now", "Emergency", "Any time, day or night", "Free to call",
         "Germany", "Your safety plan", "Things I can do on my own", "Call 112",
         "contacts no one"],
    )  # fmt: skip
    html = page.content.decode()
    assert '112 anrufen<span class="visually-hidden">, Notruf</span>' in html
    assert '<option value="AT">Österreich</option>' in html


@pytest.mark.django_db
def test_another_country_shows_its_german_words_and_keeps_proper_names(german):
    us = check(
        german.get(reverse("safety:crisis"), {"country": "US"}),
        ["Du siehst die Nummern für dieses Land: Vereinigte Staaten.",
         "988 Suicide & Crisis Lifeline", "Schreib HOME per SMS an 741741.", "SMS an 741741"],
        ["Showing the numbers", "United States", "Text HOME to 741741", "Text 741741"],
    )  # fmt: skip
    assert "Zurück zu deinen eigenen" in us
    check(
        german.get(reverse("safety:crisis"), {"country": "CH"}),
        ["Die Dargebotene Hand / La Main Tendue", "Schweiz · Rettungsdienst: 144."],
        ["Switzerland", "Ambulance"],
    )


@pytest.mark.django_db
def test_before_logging_in_the_general_numbers_speak_the_browsers_language():
    page = Client(HTTP_ACCEPT_LANGUAGE="de").get(reverse("safety:crisis"), {"tz": ""})
    read = check(
        page,
        ["Funktioniert vom Handy aus in ganz Europa", "Notruf in den USA und Kanada",
         "Suizid- und Krisentelefon in den USA und Kanada",
         "Samaritans in Großbritannien und Irland", "Jedes Land hat eigene Krisentelefone",
         "Krisentelefone für dein Land", "Land wählen", "Notrufnummern nach Land",
         "Vereinigtes Königreich 999", "Australien 000"],
        ["Emergency numbers by country", "Crisis lines differ", "United Kingdom", "Choose a"],
    )  # fmt: skip
    # By name as German readers look for them: Österreich among the O, not after Z.
    listed = read[read.index("Notrufnummern nach Land") :]
    assert listed.index("Norwegen") < listed.index("Österreich") < listed.index("Portugal")
    assert 'aria-label="Notruf, Deutschland: 112"' in page.content.decode()
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("safety:crisis"), {"tz": ""})
    check(english, ["Emergency numbers by country", "Germany 112"], ["Deutschland", "Notruf"])


@pytest.mark.django_db
def test_the_plan_its_notes_and_its_messages_in_german(owner, german):
    PersonFactory(owner=owner, name="Uma", is_safe=False)
    plan = german.get(reverse("safety:plan"))
    assert 'placeholder="z. B. Ich antworte nicht mehr auf Nachrichten"' in plan.content.decode()
    check(
        plan,
        ["Dein Sicherheitsplan", "Plan drucken", "Krisennummern", "Meine Warnzeichen",
         "Noch nichts", "Warnzeichen hinzufügen",
         "Fachleute und Stellen, an die ich mich wenden kann", "Wofür ich lebe",
         "In deinem Kreis ist noch niemand als Vertrauensperson markiert", "Nur du siehst"],
        ["Your safety plan", "My warning signs", "Nothing yet", "Add a warning sign", "e.g.",
         "Only you can see"],
    )  # fmt: skip
    empty = german.post(reverse("safety:entry_add"), {"part": "coping", "coping-text": " "})
    check(
        empty,
        ["Braucht noch einen Blick", "Bitte schreib zuerst ein paar Worte."],
        ["Please write", "Needs another look"],
        status=400,
    )
    added = german.post(
        reverse("safety:entry_add"), {"part": "coping", "coping-text": "Tee"}, follow=True
    )
    check(added, ["Zu „Was ich allein tun kann“ hinzugefügt.", "1 Zeile"], ["Added to"])
    nobody = german.post(reverse("safety:helper_add"), {"person": ""})
    check(nobody, ["Bitte wähle jemanden aus."], ["Please choose"], status=400)


@pytest.mark.django_db
def test_the_printout_in_german(owner, german):
    CrisisSettingsFactory(owner=owner, region="US")
    check(
        german.get(reverse("safety:print")),
        ["Mein Sicherheitsplan", "Wenn ich in Gefahr bin, rufe ich an",
         "Notruf (Vereinigte Staaten): 911", "Anruf oder SMS",
         "SMS mit HOME an 741741", "Noch nichts eingetragen", "Aus tending gedruckt am"],
        ["My safety plan", "Emergency", "call or text", "Printed from"],
    )  # fmt: skip


@pytest.mark.django_db
def test_crisis_numbers_and_their_notes_in_german(german):
    numbers = german.get(reverse("safety:settings"))
    assert 'placeholder="z. B. Krisendienst meiner Klinik"' in numbers.content.decode()
    check(
        numbers,
        ["Krisennummern", "Dein Land", "Kein Land: allgemeine Nummern zeigen",
         "Deutschland: Notruf 112; TelefonSeelsorge 0800 111 0 111",
         "Noch keine eigenen Nummern", "Eine Nummer hinzufügen", "Nummer hinzufügen"],
        ["Crisis numbers", "Your country", "No numbers of your own", "Add number"],
    )  # fmt: skip
    wrong = german.post(reverse("safety:line_add"), {"name": "", "number": "1"})
    check(
        wrong,
        ["Bitte gib ihr einen Namen", "„1“ hat 1 Ziffer; eine Telefonnummer hat 2 bis 20."],
        ["Please give", "digits"],
        status=400,
    )
    words_ = german.post(reverse("safety:line_add"), {"name": "Team", "number": "ring"})
    check(words_, ["„ring“ ist keine Telefonnummer"], ["is not a phone number"], status=400)
    saved = german.post(reverse("safety:settings"), {"region": "NL"}, follow=True)
    check(saved, ["Gespeichert. Du siehst jetzt die Nummern für dieses Land: Niederlande."], [])


@pytest.mark.django_db
def test_the_same_blank_forms_are_made_once_for_each_language(owner, other, german):
    english = Client()
    english.force_login(other)
    check(english.get(reverse("safety:plan")), ["Add a warning sign"], ["hinzufügen"])
    check(german.get(reverse("safety:plan")), ["Warnzeichen hinzufügen"], ["Add a warning"])
    check(english.get(reverse("safety:settings")), ["Add number"], ["Nummer hinzufügen"])
    check(german.get(reverse("safety:settings")), ["Nummer hinzufügen"], ["Add number"])


@pytest.mark.django_db
def test_the_welcome_pages_country_list_speaks_each_language():
    german = Client(HTTP_ACCEPT_LANGUAGE="de-AT,de;q=0.9").get(reverse("core:welcome"))
    html = german.content.decode()
    assert "Dein Land" in html and "Nicht dabei: allgemeine Nummern zeigen" in html
    assert '<option value="AT" selected data-time-zones="Europe/Vienna">Österreich</option>' in html
    english = Client(HTTP_ACCEPT_LANGUAGE="en-GB").get(reverse("core:welcome"))
    html = english.content.decode()
    assert "Your country" in html and "Österreich" not in html
    assert '<option value="AT" data-time-zones="Europe/Vienna">Austria</option>' in html


def test_the_terminal_says_the_country_in_its_language():
    with translation.override("de"):
        code, said = country_for_new_account(None, "Europe/Vienna", {})
        assert code == "AT"
        assert said.startswith(
            "Die Krisenhilfe zeigt die Krisentelefone für dieses Land: Österreich"
        )
        assert "Sicherheitsplan → Krisennummern" in said
        assert country_for_new_account("none", "UTC", {})[1] == (
            "Die Krisenhilfe zeigt die allgemeinen Nummern."
        )


# --- the crisis-lines file's German ---------------------------------------------------------


def test_every_text_of_the_shipped_table_has_its_german():
    assert shipped_table().untranslated("de") == []
    german = shown_table("de")
    assert german.countries["DE"].name == "Deutschland"
    assert german.countries["DE"].lines[0].name == "TelefonSeelsorge"  # a name in both
    assert german.countries["GB"].lines[0].hours == "Rund um die Uhr"
    # English where a text has no German, and the English table is left as it was.
    assert shown_table("en").countries["DE"].name == "Germany"
    assert shown_table("fr").countries["DE"].name == "Germany"
    assert shown_table("de-at").countries["AT"].name == "Österreich"
    assert shipped_table().countries["GB"].lines[0].hours == "Any time, day or night"
    assert [c for c, _ in german.choices()][:3] == ["AU", "BE", "DK"]


TABLE = """
schema = 1

[general]
name = "Anywhere"
de.name = "Überall"
emergency = "112"
checked = "not yet checked"

[countries.GB]
name = "United Kingdom"
de.name = "Vereinigtes Königreich"
emergency = "999"
checked = "not yet checked"

[[countries.GB.lines]]
name = "Samaritans"
number = "116 123"
hours = "Any time"
de.hours = "Rund um die Uhr"
"""


def test_a_table_with_german_loads_and_shows_it():
    table = parse_table(TABLE, "t.toml")
    assert table.countries["GB"].in_language("de").lines[0].hours == "Rund um die Uhr"
    assert table.countries["GB"].name == "United Kingdom"
    assert table.untranslated("de") == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace('de.hours = "Rund um die Uhr"', 'de.hour = "Rund um die Uhr"'),
            "t.toml: countries.GB.lines[0].de: unknown key 'hour'",
        ),
        (
            lambda t: t.replace('de.hours = "Rund um die Uhr"', 'de.note = "Kostenlos."'),
            "countries.GB.lines[0].de.note: is set, but note (its English) is not",
        ),
        (
            lambda t: t.replace('de.hours = "Rund um die Uhr"', "de.hours = 24"),
            "countries.GB.lines[0].de.hours: should be text in quotes, not 24",
        ),
        (
            lambda t: t.replace('de.hours = "Rund um die Uhr"', 'de.hours = " "'),
            "countries.GB.lines[0].de.hours: is missing or empty",
        ),
        (
            lambda t: t.replace('de.name = "Vereinigtes Königreich"', f'de.name = "{"x" * 61}"'),
            "countries.GB.de.name: is 61 characters long; keep it to 60",
        ),
        (
            lambda t: t.replace('de.name = "Überall"', 'de = "Überall"'),
            "general.de: should be a table",
        ),
        (
            lambda t: t.replace('de.name = "Überall"', 'fr.name = "Partout"'),
            "general: unknown key 'fr'",
        ),
    ],
)
def test_a_broken_translation_is_refused_with_a_clear_message(change, message):
    with pytest.raises(CrisisLinesError) as caught:
        parse_table(change(TABLE), "t.toml")
    assert message in str(caught.value)


def test_a_text_without_its_german_is_named():
    table = parse_table(TABLE.replace('de.hours = "Rund um die Uhr"\n', ""), "t.toml")
    assert table.untranslated("de") == ["countries.GB.lines[0].hours"]
    assert table.countries["GB"].in_language("de").lines[0].hours == "Any time"
