"""The page's language: the account's choice, else the browser's; chosen in Settings and on
the welcome page; said in `lang`, `dir` and Content-Language."""

from __future__ import annotations

import re

from django.test import Client, override_settings
from django.utils import translation

from tending.core.jinja import text_direction

GERMAN = "de-DE,de;q=0.9,en;q=0.5"


def html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_before_logging_in_the_page_speaks_the_browsers_language(owner):
    response = Client().get("/login/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    assert response.headers["Content-Language"] == "de"
    assert "Accept-Language" in response.headers["Vary"]
    assert html_tag(response) == '<html lang="de" dir="ltr">'
    assert "Hilfe jetzt" in response.content.decode()
    english = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert html_tag(english) == '<html lang="en" dir="ltr">'
    assert "Need help now" in english.content.decode()


def test_a_language_tending_does_not_speak_falls_back_to_english(owner):
    response = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.headers["Content-Language"] == "en"


def test_the_accounts_choice_wins_over_the_browser(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    response = owner_client.get("/settings/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.headers["Content-Language"] == "de"
    assert "Accept-Language" not in response.headers.get("Vary", "")
    assert html_tag(response).startswith('<html lang="de"')


def test_an_account_that_never_chose_follows_the_browser(owner, owner_client):
    assert owner.language == ""
    response = owner_client.get("/settings/", HTTP_ACCEPT_LANGUAGE=GERMAN)
    assert response.headers["Content-Language"] == "de"
    # The choice shows what the page is in, each language named in itself.
    page = response.content.decode()
    assert '<option value="de" selected lang="de">Deutsch</option>' in page
    assert '<option value="en" lang="en">English</option>' in page


def test_a_language_no_longer_spoken_shows_the_one_the_page_is_in(owner, owner_client):
    """A choice kept from a language since removed: the page follows the browser, and so does
    the list, so saving the page keeps German instead of quietly choosing English."""
    type(owner).objects.filter(pk=owner.pk).update(language="xx")
    page = owner_client.get("/settings/", HTTP_ACCEPT_LANGUAGE=GERMAN).content.decode()
    assert '<option value="de" selected lang="de">Deutsch</option>' in page


def test_settings_keeps_the_choice(owner, owner_client):
    response = owner_client.post(
        "/settings/", {"time_zone": "Europe/Berlin", "language": "de", "email": ""}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.language == "de"
    after = owner_client.get("/settings/", HTTP_ACCEPT_LANGUAGE="en")
    assert after.headers["Content-Language"] == "de"


def test_settings_refuses_a_language_it_does_not_offer(owner, owner_client):
    response = owner_client.post(
        "/settings/", {"time_zone": "Europe/Berlin", "language": "xx", "email": ""}
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.language == ""
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_welcome_page_is_prefilled_from_the_browser_and_keeps_the_choice(db):
    from django.contrib.auth import get_user_model

    client = Client()
    page = client.get("/welcome/", HTTP_ACCEPT_LANGUAGE=GERMAN).content.decode()
    assert '<option value="de" selected lang="de">Deutsch</option>' in page
    response = client.post(
        "/welcome/",
        {
            "username": "robin",
            "password1": "quiet-river-morning",
            "password2": "quiet-river-morning",
            "time_zone": "Europe/Berlin",
            "language": "de",
            "country": "DE",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_user_model().objects.get(username="robin").language == "de"


@override_settings(LANGUAGES=[("en", "English"), ("ar", "العربية")])
def test_a_right_to_left_language_turns_the_page(owner, owner_client):
    with translation.override("ar"):
        assert text_direction() == "rtl"
    with translation.override("de"):
        assert text_direction() == "ltr"
    type(owner).objects.filter(pk=owner.pk).update(language="ar")
    assert html_tag(owner_client.get("/settings/")) == '<html lang="ar" dir="rtl">'
