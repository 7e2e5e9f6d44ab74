"""Where each person sits on the drawing of the circle: pure geometry, no database."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

SIZE = 520
CENTRE = SIZE / 2
YOU_RADIUS = 30
# Outer edge of each ring, and the radius people of that ring are placed on.
RING_EDGE = {"inner": 95, "middle": 175, "outer": 255}
RING_TRACK = {"inner": 65, "middle": 137, "outer": 217}
# Each ring starts at a different angle so names in neighbouring rings do not line up.
RING_PHASE = {"inner": -90.0, "middle": -75.0, "outer": -60.0}
LABEL_ROOM = 58  # pixels of track each full first name needs
# The map is only drawn at its full size or larger (smaller screens get the counts per ring
# and the list), so these are the least a person sees: 12 px names, 24 px places to tap.
DOT_RADIUS = 12
LABEL_SIZE = 12
LABEL_GAP = DOT_RADIUS + LABEL_SIZE  # from a dot's centre down to its name's baseline
MIN_DOT_DISTANCE = 2 * DOT_RADIUS + 2  # centres closer than this make two dots one blur


@dataclass(frozen=True)
class Placed:
    key: object
    x: float
    y: float
    label: str
    label_y: float
    crowded: bool = False  # its ring is too full for first names: it shows initials


def short_label(name: str, crowded: bool, level: int = 0) -> str:
    """A name short enough for the map: the first name, or initials when the ring is full.

    A higher `level` says more of the name (more letters of the last word, then of the
    first), for telling apart people whose short labels are the same.
    """
    words = name.split()
    if not words:
        return "?"
    if crowded:
        if level == 0:
            return "".join(w[0] for w in words[:2]).upper()
        first, last = words[0], words[-1] if len(words) > 1 else ""
        return first[: 1 + level // 2].title() + last[: 1 + (level + 1) // 2].title()
    first = words[0]
    label = first if len(first) <= 9 else first[:8] + "…"
    if level == 0 or len(words) == 1:
        return label
    return f"{label} {words[-1][:level]}."


def unique_labels(names: Sequence[tuple[str, bool]]) -> list[str]:
    """Short labels for (name, crowded) pairs, no two the same, however alike the names.

    People with the same short label are told apart by saying more of their names; people
    whose names cannot be told apart that way (two "Sam Rivera") are numbered.
    """
    labels = [short_label(name, crowded) for name, crowded in names]
    for level in (1, 2, 3):
        clashing = [i for i, label in enumerate(labels) if labels.count(label) > 1]
        if not clashing:
            break
        tried = {i: short_label(*names[i], level=level) for i in clashing}
        for i, label in tried.items():
            others = [lab for j, lab in enumerate(labels) if j != i and j not in tried]
            if list(tried.values()).count(label) == 1 and label not in others:
                labels[i] = label
    used: set[str] = set()
    for i, label in enumerate(labels):
        number = 1
        while labels[i] in used:
            number += 1
            labels[i] = f"{label}{number}"
        used.add(labels[i])
    return labels


def place_ring(ring: str, people: list[tuple[object, str]]) -> list[Placed]:
    """Spread one ring's people evenly around its track; staggered and shortened when crowded."""
    count = len(people)
    if count == 0:
        return []
    track = RING_TRACK[ring]
    crowded = count * LABEL_ROOM > 2 * math.pi * track
    stagger = 12 if count > 12 else 0
    labels = unique_labels([(name, crowded) for _, name in people])
    placed = []
    for index, (key, _name) in enumerate(people):
        angle = math.radians(RING_PHASE[ring] + 360.0 * index / count)
        radius = track + (stagger if index % 2 else -stagger) if stagger else track
        x = CENTRE + radius * math.cos(angle)
        y = CENTRE + radius * math.sin(angle)
        placed.append(
            Placed(key, round(x, 1), round(y, 1), labels[index], round(y + LABEL_GAP, 1), crowded)
        )
    return placed


def place_circle(people_by_ring: Mapping[str, list[tuple[object, str]]]) -> list[Placed]:
    """Everyone on the map, each ring placed on its own and no two labels the same."""
    placed: list[Placed] = []
    names: list[tuple[str, bool]] = []
    for ring, people in people_by_ring.items():
        spots = place_ring(ring, people)
        placed += spots
        names += [(name, spot.crowded) for (_, name), spot in zip(people, spots, strict=True)]
    labels = unique_labels(names)
    return [replace(spot, label=label) for spot, label in zip(placed, labels, strict=True)]


def fits(placed: Sequence[Placed]) -> bool:
    """Whether every dot is far enough from the others to be read and tapped on its own."""
    return all(
        math.hypot(a.x - b.x, a.y - b.y) >= MIN_DOT_DISTANCE
        for i, a in enumerate(placed)
        for b in placed[i + 1 :]
    )


def spoken_name(label: str, name: str, status: str) -> str:
    """What a screen reader says for a dot: it starts with what the dot shows (WCAG 2.5.3)."""
    if name.startswith(label):
        return f"{name}: {status}"
    return f"{label}, {name}: {status}"


def rings() -> list[dict]:
    # Ring names sit at the bottom edge, away from the first person, who is placed at the top.
    return [
        {"ring": r, "radius": RING_EDGE[r], "label_y": CENTRE + RING_EDGE[r] - 6} for r in RING_EDGE
    ]
