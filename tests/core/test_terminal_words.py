"""The terminal speaks the language its environment names, from the pages' catalogues."""

from __future__ import annotations

import pytest

from tending.core import terminal_words
from tending.core.terminal_words import catalogue, terminal_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT"}, "de"),
        ({"LANG": "de-CH.utf8"}, "de"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL wins over LANG
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "de"),
        ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "de"),  # the first one tending speaks
        ({"LANGUAGE": "", "LANG": "de_DE@euro"}, "de"),
        ({"LANGUAGE": "en:de", "LANG": "de_DE"}, "en"),
        # A script's LC_ALL=C means English, even where a desktop set LANGUAGE.
        ({"LANGUAGE": "de_DE:de", "LC_ALL": "C"}, "en"),
        ({"LANGUAGE": "de", "LANG": "C.UTF-8"}, "de"),  # a container's default locale
        ({"LANGUAGE": "de"}, "de"),  # no locale at all: LANGUAGE alone
    ],
)
def test_the_language_comes_from_the_environment(environ, language):
    assert terminal_language(environ) == language


def test_the_words_come_from_the_catalogues(monkeypatch):
    assert catalogue("de").gettext("Need help now") == "Hilfe jetzt"  # core's
    assert catalogue("de").gettext("On your phone") == "Auf dem Handy"  # a part's (pwa)
    assert catalogue("en").gettext("Need help now") == "Need help now"
    assert catalogue("xx").gettext("Need help now") == "Need help now"  # no catalogue: as is
    assert catalogue("de").gettext("A sentence no catalogue has") == "A sentence no catalogue has"
    monkeypatch.setenv("LANGUAGE", "de")
    assert terminal_words.gettext("Need help now") == "Hilfe jetzt"
    monkeypatch.setenv("LANGUAGE", "en")
    assert terminal_words.gettext("Need help now") == "Need help now"


def test_every_parts_words_are_reached():
    """Each part's catalogue is in the chain: a word only that part has is found."""
    import gettext

    reached = catalogue("de")
    for part in terminal_words.PARTS:
        folder = terminal_words.PACKAGE / part / "locale"
        if not (folder / "de" / "LC_MESSAGES" / "django.mo").exists():
            continue
        own = gettext.translation("django", folder, languages=["de"])._catalog
        others = [
            gettext.translation(
                "django", terminal_words.PACKAGE / p / "locale", ["de"], fallback=True
            )
            for p in terminal_words.PARTS
            if p != part
        ]
        only_here = [
            key
            for key, value in own.items()
            if isinstance(key, str)
            and key
            and value != key
            and all(o.gettext(key) == key for o in others)
        ]
        assert only_here, f"{part} has no word of its own to look for"
        assert reached.gettext(only_here[0]) == own[only_here[0]], part


def test_counts_take_the_languages_plural(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    assert terminal_words.ngettext("%d moment", "%d moments", 1) == "%d moment"
    assert terminal_words.ngettext("%d moment", "%d moments", 3) == "%d moments"
