"""A tiny source from "another tool", for testing Settings → Your data without a real one.

Each line is `person: NAME`, or anything else, which is kept as text. A person whose name
is in the circle already is a duplicate. A file starting with "broken" cannot be read.
"""

from __future__ import annotations

from collections.abc import Collection

from tending.circle.models import Person
from tending.exchange.foreign import ForeignFileError, Item, Reading

NAME = "fake"
LABEL = "Fake Tool (text)"


def read(data: bytes, user) -> Reading:
    text = data.decode("utf-8", "replace")
    if text.startswith("broken"):
        raise ForeignFileError("This is not a Fake Tool file: its first line is not a person.")
    known = set(Person.objects.filter(owner=user).values_list("name", flat=True))
    reading = Reading(source=NAME)
    for line in text.splitlines():
        if line.startswith("person: "):
            name = line.removeprefix("person: ").strip()
            seen = f"{name} is in your circle already" if name in known else ""
            reading.items.append(Item("person", name, seen, name))
        elif line.strip():
            reading.kept_as_text.append(f"{line.strip()} → a person's notes")
    return reading


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    chosen = reading.default_choice() if chosen is None else chosen
    for index in chosen:
        Person.objects.create(owner=user, name=reading.items[index].data)
    return {"person": len(chosen)}
