"""Template helpers for choosing people as chips, grouped by ring."""

from __future__ import annotations

from django import template

from tending.circle.models import Ring

register = template.Library()


@register.inclusion_tag("moments/_people_chips.html")
def people_chips(field):
    groups: dict[str, list] = {r.value: [] for r in Ring}
    archived = []
    for choice in field:
        person = choice.data["value"].instance
        (archived if person.is_archived else groups[person.ring]).append((choice, person))
    named = [(f"{Ring(r).label} ring", groups[r]) for r in groups if groups[r]]
    if archived:
        named.append(("Archived", archived))
    return {"field": field, "groups": named, "count": sum(len(g) for _, g in named)}
