"""The Johari window of a feedback round, worked out from the words picked: pure, no Django.

Open: words the person picked and at least one other person picked too. Blind: words only
others picked. Hidden: words only the person picked. Unknown: words nobody picked. Each of
the first two says how many people picked it; within a pane, the most picked come first,
then the list's order.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tending.mirror.words import PLACE, WORDS

# An anonymous round shows its results only from this many answers on, so that no one
# answer can be told from the rest (the rule 360-degree feedback tools follow).
FEWEST_ANONYMOUS = 3

Counted = tuple[tuple[str, int], ...]  # (word, how many others picked it)


@dataclass(frozen=True)
class Window:
    open: Counted
    blind: Counted
    hidden: tuple[str, ...]
    unknown: tuple[str, ...]
    answers: int  # how many people's answers it is made from


def johari_window(own: Iterable[str], answers: Sequence[Iterable[str]]) -> Window:
    """The window of the person's own words and each answer's words. A word twice in one
    answer counts once; words not on the list are left out."""
    mine = {word for word in own if word in PLACE}
    picked = Counter(word for answer in answers for word in {w for w in answer if w in PLACE})

    def counted(words: Iterable[str]) -> Counted:
        return tuple(sorted(((w, picked[w]) for w in words), key=lambda c: (-c[1], PLACE[c[0]])))

    return Window(
        open=counted(w for w in mine if picked[w]),
        blind=counted(w for w in picked if w not in mine),
        hidden=tuple(w for w in WORDS if w in mine and not picked[w]),
        unknown=tuple(w for w in WORDS if w not in mine and not picked[w]),
        answers=len(answers),
    )


def result_shown(anonymous: bool, answers: int) -> bool:
    """Whether a round's results can be shown: a named round's from its first answer, an
    anonymous round's from FEWEST_ANONYMOUS on."""
    return answers >= (FEWEST_ANONYMOUS if anonymous else 1)


def answers_shown(anonymous: bool, answers: int) -> int:
    """How many of a round's answers (the first that came) its result is made from: a named
    round's every one; an anonymous round's in whole groups of FEWEST_ANONYMOUS, so that no
    result ever differs from an earlier one by a single answer, which would tell that
    answer apart from the rest."""
    if not anonymous:
        return answers
    return answers - answers % FEWEST_ANONYMOUS


def open_area_words(now: int, before: int | None = None, when: str = "") -> str:
    """How many words others see that the person sees too, and how that changed since an
    earlier round (`when` names it: "in March")."""
    said = f"{now} word{'' if now == 1 else 's'} others see that you see too"
    if before is None:
        return said + "."
    if now == before:
        return f"{said}, as {when}." if when else f"{said}, as before."
    way = "up" if now > before else "down"
    return f"{said}, {way} from {before} {when}.".replace(" .", ".")


def shuffled(texts: Iterable[str], key: bytes) -> list[str]:
    """The texts in an order that says nothing of when each came: sorted by a keyed hash of
    the text, so the order stays the same from one visit to the next (a key kept with the
    round) but cannot be worked back to who wrote first."""
    return sorted(texts, key=lambda text: hmac.new(key, text.encode(), hashlib.sha256).digest())
