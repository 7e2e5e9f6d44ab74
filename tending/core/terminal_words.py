"""The terminal's language: the one the environment names, as other programs read it.

`tending` at a terminal speaks the first language of `LANGUAGE` (a list, "de:en"), else
`LC_ALL`, `LC_MESSAGES` or `LANG` ("de_DE.UTF-8"), that tending speaks; "C", "POSIX" and an
unknown one mean English. Its words come from the same catalogues as the pages', read with
Python's own gettext, so the commands that answer without starting Django (`--help`, a quick
`tending log`) are translated too. Terminal code marks its words with `from tending.core.words
import gettext as _` (Django's gettext once Django is set up, this module's before), and they
are gathered into its part's catalogue like any other.
"""

from __future__ import annotations

import gettext as python_gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from tending.core.language_tags import general

PACKAGE = Path(__file__).resolve().parent.parent
SPOKEN = ("en", "de")  # settings.LANGUAGES, without reading Django's settings
# Catalogues in the order Django reads them: core's words win over a part's.
PARTS = (
    "core", "circle", "moments", "checkins", "safety", "today", "journal", "search",
    "exchange", "insights", "mirror", "growth", "invitations", "api", "pwa",
)  # fmt: skip


def _code(value: str) -> str:
    """A locale's language tag, without its codeset or modifier ("de_DE" of "de_DE.UTF-8@euro")."""
    return value.split(".")[0].split("@")[0].lower()


def terminal_language(environ: Mapping[str, str] | None = None) -> str:
    """LC_ALL=C (or POSIX), as scripts set it, means English whatever LANGUAGE says; else
    LANGUAGE's list comes first, then the locale (LC_ALL, LC_MESSAGES, LANG)."""
    environ = os.environ if environ is None else environ
    if _code(environ.get("LC_ALL", "")) in ("c", "posix"):
        return "en"
    locale = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n, "")), "")
    for value in [*environ.get("LANGUAGE", "").split(":"), locale]:
        code = _code(value)
        if not code:
            continue
        if code in ("c", "posix"):
            return "en"
        if general(code) in SPOKEN:
            return general(code)
    return "en"


@cache
def catalogue(language: str) -> python_gettext.NullTranslations:
    """Every part's words in `language`, one catalogue falling back to the next."""
    found: python_gettext.NullTranslations = python_gettext.NullTranslations()
    if language == "en":
        return found
    chain = [
        python_gettext.translation(
            "django", PACKAGE / part / "locale", languages=[language], fallback=True
        )
        for part in PARTS
    ]
    first = chain[0]
    for later in chain[1:]:
        first.add_fallback(later)
    return first


def gettext(message: str) -> str:
    return catalogue(terminal_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalogue(terminal_language()).ngettext(singular, plural, count)
