"""The shown texts of Growth's data files (ladders.toml, starter_steps.toml), each in English
with its translations beside it, keyed by language: `text = "…"` and `de.text = "…"`. Pure:
no Django; the pages pass the language they speak.

A text is shown in the page's language, in English for a language the files do not speak.
What is stored (a ladder's place, a starter's barrier and number) never depends on it.
"""

from __future__ import annotations

from collections.abc import Mapping

from tending.core.language_tags import general

ENGLISH = "en"
# Every language but English each text carries (as settings.LANGUAGES; a test holds the two
# together). A text without one of them is refused when the file is read.
TRANSLATED = ("de",)


class TextProblem(ValueError):
    """A shown text, or one of its translations, is missing or empty."""


def shown_language(language: str | None) -> str:
    """The language a data file's text is shown in: the page's, when the files speak it."""
    found = general(language)
    return found if found in TRANSLATED else ENGLISH


def words(entry: Mapping, name: str, where: str) -> dict[str, str]:
    """The text `name` of a file's entry in English and in every translated language, checked:
    {"en": …, "de": …}. `where` names the entry in a problem's message."""
    found = {ENGLISH: entry.get(name)}
    for key, value in entry.items():
        if isinstance(value, Mapping) and key not in TRANSLATED:
            raise TextProblem(f"{where}: {key!r} is not a language the texts are in.")
    for language in TRANSLATED:
        translations = entry.get(language, {})
        if not isinstance(translations, Mapping):
            raise TextProblem(f"{where}: {language} should hold texts, as {language}.{name}.")
        found[language] = translations.get(name)
    for language, text in found.items():
        if not isinstance(text, str) or not text.strip():
            label = name if language == ENGLISH else f"{language}.{name}"
            raise TextProblem(f"{where} needs words for {label}.")
    return found


def extra_translations(entry: Mapping, names: tuple[str, ...], where: str) -> None:
    """Refuse a translation of something that is not one of the entry's texts (a typo, or a
    number translated), which would otherwise be left unread."""
    for language in TRANSLATED:
        translations = entry.get(language, {})
        if isinstance(translations, Mapping):
            unknown = sorted(set(translations) - set(names))
            if unknown:
                raise TextProblem(f"{where}: {language}.{unknown[0]} is not a text to translate.")
