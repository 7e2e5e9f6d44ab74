"""The country asked for as an account is made at the terminal: given, or guessed, and kept."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import get_language, gettext

from tending.safety.countries import country_for_locale, country_for_time_zone
from tending.safety.crisis_lines import shipped_table, shown_table, table_country
from tending.safety.services import set_region

NONE_WORDS = {"none", "-"}


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
    table = shown_table(get_language())  # the countries' names in the terminal's language
    if given is not None:
        code = given.strip().upper()
        if code.lower() in NONE_WORDS or not code:
            return "", gettext("Crisis help will show the general numbers.")
        region = table.region(code)
        if region is None:
            known = ", ".join(sorted(shipped_table().countries))
            raise ValueError(
                gettext(
                    "--country %(given)s: tending has no crisis lines for that country. "
                    "Choose one of %(known)s, or --country none for the general numbers. "
                    "Nothing was created."
                )
                % {"given": repr(given), "known": known}
            )
        return region.code, gettext("Crisis help will show the lines for %(country)s.") % {
            "country": region.name
        }
    how_to_change = gettext(
        "Change it with --country, or later under Safety plan → Crisis numbers."
    )
    for code, said in (
        (
            table_country(country_for_time_zone(time_zone)),
            gettext(
                "Crisis help will show the lines for %(country)s (from the time zone %(zone)s)."
            ),
        ),
        (
            table_country(country_for_locale(_locale(environ))),
            gettext(
                "Crisis help will show the lines for %(country)s (from your language setting)."
            ),
        ),
    ):
        if code:
            words = {"country": table.countries[code].name, "zone": time_zone}
            return code, f"{said % words} {how_to_change}"
    said = gettext("Crisis help will show the general numbers.")
    return None, f"{said} {how_to_change}"


def save_country(user, country: str | None) -> None:
    """Keep the account's country; "" keeps the general numbers as a choice made."""
    if country is not None:
        set_region(user, country)
