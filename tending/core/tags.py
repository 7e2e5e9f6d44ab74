"""Turning the words a person types into their own tags, and back."""

from __future__ import annotations

from tending.core.models import Tag
from tending.core.tag_names import (  # noqa: F401  (where the forms look for them)
    MAX_TAG_LENGTH,
    parse_tag_names,
    validate_tag_names,
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
