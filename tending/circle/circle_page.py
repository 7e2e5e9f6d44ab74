"""What the circle page shows: everyone's drift and place on the map, as plain rows.

One query reads the few columns the page needs; each person's last moment is kept on their
row (`Person.last_moment_at`), so the page costs the same after one year as after thirty.
Where the dots go depends only on the names in each ring, so it is worked out once for a
given circle and remembered.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape as quote
from typing import NamedTuple

from django.db import connection
from django.utils import timezone
from markupsafe import Markup

from tending.circle import layout
from tending.circle.drift import DRIFT_LABELS, Drift, rhythm_for
from tending.circle.models import RING_MEANING, RING_NAMES, Kind, Person, Ring
from tending.core.dates import stored_time
from tending.core.jinja import addresses
from tending.core.ownership import owned
from tending.core.reads import as_stored


class Row(NamedTuple):
    """One person as the page lists them."""

    pk: int
    href: str
    name: str
    ring: str
    drift: str  # the Drift value, for the colour
    drift_label: str
    seen: str  # "3 days ago", or "" when there are no moments yet


class Dot(NamedTuple):
    """One person on the map."""

    pk: int
    href: str
    ring: str
    drift: str
    x: float
    y: float
    label: str
    label_y: float
    spoken: str


def rows_for(user, today: date, include_archived: bool, kind: str) -> list[tuple[Row, bool]]:
    """(row, archived) for the owner's people, by name: one written-out query (the ORM took
    longer to build it and make its rows than the database took to answer it)."""
    where, params = ["owner_id = %s"], [user.pk]
    if not include_archived:
        where.append("NOT is_archived")
    if kind:
        where.append("kind = %s")
        params.append(kind)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name, ring, rhythm_days, {as_stored('last_moment_at')}, is_archived"
            " FROM circle_person"
            f" WHERE {' AND '.join(where)} ORDER BY name, id",
            params,
        )
        people = cursor.fetchall()
    zone = timezone.get_current_timezone()
    found = []
    href = addresses("circle:person")
    labels = drift_labels()  # the page's words, looked up once rather than for each person
    seen_words: dict[int | None, str] = {}
    for pk, name, ring, rhythm_days, moment_at, archived in people:
        seen = stored_time(moment_at)
        rhythm = rhythm_for(seen.astimezone(zone).date() if seen else None, rhythm_days, today)
        status = rhythm.status
        words = seen_words.get(rhythm.days_since)
        if words is None:
            words = seen_words[rhythm.days_since] = rhythm.last_seen_words
        row = Row(pk, href(pk), name, ring, status.value, labels[status], words)
        found.append((row, bool(archived)))
    return found


def drift_labels() -> dict[Drift, str]:
    """Each drift's label in the page's language."""
    return {drift: str(label) for drift, label in DRIFT_LABELS.items()}


@lru_cache(maxsize=64)
def _placed(names_by_ring: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[list, bool]:
    """The layout of a circle, given its names ring by ring: pure, so kept for next time."""
    placed = layout.place_circle(
        {ring: [(i, name) for i, name in enumerate(names)] for ring, names in names_by_ring}
    )
    return placed, layout.fits(placed)


def dots_for(grouped: dict[str, list[Row]]) -> tuple[list[Dot], bool]:
    """Everyone's dot on the map, and whether the dots are far enough apart to be drawn."""
    key = tuple((ring, tuple(r.name for r in rows)) for ring, rows in grouped.items())
    placed, fits = _placed(key)
    everyone = [row for rows in grouped.values() for row in rows]
    dots = [
        Dot(
            row.pk,
            row.href,
            row.ring,
            row.drift,
            spot.x,
            spot.y,
            spot.label,
            spot.label_y,
            layout.spoken_name(spot.label, row.name, row.drift_label),
        )
        for spot, row in zip(placed, everyone, strict=True)
    ]
    return dots, fits


# The map's dots and the lists' rows are written here, escaped as the templates escape: a
# template escaping twenty values for each of sixty people was a third of the page's cost.


def dots_svg(dots: list[Dot], radius: float) -> Markup:
    """Everyone's dot on the map, each a link with its spoken name, as SVG."""
    return Markup(
        "".join(
            f'  <a href="{quote(d.href)}" aria-label="{quote(d.spoken)}">\n'
            f"    <title>{quote(d.spoken)}</title>\n"
            f'    <circle class="dot drift-{quote(d.drift)}" cx="{d.x}" cy="{d.y}" r="{radius}"'
            f' data-person="{d.pk}" data-ring="{quote(d.ring)}" data-drift="{quote(d.drift)}"/>\n'
            f'    <text class="name" x="{d.x}" y="{d.label_y}" text-anchor="middle">'
            f"{quote(d.label)}</text>\n  </a>\n"
            for d in dots
        )
    )


def people_items(rows: list[Row]) -> Markup:
    """The list items of one ring: each person's name, linked, and how they are drifting."""
    items = []
    for row in rows:
        name = quote(row.name)
        drift = quote(row.drift)
        seen = f" · {quote(row.seen)}" if row.seen else ""
        items.append(
            f'<li><a href="{quote(row.href)}"><span class="person-name" dir="auto" '
            f'title="{name}">{name}</span>\n      <span class="status drift-{drift}" '
            f'data-drift="{drift}"><span class="swatch"></span>{quote(row.drift_label)}{seen}'
            "</span></a></li>\n"
        )
    return Markup("".join(items))


def page_of(user, today: date, show_archived: bool, kind: str) -> dict:
    rows = rows_for(user, today, show_archived, kind)
    grouped: dict[str, list[Row]] = {r.value: [] for r in Ring}
    for row, archived in rows:
        if not archived:
            grouped[row.ring].append(row)
    dots, fits = dots_for(grouped)
    return {
        "size": layout.SIZE,
        "centre": layout.CENTRE,
        "you_radius": layout.YOU_RADIUS,
        "rings": layout.rings(),
        "placed": dots_svg(dots, layout.DOT_RADIUS) if fits else Markup(),
        # Too many people for dots that can be read and tapped: the counts and the list only.
        "map_fits": fits,
        "grouped": [
            (Ring(r), RING_MEANING[Ring(r)], grouped[r], people_items(grouped[r])) for r in grouped
        ],
        "ring_names": RING_NAMES,
        "archived": [row for row, archived in rows if archived],
        "show_archived": show_archived,
        "kind": kind,
        "kinds": Kind.choices,
        "drift_legend": [(d.value, label) for d, label in drift_labels().items()],
        "total": len(rows),
        "has_anyone": bool(rows) or owned(Person, user).exists(),
    }
