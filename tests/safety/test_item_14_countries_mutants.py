"""Item 14: from a time zone or a locale to a country, pinned line by line (no Django)."""

from __future__ import annotations

from tending.safety import countries
from tending.safety.countries import (
    country_for_accept_language,
    country_for_locale,
    country_for_time_zone,
    parse_links,
    parse_zone_tab,
    zone_countries,
    zones_of,
)

ZONE_TAB = "\n".join(
    [
        "# a comment\tXX\tNot/Read",
        "",
        "DE\t+5230+01322\tEurope/Berlin\tmost of Germany",
        "AT\t+4813+01620\tEurope/Vienna ",
        "de\t+0\tLower/Case",
        "GB\t+513030-0000731",
        "FR\t+4852+00220\tEurope/Paris",
    ]
)


def test_item_14_zone_tab_lines_give_zone_and_country():
    assert parse_zone_tab(ZONE_TAB) == {
        "Europe/Berlin": "DE",
        "Europe/Vienna": "AT",
        "Europe/Paris": "FR",
    }
    assert parse_zone_tab("") == {}


def test_item_14_only_three_part_link_lines_count():
    text = "\n".join(
        [
            "L Europe/Berlin Atlantic/Jan_Mayen",
            "L Asia/Kolkata",
            "L Asia/Kolkata Asia/Calcutta extra",
            "Z Asia/Kolkata 5:53:28 - LMT 1854",
            "X Asia/Kolkata Asia/Other",
            "",
            "L America/Panama America/Coral_Harbour",
        ]
    )
    assert parse_links(text) == {
        "Atlantic/Jan_Mayen": "Europe/Berlin",
        "America/Coral_Harbour": "America/Panama",
    }


def test_item_14_tzdata_is_read_from_the_package_or_else_the_system(tmp_path, monkeypatch):
    assert "Europe/Berlin" in countries._read_tzdata("zone.tab")
    monkeypatch.setattr(countries, "SYSTEM_ZONEINFO", tmp_path)
    (tmp_path / "only-here.txt").write_text("from the system", encoding="utf-8")
    assert countries._read_tzdata("only-here.txt") == "from the system"
    assert countries._read_tzdata("nowhere.txt") == ""


def test_item_14_old_names_follow_their_links_within_a_country():
    every = zone_countries()
    assert every["Europe/Berlin"] == "DE"
    assert every["Asia/Calcutta"] == "IN"
    assert every["US/Eastern"] == "US"
    assert every["America/Coral_Harbour"] == "CA"
    # Names without a place, and Antarctic bases, say nothing of a country.
    assert "CET" not in every and "Etc/GMT+1" not in every and "UTC" not in every
    assert "Antarctica/South_Pole" not in every
    assert country_for_time_zone("  Europe/Vienna ") == "AT"
    assert country_for_time_zone(None) == "" and country_for_time_zone("Nowhere/Else") == ""


def test_item_14_a_locale_names_its_country_after_the_language():
    assert country_for_locale("de_DE.UTF-8") == "DE"
    assert country_for_locale("en-gb") == "GB"
    assert country_for_locale("de-Latn-AT") == "AT"
    assert country_for_locale(None) == "" and country_for_locale("de") == ""


def test_item_14_the_first_country_in_accept_language_wins():
    assert country_for_accept_language("de;q=0.9,fr-CH;q=0.8,en-GB") == "CH"
    assert country_for_accept_language("de-AT,en-GB") == "AT"
    assert country_for_accept_language(None) == "" and country_for_accept_language("de,fr") == ""


def test_item_14_the_zones_of_a_country_sorted():
    berlin = zones_of("DE")
    assert "Europe/Berlin" in berlin and "Europe/Vienna" not in berlin
    assert berlin == sorted(berlin) and zones_of("ZZ") == []
