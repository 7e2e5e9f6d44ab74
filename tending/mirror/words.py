"""The Mirror's word list and the rules for choosing from it: pure, no Django."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from tending.core.language_tags import general

# The 56 adjectives later versions of Luft and Ingham's exercise use, in alphabetical order.
# Their order is part of the answer code (each word is one bit of it): only ever add at the
# end, and with a new code version.
WORDS: tuple[str, ...] = (
    "able", "accepting", "adaptable", "bold", "brave", "calm", "caring", "cheerful",
    "clever", "complex", "confident", "dependable", "dignified", "empathetic", "energetic",
    "extroverted", "friendly", "giving", "happy", "helpful", "idealistic", "independent",
    "ingenious", "intelligent", "introverted", "kind", "knowledgeable", "logical", "loving",
    "mature", "modest", "nervous", "observant", "organized", "patient", "powerful", "proud",
    "quiet", "reflective", "relaxed", "religious", "responsive", "searching",
    "self-assertive", "self-conscious", "sensible", "sentimental", "shy", "silly",
    "spontaneous", "sympathetic", "tense", "trustworthy", "warm", "wise", "witty",
)  # fmt: skip
PLACE = {word: at for at, word in enumerate(WORDS)}
FEWEST, MOST = 5, 6  # words each person picks

# Each word as it is shown in another language, tending's own choice of words (not a
# published translation). What is stored, counted and put in an answer code is always the
# English word above; only what a page shows is translated.
SHOWN: dict[str, dict[str, str]] = {
    "de": {
        "able": "fähig", "accepting": "tolerant", "adaptable": "anpassungsfähig",
        "bold": "wagemutig", "brave": "mutig", "calm": "gelassen", "caring": "fürsorglich",
        "cheerful": "fröhlich", "clever": "klug", "complex": "vielschichtig",
        "confident": "selbstsicher", "dependable": "zuverlässig", "dignified": "würdevoll",
        "empathetic": "einfühlsam", "energetic": "tatkräftig",
        "extroverted": "extrovertiert", "friendly": "freundlich", "giving": "großzügig",
        "happy": "glücklich", "helpful": "hilfsbereit", "idealistic": "idealistisch",
        "independent": "selbstständig", "ingenious": "einfallsreich",
        "intelligent": "intelligent", "introverted": "introvertiert", "kind": "gutherzig",
        "knowledgeable": "kenntnisreich", "logical": "analytisch", "loving": "liebevoll",
        "mature": "reif", "modest": "bescheiden", "nervous": "nervös",
        "observant": "aufmerksam", "organized": "organisiert", "patient": "geduldig",
        "powerful": "stark", "proud": "stolz", "quiet": "ruhig",
        "reflective": "nachdenklich", "relaxed": "entspannt", "religious": "religiös",
        "responsive": "zugewandt", "searching": "suchend",
        "self-assertive": "durchsetzungsstark", "self-conscious": "befangen",
        "sensible": "vernünftig", "sentimental": "sentimental", "shy": "schüchtern",
        "silly": "verspielt", "spontaneous": "spontan", "sympathetic": "mitfühlend",
        "tense": "angespannt", "trustworthy": "vertrauenswürdig", "warm": "warmherzig",
        "wise": "weise", "witty": "schlagfertig",
    },
}  # fmt: skip
_ENGLISH = {word: word for word in WORDS}
_orders: dict[str, tuple[str, ...]] = {}

TOO_FEW = f"Please pick at least {FEWEST} words."
TOO_MANY = f"Please pick no more than {MOST} words."
NOT_LISTED = "Please pick only words from the list."


class WordsProblem(ValueError):
    """What is wrong with a choice of words, in words to show next to the list."""


def chosen_words(picked: Iterable[str]) -> tuple[str, ...]:
    """The words picked, each once, in the list's order; a WordsProblem when a word is not on
    the list, or there are fewer than FEWEST or more than MOST."""
    found = set()
    for word in picked:
        if word not in PLACE:
            raise WordsProblem(NOT_LISTED)
        found.add(word)
    if len(found) < FEWEST:
        raise WordsProblem(TOO_FEW)
    if len(found) > MOST:
        raise WordsProblem(TOO_MANY)
    return in_list_order(found)


def in_list_order(words: Iterable[str]) -> tuple[str, ...]:
    """Words of the list, each once, in the list's order (others left out)."""
    return tuple(sorted({w for w in words if w in PLACE}, key=PLACE.__getitem__))


def shown_words(language: str | None) -> dict[str, str]:
    """Each word of the list as a page in `language` shows it (English: the word itself)."""
    return SHOWN.get(general(language), _ENGLISH)


def _sort_key(text: str) -> str:
    """Alphabetical as a dictionary of the language has it: ä beside a, ß as ss."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def shown_order(language: str | None) -> tuple[str, ...]:
    """The words (as stored) in the alphabetical order of how `language` shows them; in
    English, the list's own order."""
    key = general(language)
    found = _orders.get(key)
    if found is None:
        shown = shown_words(key)
        found = _orders[key] = tuple(sorted(WORDS, key=lambda w: (_sort_key(shown[w]), PLACE[w])))
    return found


def as_bits(words: Iterable[str]) -> int:
    """The words as one number, a bit for each word of the list (the first word the lowest)."""
    bits = 0
    for word in words:
        bits |= 1 << PLACE[word]
    return bits


def from_bits(bits: int) -> tuple[str, ...]:
    """The words a number made by `as_bits` stands for, in the list's order; a ValueError for
    a number with bits beyond the list."""
    if not 0 <= bits < 1 << len(WORDS):
        raise ValueError("Bits beyond the word list.")
    return tuple(word for at, word in enumerate(WORDS) if bits >> at & 1)
