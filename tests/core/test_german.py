"""core's pages in German: an account that chose German (or a browser asking for it before
logging in) reads German on the navigation and footer, Settings, the password page, the
welcome and login pages (with their notes), and every error page; the words tending's
scripts show come from the page, in German too."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from tending.core import words as core_words
from tending.core.dates import resolve_local_time
from tending.core.sections import Section
from tending.core.tag_names import validate_tag_names

NAV = ["Heute", "Kreis", "Momente", "Tagebuch", "Sicherheitsplan", "Einblicke", "Spiegel"]
NAV_EN = ["Today", "Circle", "Journal", "Safety plan", "Insights", "Mirror", "Growth"]
FOOTER = "tending begleitet dich bei der Selbstfürsorge"


def words(response) -> str:
    """What a person reads on the page: its text without tags, scripts, styles or the long
    list of time zones."""
    html = re.sub(r"(?s)<(script|style|select).*?</\1>", " ", response.content.decode())
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


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


@pytest.fixture
def browser_de() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="de")


@pytest.mark.django_db
def test_settings_navigation_and_footer(german):
    page = german.get(reverse("core:settings"))
    check(
        page,
        [*NAV, "Einstellungen", "Deine Zeitzone", "Impulse, die du ausgeblendet hast",
         "Deine Daten", "eine Kopie herunterladen", "Passwort ändern", "Abmelden",
         "Angemeldet als owner.", FOOTER],
        [*NAV_EN, "Your time zone", "Prompts you hid", "download a copy", "Log out",
         "Logged in as", "not therapy"],
    )  # fmt: skip
    html = page.content.decode()
    assert 'aria-label="Moment festhalten"' in html and 'aria-label="Hauptmenü"' in html
    # The words tending.js and sections.js show, from the page.
    assert 'data-word-back="Zurück" data-word-next="Weiter" data-word-copied="Kopiert"' in html
    assert 'data-word-answered="{answered} von {total} beantwortet"' in html


@pytest.mark.django_db
def test_settings_notes_and_saving(owner, german):
    wrong = german.post(reverse("core:settings"), {"time_zone": "Nowhere/Else", "language": "xx"})
    check(
        wrong,
        ["Schau bitte noch einmal hin", "Wähl bitte eine der angebotenen Möglichkeiten."],
        ["Something needs another look", "Please choose one of the options given."],
    )
    type(owner).objects.filter(pk=owner.pk).update(language="en")
    # Choosing German says "Saved." in German at once.
    saved = german.post(
        reverse("core:settings"), {"time_zone": "Europe/Berlin", "language": "de"}, follow=True
    )
    check(saved, ["Gespeichert.", "Einstellungen"], ["Saved."])


@pytest.mark.django_db
def test_password_page_and_its_notes(german):
    check(
        german.get(reverse("core:password")),
        ["Passwort ändern", "Dein aktuelles Passwort", "Mindestens 8 Zeichen", "Abbrechen"],
        ["Change your password", "Your current password", "Cancel"],
    )
    wrong = german.post(
        reverse("core:password"),
        {"old_password": "nope", "new_password1": "123", "new_password2": "1234"},
    )
    check(
        wrong,
        [
            "Das ist nicht dein aktuelles Passwort.",
            "Die beiden neuen Passwörter sind nicht gleich.",
        ],
        ["That is not your current password", "The two new passwords are not the same."],
    )


@pytest.mark.django_db
def test_login_its_notes_and_the_wait(owner, browser_de):
    check(
        browser_de.get(reverse("core:login")),
        ["Schön, dass du wieder da bist", "Passwort vergessen?", "tippe tending password"],
        ["Welcome back", "Forgotten your password?", "Everything you wrote"],
    )
    wrong = browser_de.post(reverse("core:login"), {"username": "owner", "password": "no"})
    check(wrong, ["Name und Passwort passen nicht zusammen."], ["did not match"])
    for _ in range(5):
        waited = browser_de.post(reverse("core:login"), {"username": "owner", "password": "no"})
    check(waited, ["Bitte versuch es in 15 Minuten noch einmal."], ["minutes"], status=429)


@pytest.mark.django_db
def test_welcome_its_notes_and_the_first_message(browser_de):
    check(
        browser_de.get(reverse("core:welcome")),
        ["Willkommen bei tending", "Ein Name zum Anmelden", "Mein Konto anlegen"],
        ["Welcome to tending", "A name to log in with", "Make my account"],
    )
    wrong = browser_de.post(
        reverse("core:welcome"),
        {"username": "a b", "password1": "x", "password2": "y", "time_zone": "UTC"},
    )
    check(
        wrong,
        ["(keine Leerzeichen)", "Die beiden Passwörter sind nicht gleich."],
        ["(no spaces)", "The two passwords are not the same."],
    )
    made = browser_de.post(
        reverse("core:welcome"),
        {
            "username": "robin",
            "password1": "quiet-river-morning",
            "password2": "quiet-river-morning",
            "time_zone": "UTC",
            "language": "de",
        },
        follow=True,
    )
    check(made, ["Fang damit an, die Menschen in deinem Leben hinzuzufügen."], ["Start by"])
    assert get_user_model().objects.get().language == "de"


@pytest.mark.django_db
def test_error_pages(german, browser_de):
    check(
        german.get("/no/such/page/"),
        ["Hier gibt es nichts", "Zurück zum Anfang", *NAV],
        ["There is nothing here", "Back to the start"],
        status=404,
    )
    # An empty 405 is given its page further out than the language is chosen: still German.
    check(
        german.post(reverse("journal:list")),
        ["Diese Adresse funktioniert so nicht", "Hilfe jetzt"],
        ["This address does not work that way", "Need help now"],
        status=405,
    )
    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="de")
    check(
        strict.post(reverse("core:login"), {"username": "x", "password": "y"}),
        ["Bitte versuch es noch einmal", "Es wurde nichts gespeichert."],
        ["Please try again", "Nothing was saved."],
        status=403,
    )


def test_the_500_page_in_german_without_a_request():
    with translation.override("de"):
        page = server_error(RequestFactory().get("/"))
    read = check(page, ["Bei uns ist etwas schiefgegangen", "Hilfe jetzt"], ["Need help"], 500)
    assert "Was du vorher gespeichert hast, ist sicher." in read
    assert '<html lang="de"' in page.content.decode()


def test_words_written_in_python():
    with translation.override("de"):
        assert Section("a", "A", ("x", "y", "z"), 2, 0).status == "2 von 3 beantwortet"
        assert Section("a", "A", ("x",), 1, 1).status == "Braucht noch einen Blick"
        went = resolve_local_time(datetime(2026, 3, 29, 2, 30), ZoneInfo("Europe/Berlin"))
        assert went.note == (
            "Am 29. März 2026 wurden die Uhren vorgestellt, daher gab es 02:30 nicht; "
            "tending hat 03:30 gespeichert."
        )
        with pytest.raises(Exception, match="Ein Schlagwort darf höchstens 40 Zeichen"):
            validate_tag_names(["x" * 41])
    assert Section("a", "A", ("x", "y", "z"), 2, 0).status == "2 of 3 answered"


def test_without_django_set_up_the_words_stay_english(monkeypatch):
    # The terminal's quick paths share tending.core.dates and tag_names without Django.
    with translation.override("de"):
        assert core_words.gettext("Saved.") == "Gespeichert."
        monkeypatch.setattr(core_words, "ready", lambda: False)
        assert core_words.gettext("Saved.") == "Saved."


@pytest.mark.django_db
def test_the_design_page(browser_de):
    with override_settings(ROOT_URLCONF="tending.core.design"):
        page = browser_de.get("/design/")
    check(
        page,
        ["Designsystem", "Hell", "Dunkel", "Kleine Schritte, in deinem Tempo", "Steigend"],
        ["Design system", "Small steps", "Rising", "Who was there?"],
    )
