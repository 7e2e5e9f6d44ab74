"""What the moments pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from tending.circle.models import Ring


def people_groups(field) -> tuple[list[tuple[str, list]], int]:
    """A people field's choices grouped by ring (archived last), and how many there are."""
    groups: dict[str, list] = {r.value: [] for r in Ring}
    archived = []
    for choice in field:
        person = choice.data["value"].instance
        (archived if person.is_archived else groups[person.ring]).append((choice, person))
    named = [(f"{Ring(r).label} ring", groups[r]) for r in groups if groups[r]]
    if archived:
        named.append(("Archived", archived))
    return named, sum(len(g) for _, g in named)


GLOBALS = {"people_groups": people_groups}
