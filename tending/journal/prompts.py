"""The reflection prompt library: loading, validating and choosing prompts.

The prompts themselves live in ``prompts.toml`` beside this module, written for
tending and grouped by theme and depth, each with its translations beside it
(``de.text = "…"``). Loading and choosing are pure Python; only the words shown,
a prompt's text and its theme's name in the page's language, ask Django which
language is in use. Views, the Today page and the command line all ask it for a prompt:
``prompt.text`` is the English (what exports and programs read), ``prompt.local_text``
the words a person reads (``prompt.text_in(language)`` in another language).

Choosing is deterministic for a seed, so the same person sees the same prompt
all day (seed with something like ``f"{user_id}:{date}:{n}"``) and "another"
moves on by passing the prompts just shown as ``skip_ids``.
"""

from __future__ import annotations

import functools
import random
import re
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, pgettext_lazy

from tending.core.language_tags import best

THEMES: dict[str, str] = {
    "knowing-myself": pgettext_lazy("prompt theme", "Knowing myself"),
    "being-known": pgettext_lazy("prompt theme", "Being known"),
    "feeling-safe": pgettext_lazy("prompt theme", "Feeling safe"),
    "mirrors": pgettext_lazy("prompt theme", "What others mirror back"),
    "growing": pgettext_lazy("prompt theme", "Growing"),
    "gratitude": pgettext_lazy("prompt theme", "Gratitude"),
    "repair": pgettext_lazy("prompt theme", "Repair after conflict"),
}
DEPTHS: tuple[str, ...] = ("light", "deeper", "deepest")

MAX_TEXT_LENGTH = 200
DEFAULT_PATH = Path(__file__).with_name("prompts.toml")

_FIELDS = ("id", "text", "theme", "depth")
# A translation is a table named by its language's code holding only the text:
# `de.text = "…"` in a [[prompt]]. English is the prompt's own `text`.
_TRANSLATED = ("text",)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class PromptError(ValueError):
    """The prompt file is malformed; the message names the file, the prompt and the problem."""


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str  # the English: what is stored, exported and read by programs
    theme: str
    depth: str
    # (language code, text) for each translation, in file order; a language missing here
    # is shown the English.
    translations: tuple[tuple[str, str], ...] = ()

    def text_in(self, language: str | None) -> str:
        """The words in `language` ("de", or a variant such as "de-at"), else the English."""
        if language and self.translations:
            found = dict(self.translations)
            return found.get(best(language, found), self.text)
        return self.text

    @property
    def local_text(self) -> str:
        """The words in the language in use (the page's, or the terminal's)."""
        return self.text_in(get_language())

    @property
    def theme_label(self) -> str:
        """The theme's name in the language in use."""
        return str(THEMES[self.theme])


def _where(index: int, entry: object) -> str:
    """'prompt 3 (id 'km-x')' for messages; the index is 1-based, as a person counts."""
    prompt_id = entry.get("id") if isinstance(entry, dict) else None
    if isinstance(prompt_id, str) and prompt_id:
        return f"prompt {index} (id {prompt_id!r})"
    return f"prompt {index}"


def _parse(path: Path, index: int, entry: object, seen: dict[str, int]) -> Prompt:
    where = _where(index, entry)

    def fail(problem: str) -> PromptError:
        return PromptError(f"{path}: {where}: {problem}")

    if not isinstance(entry, dict):
        raise fail("is not a table")
    languages = [key for key in entry if _is_language(key) and isinstance(entry[key], dict)]
    unknown = sorted(set(entry) - set(_FIELDS) - set(languages))
    if unknown:
        raise fail(
            f"unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(_FIELDS)}, "
            "and translations such as de.text"
        )
    missing = [key for key in _FIELDS if key not in entry]
    if missing:
        raise fail(f"missing key(s) {', '.join(map(repr, missing))}")
    for key in _FIELDS:
        if not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string")

    prompt_id, theme, depth = entry["id"], entry["theme"], entry["depth"]
    text = " ".join(entry["text"].split())
    if not _SLUG.match(prompt_id):
        raise fail(f"id {prompt_id!r} is not a slug (lowercase letters, digits and hyphens)")
    if prompt_id in seen:
        raise fail(f"duplicate id {prompt_id!r}, already used by prompt {seen[prompt_id]}")
    if theme not in THEMES:
        raise fail(f"unknown theme {theme!r}; known: {', '.join(THEMES)}")
    if depth not in DEPTHS:
        raise fail(f"unknown depth {depth!r}; known: {', '.join(DEPTHS)}")
    if not text:
        raise fail("empty text")
    if len(text) > MAX_TEXT_LENGTH:
        raise fail(f"text is {len(text)} characters long; at most {MAX_TEXT_LENGTH} allowed")
    translations = tuple((language, _translation(entry, language, fail)) for language in languages)
    seen[prompt_id] = index
    return Prompt(id=prompt_id, text=text, theme=theme, depth=depth, translations=translations)


def _is_language(key: str) -> bool:
    """A language Django knows, other than English (the prompt's own `text`)."""
    return key != "en" and key in LANG_INFO and "name" in LANG_INFO[key]


def _translation(entry: dict, language: str, fail) -> str:
    """The checked text of one translation (`de.text`), held to the English's rules."""
    table = entry[language]
    unknown = sorted(set(table) - set(_TRANSLATED))
    if unknown:
        raise fail(
            f"unknown key(s) {', '.join(f'{language}.{key}' for key in unknown)}; "
            f"a translation has only {language}.text"
        )
    if "text" not in table:
        raise fail(f"missing key '{language}.text'")
    if not isinstance(table["text"], str):
        raise fail(f"'{language}.text' must be a string")
    text = " ".join(table["text"].split())
    if not text:
        raise fail(f"empty text in {language}.text")
    if len(text) > MAX_TEXT_LENGTH:
        raise fail(
            f"{language}.text is {len(text)} characters long; at most {MAX_TEXT_LENGTH} allowed"
        )
    return text


def load_prompts(path: Path | None = None) -> tuple[Prompt, ...]:
    """Read and validate a prompt file (by default the shipped library), in file order."""
    path = DEFAULT_PATH if path is None else Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise PromptError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"prompt"})
    if unknown:
        raise PromptError(f"{path}: unknown top-level key(s) {', '.join(map(repr, unknown))}")
    entries = data.get("prompt", [])
    if not isinstance(entries, list):
        raise PromptError(f"{path}: 'prompt' must be an array of tables ([[prompt]])")
    seen: dict[str, int] = {}
    return tuple(_parse(path, index, entry, seen) for index, entry in enumerate(entries, 1))


@functools.cache
def library() -> tuple[Prompt, ...]:
    """The shipped prompts, loaded once per process."""
    return load_prompts()


@functools.cache
def _index() -> dict[str, Prompt]:
    return {prompt.id: prompt for prompt in library()}


def get_prompt(prompt_id: str) -> Prompt | None:
    """The shipped prompt with this id, or None (for example, one since retired)."""
    return _index().get(prompt_id)


def choose_prompt(
    prompts: Sequence[Prompt],
    *,
    recent_ids: Collection[str] = (),
    hidden_ids: Collection[str] = (),
    skip_ids: Collection[str] = (),
    theme: str | None = None,
    depth: str | None = None,
    seed: int | str = 0,
) -> Prompt | None:
    """Pick one prompt, the same one for the same inputs and seed.

    Hidden prompts and those in ``skip_ids`` are never chosen. Prompts answered
    recently are chosen only when nothing else is left. ``theme`` and ``depth``
    narrow the choice. Returns None when nothing is left to offer.
    """
    if theme is not None and theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}")
    if depth is not None and depth not in DEPTHS:
        raise ValueError(f"unknown depth {depth!r}")
    excluded = set(hidden_ids) | set(skip_ids)
    candidates = sorted(
        (
            prompt
            for prompt in prompts
            if prompt.id not in excluded
            and (theme is None or prompt.theme == theme)
            and (depth is None or prompt.depth == depth)
        ),
        key=lambda prompt: prompt.id,
    )
    recent = set(recent_ids)
    pool = [prompt for prompt in candidates if prompt.id not in recent] or candidates
    if not pool:
        return None
    # A private generator seeded per call: never the global one, never hash().
    return random.Random(seed).choice(pool)
