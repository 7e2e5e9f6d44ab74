"""What the Mirror's templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markupsafe import Markup

from tending.mirror.words import SHOWN, WORDS, shown_order, shown_words

# Every word is plain lower-case letters and hyphens, so none needs escaping in HTML; a
# word as another language shows it is escaped all the same.
assert all(re.fullmatch(r"[a-z-]+", word) for word in WORDS)


def word_chips(field) -> Markup:
    """The 56 words as checkbox chips, the very markup Django's CheckboxSelectMultiple and
    the `choice_field` macro make (tests/mirror/test_templating.py compares them), written
    out in Python: Django's widgets took two thirds of the answer page's time. Each chip
    sends the stored (English) word and shows it in the page's language, in that
    language's alphabetical order."""
    chosen = {str(value) for value in (field.value() or [])}
    name, base = field.html_name, field.auto_id
    invalid = ' aria-invalid="true"' if field.errors else ""
    language = get_language()
    shown = shown_words(language)
    parts = []
    for at, word in enumerate(shown_order(language)):
        box = f"{base}_{at}"
        checked = " checked" if word in chosen else ""
        parts.append(
            f'<label class="chip" for="{box}"><input type="checkbox" name="{name}" '
            f'value="{word}" id="{box}"{invalid}{checked}><span>{escape(shown[word])}</span>'
            "</label>"
        )
    return Markup("".join(parts))


def said_words(words: Iterable[str]) -> list[str]:
    """Words of the list as the page's language shows them, in its alphabetical order."""
    language = get_language()
    shown = shown_words(language)
    if shown is not SHOWN.get(language):  # English: the list's order, as given
        return [shown.get(word, word) for word in words]
    order = {word: at for at, word in enumerate(shown_order(language))}
    return [shown.get(w, w) for w in sorted(words, key=lambda w: order.get(w, len(order)))]


def said_counted(counted: Iterable[tuple[str, int]], answers: int) -> list[tuple[str, str]]:
    """(word, "2 of 5") pairs in the page's language: the most picked first, then the
    language's alphabetical order."""
    language = get_language()
    shown = shown_words(language)
    if shown is SHOWN.get(language):
        order = {word: at for at, word in enumerate(shown_order(language))}
        counted = sorted(counted, key=lambda pair: (-pair[1], order.get(pair[0], len(order))))
    of = _("%(count)d of %(total)d")
    return [(shown.get(word, word), of % {"count": n, "total": answers}) for word, n in counted]


GLOBALS = {"word_chips": word_chips, "said_words": said_words, "said_counted": said_counted}
