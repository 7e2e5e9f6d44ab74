"""The country asked for as an account is made at the terminal: given, or guessed, and kept."""

from __future__ import annotations

from collections.abc import Mapping

from tending.safety.countries import country_for_locale, country_for_time_zone
from tending.safety.crisis_lines import shipped_table, table_country
from tending.safety.services import set_region

NONE_WORDS = {"none", "-"}
HOW_TO_CHANGE = "Change it with --country, or later under Safety plan → Crisis numbers."


def _locale(environ: Mapping[str, str]) -> str:
    # The order the C library itself reads them in.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return environ[name]
    return ""


def country_for_new_account(
    given: str | None, time_zone: str, environ: Mapping[str, str]
) -> tuple[str | None, str]:
    """The country for a new account's crisis lines, and a sentence saying which and why.

    None means nothing is known yet: nothing is kept, so a time zone set later still counts.

    `given` (from --country) wins; "none" means the general numbers. Otherwise the time zone
    says where the person is, then the locale (LANG=de_DE.UTF-8). Raises ValueError with
    a message naming the choices when `given` is not a country tending has lines for.
    """
    table = shipped_table()
    if given is not None:
        code = given.strip().upper()
        if code.lower() in NONE_WORDS or not code:
            return "", "Crisis help will show the general numbers."
        region = table.region(code)
        if region is None:
            known = ", ".join(sorted(table.countries))
            raise ValueError(
                f"--country {given!r}: tending has no crisis lines for that country. "
                f"Choose one of {known}, or --country none for the general numbers. "
                "Nothing was created."
            )
        return region.code, f"Crisis help will show the lines for {region.name}."
    for code, source in (
        (table_country(country_for_time_zone(time_zone)), f"the time zone {time_zone}"),
        (table_country(country_for_locale(_locale(environ))), "your language setting"),
    ):
        if code:
            name = table.countries[code].name
            return code, f"Crisis help will show the lines for {name} (from {source}). " + (
                HOW_TO_CHANGE
            )
    return None, f"Crisis help will show the general numbers. {HOW_TO_CHANGE}"


def save_country(user, country: str | None) -> None:
    """Keep the account's country; "" keeps the general numbers as a choice made."""
    if country is not None:
        set_region(user, country)
