"""Turning the words a person types into their own tags, and back."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from tending.core.models import Tag

MAX_TAG_LENGTH = 40
_SPLIT = re.compile(r"[,\n]+")


def parse_tag_names(text: str) -> list[str]:
    """Split "walk, Work , walk" into ["walk", "work"]: trimmed, lower-cased, no repeats."""
    names: list[str] = []
    for part in _SPLIT.split(text or ""):
        name = " ".join(part.split()).lstrip("#").lower()
        if name and name not in names:
            names.append(name)
    return names


def validate_tag_names(names: list[str]) -> None:
    too_long = [n for n in names if len(n) > MAX_TAG_LENGTH]
    if too_long:
        raise ValidationError(
            f"Each tag can be at most {MAX_TAG_LENGTH} characters; “{too_long[0][:20]}…” is longer."
        )


def tags_for(owner, names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in Tag.objects.filter(owner=owner, name__in=names)}
    missing = [Tag(owner=owner, name=n) for n in names if n not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {t.name: t for t in Tag.objects.filter(owner=owner, name__in=names)}
    return [existing[n] for n in names]


def tag_text(tags) -> str:
    return ", ".join(t.name for t in tags)
