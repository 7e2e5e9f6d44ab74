"""Template helpers for drawing the closeness pairs of circles."""

from __future__ import annotations

from django import template

register = template.Library()

CLOSENESS_WORDS = {
    1: "Apart",
    2: "Touching",
    3: "A little overlap",
    4: "Some overlap",
    5: "Much overlap",
    6: "Mostly together",
    7: "Almost one",
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


@register.inclusion_tag("circle/_closeness_pair.html")
def closeness_pair(value: int | None):
    return {"pair": pair_geometry(value) if value else None}


@register.inclusion_tag("circle/_closeness_picker.html")
def closeness_picker(field):
    options = []
    for choice in field:
        value = int(choice.data["value"])
        options.append({"choice": choice, "pair": pair_geometry(value)})
    return {"field": field, "options": options}
