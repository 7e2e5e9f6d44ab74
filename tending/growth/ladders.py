"""Conversation ladders: the prompts (in ladders.toml, tending's own), and where a pair is.

Two people climb three sets of prompts, each more personal than the last, taking turns at
answering first (sustained, escalating, reciprocal self-disclosure: SCIENCE.md, "Building
closeness on purpose"). Either may pass on any prompt or stop at any time; a stopped
session resumes at the prompt it stopped on. Pure: no Django.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tending.growth import texts

DEPTHS = ("light", "deeper", "deepest")
FEWEST_PROMPTS = 12  # in each set


class LadderProblem(ValueError):
    """The prompts file is not three sets, light to deepest, of at least twelve prompts, each
    text with its translations (tending/growth/texts.py)."""


@dataclass(frozen=True)
class PromptSet:
    """A set as one language shows it: every language's sets hold the same prompts, in the
    same order, so a place in one is the same place in all."""

    depth: str
    title: str
    prompts: tuple[str, ...]


def read_languages(text: str) -> dict[str, tuple[PromptSet, ...]]:
    """The sets of a prompts file, checked, in English and in each language translated."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LadderProblem(f"Not TOML: {exc}") from None
    sets = data.get("sets")
    if not isinstance(sets, list) or [s.get("depth") for s in sets] != list(DEPTHS):
        raise LadderProblem(f"Expected three sets with the depths {', '.join(DEPTHS)}.")
    languages = (texts.ENGLISH, *texts.TRANSLATED)
    found: dict[str, list[PromptSet]] = {language: [] for language in languages}
    seen: dict[str, set[str]] = {language: set() for language in languages}
    for entry in sets:
        depth = entry["depth"]
        prompts = entry.get("prompts")
        if not isinstance(prompts, list) or len(prompts) < FEWEST_PROMPTS:
            raise LadderProblem(f"The {depth} set needs {FEWEST_PROMPTS} prompts or more.")
        said: dict[str, list[str]] = {language: [] for language in languages}
        for number, prompt in enumerate(prompts, start=1):
            try:
                if not isinstance(prompt, dict):
                    raise texts.TextProblem("not a text with its translations")
                where = f"prompt {number}"
                texts.extra_translations(prompt, ("text",), where)
                written = texts.words(prompt, "text", where)
            except texts.TextProblem as exc:
                raise LadderProblem(f"An empty prompt in the {depth} set ({exc}).") from None
            for language, words in written.items():
                if words in seen[language]:
                    raise LadderProblem(f"A prompt is there twice: {words!r}")
                seen[language].add(words)
                said[language].append(words)
        try:
            texts.extra_translations(entry, ("title",), "its title")
            titles = texts.words(entry, "title", "it")
        except texts.TextProblem as exc:
            raise LadderProblem(f"The {depth} set needs a title ({exc}).") from None
        for language in languages:
            found[language].append(PromptSet(depth, titles[language], tuple(said[language])))
    return {language: tuple(sets) for language, sets in found.items()}


def read_sets(text: str, language: str | None = None) -> tuple[PromptSet, ...]:
    """The sets of a prompts file, checked, in `language` (English for a language it does
    not speak, or none)."""
    return read_languages(text)[texts.shown_language(language)]


@cache
def _ladders() -> dict[str, tuple[PromptSet, ...]]:
    return read_languages(resources.files("tending.growth").joinpath("ladders.toml").read_text())


def ladder(language: str | None = None) -> tuple[PromptSet, ...]:
    """tending's sets of prompts in `language` (the page's), or in English; where a pair is
    does not depend on it."""
    return _ladders()[texts.shown_language(language)]


@dataclass(frozen=True)
class Place:
    """Where a pair is: the set (0-2) and the prompt within it."""

    set_index: int = 0
    prompt_index: int = 0

    def is_finished(self, sets: tuple[PromptSet, ...]) -> bool:
        return self.set_index >= len(sets)

    def prompt(self, sets: tuple[PromptSet, ...]) -> str:
        return sets[self.set_index].prompts[self.prompt_index]


def is_place(place: Place, sets: tuple[PromptSet, ...]) -> bool:
    """Whether a pair can be here: a prompt of one of the sets, or just past the last set."""
    if place.set_index == len(sets):
        return place.prompt_index == 0
    return 0 <= place.set_index < len(sets) and (
        0 <= place.prompt_index < len(sets[place.set_index].prompts)
    )


def next_place(place: Place, sets: tuple[PromptSet, ...]) -> Place:
    """The place after this prompt, answered or passed alike: on through the set, then the
    next set's first prompt; past the last set, finished."""
    if place.prompt_index + 1 < len(sets[place.set_index].prompts):
        return Place(place.set_index, place.prompt_index + 1)
    return Place(place.set_index + 1, 0)


def first_to_answer(place: Place, sets: tuple[PromptSet, ...], starter: int) -> int:
    """Who answers this prompt first (0 or 1): the starter, then the other, in turn, counted
    through every prompt before it (a pass is a turn too)."""
    before = sum(len(s.prompts) for s in sets[: place.set_index]) + place.prompt_index
    return (starter + before) % 2
