"""Which country a time zone or a locale points to, for choosing crisis lines (no Django).

Python's zoneinfo knows no countries, so this reads the IANA table `zone.tab` that the
`tzdata` package ships (a dependency of tending), with the links in its `tzdata.zi` so old
names browsers still report (Asia/Calcutta, US/Eastern) are found too. Without the package
it falls back to the system's /usr/share/zoneinfo. A guess is only ever a starting point:
the person can always choose another country.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# A locale like de_DE.UTF-8, de_DE@euro, en-GB or de-Latn-AT: the region is the first
# two-letter part after the language.
_LOCALE_REGION = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2})(?:$|[.@\-_])")


def _read_tzdata(name: str) -> str:
    """One of tzdata's text files, from the package or else from the system."""
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        pass
    try:
        return (SYSTEM_ZONEINFO / name).read_text(encoding="utf-8")
    except OSError:
        return ""


def parse_zone_tab(text: str) -> dict[str, str]:
    """`zone.tab` lines (country, coordinates, zone, comment) as {zone: country}."""
    zones: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3 and _COUNTRY.match(parts[0]):
            zones[parts[2].strip()] = parts[0]
    return zones


def parse_links(text: str) -> dict[str, str]:
    """The `L TARGET NAME` lines of `tzdata.zi` as {old or other name: zone}."""
    links: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    return links


# Old names that tzdata links to a zone in another country, where the place itself is not
# in that country. Browsers still report some (Chromium says America/Coral_Harbour for
# Atikokan, Ontario, which tzdata links to Panama).
LINKS_ACROSS_BORDERS = {
    "Atlantic/Jan_Mayen": "SJ",  # linked to Berlin; Norwegian (Svalbard and Jan Mayen)
    "America/Coral_Harbour": "CA",  # linked to Panama
    "Africa/Asmera": "ER",  # linked to Nairobi
    "Africa/Timbuktu": "ML",  # linked to Abidjan
    "Pacific/Truk": "FM",  # linked to Port Moresby
    "Pacific/Yap": "FM",
    "Pacific/Ponape": "FM",  # linked to Guadalcanal
}


def _follows_its_link(name: str) -> bool:
    # Names without a place (CET, WET, MST) and Antarctic bases say nothing about a country.
    return "/" in name and not name.startswith(("Etc/", "Antarctica/"))


@lru_cache(maxsize=1)
def zone_countries() -> dict[str, str]:
    """Every zone name tzdata knows with a country, old names included: {zone: country}."""
    zones = parse_zone_tab(_read_tzdata("zone.tab"))
    every = dict(zones)
    for name, target in parse_links(_read_tzdata("tzdata.zi")).items():
        if name not in every and target in zones and _follows_its_link(name):
            every[name] = LINKS_ACROSS_BORDERS.get(name, zones[target])
    return every


def country_for_time_zone(zone: str | None) -> str:
    """The country code of a time zone (Europe/Berlin → DE), or "" for UTC and the unknown."""
    return zone_countries().get((zone or "").strip(), "")


def country_for_locale(locale: str | None) -> str:
    """The country of a locale (de_DE.UTF-8 → DE, en-GB → GB), or "" when it names none."""
    match = _LOCALE_REGION.match((locale or "").strip())
    return match.group(1).upper() if match else ""


def country_for_accept_language(header: str | None) -> str:
    """The first country named in a browser's Accept-Language header ("de-DE,de;q=0.9")."""
    for part in (header or "").split(","):
        country = country_for_locale(part.split(";")[0])
        if country:
            return country
    return ""


def zones_of(country: str) -> list[str]:
    """Every zone name that points to `country`, sorted (for the browser to match its own)."""
    return sorted(z for z, c in zone_countries().items() if c == country)
