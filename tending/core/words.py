"""Words for modules the terminal's quick paths share, which run without Django set up.

`gettext` here is Django's, in the language in use, once Django is set up; before that (the
quick paths of tending.core.direct never set it up) it reads the same catalogues with
Python's own gettext, in the terminal's language (tending.core.terminal_words), where
Django's would fail. Nothing of Django's translation machinery is imported until then.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def ready() -> bool:
    """Whether Django is set up enough to look words up in the catalogues.

    Read from what is imported already: asking Django would import it, and the quick paths
    and `--help` must not load it (tests/core/test_direct.py, tests/test_cli_startup.py).
    Its apps are ready only once setup() has run, with settings configured.
    """
    registry = sys.modules.get("django.apps")
    return registry is not None and registry.apps.ready


def gettext(message: str) -> str:
    if not ready():
        from tending.core import terminal_words

        return terminal_words.gettext(message)
    from django.utils.translation import gettext as translated

    return translated(message)


def and_words() -> str:
    """The language in use's "%(items)s and %(last)s", for a long list of rows to look up once
    and hand to and_list."""
    # Translators: the last two of a list, as in "Ana, Sam and Jo".
    return gettext("%(items)s and %(last)s")


def and_list(items: Sequence[str], words: str | None = None) -> str:
    """Items as a sentence lists them, "Sam", "Sam and Jo", "Ana, Sam and Jo", in the language
    in use. `words`: and_words(), when a long list of rows has looked it up once already."""
    if len(items) < 2:
        return "".join(items)
    if words is None:
        words = and_words()
    return words % {"items": ", ".join(items[:-1]), "last": items[-1]}


def grouped(number: int) -> str:
    """A whole number with its thousands marked as the language in use marks them ("10,000",
    "10.000"); the English way on a quick path without Django."""
    if not ready():
        return f"{number:,}"
    from django.utils.formats import get_format

    # Groups of three, with the language's mark (number_format groups by the settings'
    # NUMBER_GROUPING, which is 0 where no language is active, as in makemigrations).
    return f"{number:,}".replace(",", get_format("THOUSAND_SEPARATOR"))


def ngettext(singular: str, plural: str, count: int) -> str:
    if not ready():
        from tending.core import terminal_words

        return terminal_words.ngettext(singular, plural, count)
    from django.utils.translation import ngettext as translated

    return translated(singular, plural, count)
