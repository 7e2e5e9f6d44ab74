"""What the circle pages' templates need beyond the common set (see tending/core/jinja.py).

The closeness pairs of circles are drawn by the macros in circle/closeness.html; their
geometry is worked out here, once per value.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markupsafe import Markup, escape

CLOSENESS_WORDS = {
    1: gettext_lazy("Apart"),
    2: gettext_lazy("Touching"),
    3: gettext_lazy("A little overlap"),
    4: gettext_lazy("Some overlap"),
    5: gettext_lazy("Much overlap"),
    6: gettext_lazy("Mostly together"),
    7: gettext_lazy("Almost one"),
}


def pair_geometry(value: int) -> dict:
    """Two circles of radius 20 in a 100×60 box, from just apart (1) to almost one (7)."""
    distance = 44 - (value - 1) * 6.5
    return {
        "value": value,
        "self_x": round(50 - distance / 2, 2),
        "other_x": round(50 + distance / 2, 2),
        "words": CLOSENESS_WORDS[value],
    }


PAIRS = {value: pair_geometry(value) for value in CLOSENESS_WORDS}


def closeness_pair(value: int | None) -> dict | None:
    """The pair of circles for a rating, or None when there is none."""
    return PAIRS.get(value) if value else None


def closeness_options(field) -> list[tuple[object, dict]]:
    """A closeness field's radio buttons, each with the pair of circles it stands for."""
    return [(choice, PAIRS[int(choice.data["value"])]) for choice in field]


def rating_rows(ratings, csrf: str) -> Markup:
    """The closeness history's table rows, each with its Remove form, written here rather
    than by a loop in the template (two dozen rows were a sixth of the person page)."""
    rows = []
    # The button's words, looked up once for all the rows.
    remove = _('Remove<span class="visually-hidden"> rating of %(day)s</span>')
    for rating in ratings:
        day = escape(rating.rated_on)
        rows.append(
            f"<tr><td>{day}</td><td>{int(rating.value)}</td>\n"
            f'<td><form method="post" action="{escape(rating.remove)}">{csrf}'
            f'<button type="submit" class="link">{remove % {"day": day}}</button>'
            "</form></td></tr>\n"
        )
    return Markup("".join(rows))


GLOBALS = {
    "closeness_pair": closeness_pair,
    "closeness_options": closeness_options,
    "rating_rows": rating_rows,
}
