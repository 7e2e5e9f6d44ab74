"""Brave steps: one's own steps toward closeness, easiest first, each with a prediction
checked against what happened. Pure: plain data in, plain data out, no Django but its
translation functions (the summary is said in the page's language).

The steps form a graded hierarchy rated 0-100 for how hard they feel (the Subjective Units
of Distress scale), taken from the bottom up and only by choice. Before a step the person
writes what they fear will happen and how strongly they believe it (0-100%); afterwards,
what happened, how hard it really was and how strongly they believe the fear now. Fear
shrinks mostly by being proved wrong, so tending shows predictions against outcomes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tending.growth import texts

PAUSE_DAYS = 7  # after a hard-days check-in whose safety rule fired, no step is offered
LEAST, MOST = 0, 100


@dataclass(frozen=True)
class Step:
    key: int
    text: str
    hardness: int  # how hard it feels beforehand, 0-100
    belief: int  # how strongly the fear is believed beforehand, 0-100 %
    added_on: date
    done_on: date | None = None
    set_aside: bool = False  # "too much right now": kept, never offered, no penalty
    felt: int | None = None  # how hard it really was, 0-100
    fear_came_true: bool | None = None
    belief_after: int | None = None  # how strongly the fear is believed afterwards

    @property
    def is_open(self) -> bool:
        return self.done_on is None and not self.set_aside

    @property
    def has_outcome(self) -> bool:
        """Done, with how hard it really was: enough to compare with what was expected."""
        return self.done_on is not None and self.felt is not None

    @property
    def was_predicted(self) -> bool:
        """Done with an answer on the fear (a step written with no fear has none)."""
        return self.has_outcome and self.fear_came_true is not None


def in_range(value: int) -> bool:
    return LEAST <= value <= MOST


def easiest_first(steps: Iterable[Step]) -> list[Step]:
    """The open steps, easiest first; of equal ones, the one written first."""
    return sorted((s for s in steps if s.is_open), key=lambda s: (s.hardness, s.added_on, s.key))


def paused_until(fired_on: date | None) -> date | None:
    """The day steps are offered again after a safety rule fired on `fired_on`."""
    return None if fired_on is None else fired_on + timedelta(days=PAUSE_DAYS)


def step_to_offer(steps: Iterable[Step], today: date, fired_on: date | None = None):
    """The one step to offer gently today: the easiest open one, none during a pause."""
    until = paused_until(fired_on)
    if until is not None and today < until:
        return None
    ordered = easiest_first(steps)
    return ordered[0] if ordered else None


@dataclass(frozen=True)
class Predictions:
    steps: int  # steps done with an outcome written
    predicted: int  # of them, those with a fear and an answer on whether it came true
    fear_came_true: int
    easier_by: float  # mean of (expected - felt) hardness: above 0, easier than expected
    belief_before: float | None  # mean belief in the fear before, %, over `predicted`
    belief_after: float | None  # mean belief afterwards, over those that re-rated it


def predictions(steps: Iterable[Step]) -> Predictions | None:
    """Predictions against outcomes over the steps done; None before the first."""
    done = [s for s in steps if s.has_outcome]
    if not done:
        return None
    feared = [s for s in done if s.was_predicted]
    rerated = [s.belief_after for s in feared if s.belief_after is not None]
    return Predictions(
        steps=len(done),
        predicted=len(feared),
        fear_came_true=sum(1 for s in feared if s.fear_came_true),
        easier_by=sum(s.hardness - s.felt for s in done) / len(done),
        belief_before=sum(s.belief for s in feared) / len(feared) if feared else None,
        belief_after=sum(rerated) / len(rerated) if rerated else None,
    )


def prediction_words(found: Predictions | None) -> str:
    """The summary in plain words: "Your fear came true 2 of 14 times; steps felt 25 points
    easier than you expected." Never a verdict: what happened, said as it is."""
    if found is None:
        return ""
    points = round(abs(found.easier_by))
    easier = found.easier_by > 0
    if found.predicted:
        fear = ngettext(
            "Your fear came true %(came)d of %(of)d time",
            "Your fear came true %(came)d of %(of)d times",
            found.predicted,
        ) % {"came": found.fear_came_true, "of": found.predicted}
        if points == 0:
            felt = _("steps felt about as hard as you expected")
        elif easier:
            felt = ngettext(
                "steps felt %(points)d point easier than you expected",
                "steps felt %(points)d points easier than you expected",
                points,
            ) % {"points": points}
        else:
            felt = ngettext(
                "steps felt %(points)d point harder than you expected",
                "steps felt %(points)d points harder than you expected",
                points,
            ) % {"points": points}
        # Translators: two halves of one sentence, each translated on its own.
        words = _("%(fear)s; %(felt)s.") % {"fear": fear, "felt": felt}
    elif points == 0:
        words = _("Steps felt about as hard as you expected.")
    elif easier:
        words = ngettext(
            "Steps felt %(points)d point easier than you expected.",
            "Steps felt %(points)d points easier than you expected.",
            points,
        ) % {"points": points}
    else:
        words = ngettext(
            "Steps felt %(points)d point harder than you expected.",
            "Steps felt %(points)d points harder than you expected.",
            points,
        ) % {"points": points}
    if found.belief_after is not None and found.belief_before is not None:
        before, after = round(found.belief_before), round(found.belief_after)
        believed = _(
            "Beforehand you believed your fears %(before)d%% on average; afterwards, %(after)d%%."
        ) % {"before": before, "after": after}
        words = f"{words} {believed}"
    return words


@dataclass(frozen=True)
class StarterStep:
    text: str
    hardness: int


@dataclass(frozen=True)
class Barrier:
    key: str  # "trauma", "mistrust" or "shyness"
    title: str
    about: str
    steps: tuple[StarterStep, ...]


BARRIERS = ("trauma", "mistrust", "shyness")


class StarterProblem(ValueError):
    """The starter steps file is not right: it says what and where."""


def read_barrier_languages(text: str) -> dict[str, tuple[Barrier, ...]]:
    """The starter steps of a file (starter_steps.toml), checked, in English and in each
    language translated: each barrier once, in order, with a title, a line about it, and
    steps easiest first, each rated 0-100; every text with its translations beside it
    (tending/growth/texts.py). A step's place is the same in every language."""
    data = tomllib.loads(text)
    languages = (texts.ENGLISH, *texts.TRANSLATED)
    found: dict[str, list[Barrier]] = {language: [] for language in languages}
    for entry in data.get("barriers", []):
        key = entry["key"]
        written: dict[str, list[StarterStep]] = {language: [] for language in languages}
        for step in entry.get("steps", []):
            hardness = step.get("hardness")
            try:
                texts.extra_translations(step, ("text",), f"A step for {key}")
                said = texts.words(step, "text", f"A step for {key}")
            except texts.TextProblem as exc:
                raise StarterProblem(f"The steps for {key} need words and 0-100: {exc}") from None
            if type(hardness) is not int or not in_range(hardness):
                raise StarterProblem(f"The steps for {key} need words and 0-100.")
            for language in languages:
                written[language].append(StarterStep(said[language], hardness))
        steps = written[texts.ENGLISH]
        if not steps:
            raise StarterProblem(f"The steps for {key} need words and 0-100.")
        if [s.hardness for s in steps] != sorted(s.hardness for s in steps):
            raise StarterProblem(f"The steps for {key} go from easiest to hardest.")
        try:
            texts.extra_translations(entry, ("title", "about"), f"The barrier {key}")
            titles = texts.words(entry, "title", f"The barrier {key}")
            abouts = texts.words(entry, "about", f"The barrier {key}")
        except texts.TextProblem as exc:
            raise StarterProblem(str(exc)) from None
        for language in languages:
            found[language].append(
                Barrier(key, titles[language], abouts[language], tuple(written[language]))
            )
    if tuple(b.key for b in found[texts.ENGLISH]) != BARRIERS:
        raise StarterProblem(f"Expected the barriers {', '.join(BARRIERS)}, in that order.")
    return {language: tuple(barriers) for language, barriers in found.items()}


def read_barriers(text: str, language: str | None = None) -> tuple[Barrier, ...]:
    """The starter steps of a file, checked, in `language` (English for one the file does not
    speak, or none)."""
    return read_barrier_languages(text)[texts.shown_language(language)]


@cache
def _starter_steps() -> dict[str, tuple[Barrier, ...]]:
    return read_barrier_languages(
        resources.files("tending.growth").joinpath("starter_steps.toml").read_text()
    )


def starter_steps(language: str | None = None) -> tuple[Barrier, ...]:
    """tending's starter steps in `language` (the page's), or in English."""
    return _starter_steps()[texts.shown_language(language)]


def starter_languages() -> dict[str, tuple[Barrier, ...]]:
    """The starter steps in each language the file speaks, English among them."""
    return _starter_steps()
