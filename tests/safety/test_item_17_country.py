"""Item 17: crisis help reaches the right country, from the first page, logged in or out."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.cli import main
from tending.safety import crisis_lines
from tending.safety.countries import (
    country_for_accept_language,
    country_for_locale,
    country_for_time_zone,
    zones_of,
)
from tending.safety.crisis_lines import CrisisLinesError, parse_table, shipped_table
from tending.safety.models import CrisisSettings
from tests.factories import CrisisSettingsFactory, UserFactory
from tests.safety.helpers import field_error, text_of

GERMAN_LINE = 'href="tel:08001110111"'
WELCOME = {
    "username": "robin",
    "password1": "quiet-river-morning",
    "password2": "quiet-river-morning",
    "time_zone": "Europe/Berlin",
}


def crisis(client: Client, **params) -> str:
    response = client.get(reverse("safety:crisis"), params)
    assert response.status_code == 200
    return response.content.decode()


# --- time zones and locales to countries (no database) ------------------------------------


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/Berlin", "DE"),
        ("Europe/Lisbon", "PT"),
        ("Atlantic/Madeira", "PT"),
        ("Europe/Copenhagen", "DK"),  # a link to Berlin in tzdata, but its own country
        ("Asia/Calcutta", "IN"),  # the old name Chromium still reports
        ("US/Eastern", "US"),
        ("America/Coral_Harbour", "CA"),  # CLDR's name for Atikokan; tzdata links it to Panama
        ("Atlantic/Jan_Mayen", "SJ"),  # linked to Berlin, but Norwegian
        ("CET", ""),  # no place, so no country (tzdata links it to Brussels)
        ("Etc/UTC", ""),
        ("UTC", ""),
        ("Mars/Olympus", ""),
        ("", ""),
    ],
)
def test_item_17_time_zones_point_to_countries(zone, country):
    assert country_for_time_zone(zone) == country


def test_item_17_every_country_with_lines_is_found_from_a_time_zone():
    for code in shipped_table().countries:
        assert zones_of(code), f"no time zone leads to {code}"


@pytest.mark.parametrize(
    ("locale", "country"),
    [("de_DE.UTF-8", "DE"), ("pt_PT@euro", "PT"), ("en-GB", "GB"), ("C.UTF-8", ""), ("en", "")],
)
def test_item_17_locales_point_to_countries(locale, country):
    assert country_for_locale(locale) == country


def test_item_17_accept_language_takes_the_first_country_named():
    assert country_for_accept_language("en;q=0.9, de-AT,de;q=0.8") == "AT"
    assert country_for_accept_language("") == ""


# --- the table: Portugal's 1411, and when each country was checked ------------------------


def test_item_17_portugal_lists_1411_first():
    portugal = shipped_table().countries["PT"]
    first = portugal.lines[0]
    assert first.number == "1411" and first.tel == "1411"
    assert first.hours == "Any time, day or night"
    assert "808 24 24 24" in [line.number for line in portugal.lines]


def test_item_17_every_region_says_when_and_against_what_it_was_checked():
    table = shipped_table()
    for region in [table.general, *table.countries.values()]:
        honest = region.checked == crisis_lines.NOT_CHECKED or " against " in region.checked
        assert honest, region.code
    assert (
        table.countries["GB"].checked_on is not None and "against" in table.countries["GB"].checked
    )


@pytest.mark.parametrize(
    ("checked", "message"),
    [
        (None, "countries.GB.checked: is missing or empty"),
        ('"recently"', "should be “not yet checked” or “YYYY-MM-DD against WHAT”"),
        ('"2026-02-31 against x"', "“2026-02-31” is not a real date"),
    ],
)
def test_item_17_the_loader_refuses_a_country_without_an_honest_checked(checked, message):
    text = (
        'schema = 1\n[general]\nname = "A"\nemergency = "112"\nchecked = "not yet checked"\n'
        '[countries.GB]\nname = "United Kingdom"\nemergency = "999"\n'
        + (f"checked = {checked}\n" if checked else "")
    )
    with pytest.raises(CrisisLinesError) as caught:
        parse_table(text, "t.toml")
    assert message in str(caught.value)


# --- the welcome page and createuser ask for the country ----------------------------------


@pytest.mark.django_db
def test_item_17_the_welcome_page_asks_for_the_country_and_keeps_it():
    page = Client().get(reverse("core:welcome"), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    html = page.content.decode()
    assert "Dein Land" in html  # the page speaks the browser's German
    # The browser's language fills it in; each option carries its time zones for country.js.
    portugal = "Atlantic/Azores Atlantic/Madeira Europe/Lisbon"
    assert f'<option value="PT" data-time-zones="{portugal}">' in html
    assert '<option value="DE" selected data-time-zones="Europe/Berlin Europe/Busingen">' in html
    assert "safety/country.js" in html
    client = Client()
    response = client.post(reverse("core:welcome"), {**WELCOME, "country": "PT"})
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert CrisisSettings.objects.get(owner=user).region == "PT"
    # From the first page on, "Need help now" shows that country's lines.
    assert 'href="tel:1411"' in crisis(client)


@pytest.mark.django_db
def test_item_17_a_country_without_lines_is_refused_at_the_field_and_nothing_is_made():
    response = Client().post(reverse("core:welcome"), {**WELCOME, "country": "XX"})
    assert response.status_code == 200
    assert field_error(response.content.decode(), "id_country") == (
        "Please choose a country from the list."
    )
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_item_17_createuser_asks_for_the_country(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-quiet-password\n"))
    assert main(["createuser", "kim", "--password-stdin", "--country", "pt"]) == 0
    assert "lines for Portugal" in capsys.readouterr().out
    assert CrisisSettings.objects.get(owner__username="kim").region == "PT"


@pytest.mark.django_db
def test_item_17_createuser_guesses_the_country_from_the_time_zone_then_the_locale(
    monkeypatch, capsys
):
    monkeypatch.setenv("LANG", "pt_PT.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-quiet-password\n"))
    assert main(["createuser", "ana", "--password-stdin", "--time-zone", "Europe/Berlin"]) == 0
    said = capsys.readouterr().out
    assert "lines for Germany (from the time zone Europe/Berlin)" in said
    assert "--country" in said
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-quiet-password\n"))
    assert main(["createuser", "joao", "--password-stdin"]) == 0  # UTC: the locale says
    assert "lines for Portugal (from your language setting)" in capsys.readouterr().out
    regions = dict(CrisisSettings.objects.values_list("owner__username", "region"))
    assert regions == {"ana": "DE", "joao": "PT"}


@pytest.mark.django_db
def test_item_17_createuser_refuses_an_unknown_country_and_makes_nothing(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-quiet-password\n"))
    assert main(["createuser", "kim", "--password-stdin", "--country", "Narnia"]) == 1
    err = capsys.readouterr().err
    assert "--country 'Narnia'" in err and "DE" in err and "Nothing was created" in err
    assert not get_user_model().objects.filter(username="kim").exists()


# --- a Berlin user after a risky answer ---------------------------------------------------


@pytest.mark.django_db
def test_item_17_a_berlin_user_sees_german_lines_first_after_a_risky_answer():
    berlin = UserFactory(username="lena", time_zone="Europe/Berlin")  # never chose a country
    client = Client()
    client.force_login(berlin)
    inst = get_instrument("hard-days")
    data = {f"q-{item.id}": "0" for item in inst.items}
    data[f"q-{inst.safety_rules[0].item}"] = "2"
    response = client.post(reverse("checkins:take", args=["hard-days"]), data, follow=True)
    html = response.content.decode()
    assert CheckIn.objects.get(owner=berlin).safety_fired
    assert GERMAN_LINE in html and "TelefonSeelsorge" in html
    assert 'href="tel:911"' not in html and 'href="tel:988"' not in html
    main = html[html.index("<main") :]
    assert main.index(GERMAN_LINE) < main.index("your result")
    assert "Showing the numbers for Germany, from your time zone." in text_of(html)


@pytest.mark.django_db
def test_item_17_a_chosen_country_wins_over_the_time_zone():
    berlin = UserFactory(time_zone="Europe/Berlin")
    CrisisSettingsFactory(owner=berlin, region="")  # chose the general numbers on purpose
    client = Client()
    client.force_login(berlin)
    page = crisis(client)
    assert 'href="tel:988"' in page and GERMAN_LINE not in page


# --- logged out: ?country and the browser's time zone -------------------------------------


def test_item_17_logged_out_need_help_now_shows_the_chosen_country_first(anon_client, db):
    page = crisis(anon_client, country="DE")
    assert GERMAN_LINE in page
    assert 'href="tel:911"' not in page
    assert page.index(GERMAN_LINE) < page.index("In another country?")
    assert '<select id="crisis-region" name="country">' in page
    assert "data-guess-country" not in page


def test_item_17_logged_out_need_help_now_follows_the_browser_time_zone(anon_client, db):
    plain = crisis(anon_client)
    # Nothing known yet: the page asks country.js (an external file) for the time zone.
    assert "data-guess-country" in plain and "safety/country.js" in plain
    assert "<script>" not in plain
    page = crisis(anon_client, tz="Europe/Berlin")
    assert GERMAN_LINE in page and 'href="tel:911"' not in page
    assert "Showing the numbers for Germany, from your time zone." in text_of(page)
    assert "data-guess-country" not in page
    # A zone with no country of its own keeps the general numbers, and asks no more.
    utc = crisis(anon_client, tz="Etc/UTC")
    assert 'href="tel:911"' in utc and "data-guess-country" not in utc
    # A country asked for wins over the time zone.
    assert 'href="tel:1411"' in crisis(anon_client, tz="Europe/Berlin", country="PT")


@pytest.mark.django_db
def test_item_17_the_numbers_page_offers_the_time_zones_country_until_one_is_chosen():
    berlin = UserFactory(time_zone="Europe/Berlin")
    client = Client()
    client.force_login(berlin)
    page = client.get(reverse("safety:settings")).content.decode()
    assert '<option value="DE" selected>Germany</option>' in page
    assert "For Germany: emergency 112" in text_of(page)
