"""Where each person sits on the drawing of the circle: pure geometry, no database."""

from __future__ import annotations

import math
from dataclasses import dataclass

SIZE = 520
CENTRE = SIZE / 2
YOU_RADIUS = 30
# Outer edge of each ring, and the radius people of that ring are placed on.
RING_EDGE = {"inner": 95, "middle": 175, "outer": 255}
RING_TRACK = {"inner": 65, "middle": 137, "outer": 217}
# Each ring starts at a different angle so names in neighbouring rings do not line up.
RING_PHASE = {"inner": -90.0, "middle": -75.0, "outer": -60.0}
LABEL_ROOM = 58  # pixels of track each full first name needs


@dataclass(frozen=True)
class Placed:
    key: object
    x: float
    y: float
    label: str
    label_y: float


def short_label(name: str, crowded: bool) -> str:
    words = name.split()
    if not words:
        return "?"
    if crowded:
        return "".join(w[0] for w in words[:2]).upper()
    first = words[0]
    return first if len(first) <= 9 else first[:8] + "…"


def place_ring(ring: str, people: list[tuple[object, str]]) -> list[Placed]:
    """Spread one ring's people evenly around its track; staggered and shortened when crowded."""
    count = len(people)
    if count == 0:
        return []
    track = RING_TRACK[ring]
    crowded = count * LABEL_ROOM > 2 * math.pi * track
    stagger = 12 if count > 12 else 0
    placed = []
    for index, (key, name) in enumerate(people):
        angle = math.radians(RING_PHASE[ring] + 360.0 * index / count)
        radius = track + (stagger if index % 2 else -stagger) if stagger else track
        x = CENTRE + radius * math.cos(angle)
        y = CENTRE + radius * math.sin(angle)
        placed.append(
            Placed(key, round(x, 1), round(y, 1), short_label(name, crowded), round(y + 17, 1))
        )
    return placed


def rings() -> list[dict]:
    # Ring names sit at the bottom edge, away from the first person, who is placed at the top.
    return [
        {"ring": r, "radius": RING_EDGE[r], "label_y": CENTRE + RING_EDGE[r] - 6} for r in RING_EDGE
    ]
