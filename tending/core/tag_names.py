"""Tags as a person types them, made into names: no database here, so the terminal can share it."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError

from tending.core.words import gettext as _

MAX_TAG_LENGTH = 40
_SPLIT = re.compile(r"[,\n]+")


def parse_tag_names(text: str) -> list[str]:
    """Split "walk, Work , walk" into ["walk", "work"]: trimmed, lower-cased, no repeats."""
    names: list[str] = []
    for part in _SPLIT.split(text or ""):
        name = tag_name(part)
        if name and name not in names:
            names.append(name)
    return names


def tag_name(typed: str) -> str:
    """One tag as it is kept: Unicode's compatibility forms folded (a full-width "Ｗalk" is
    "walk", as a phone's keyboard may type it), spaces tidied, no leading #, lower case."""
    folded = unicodedata.normalize("NFKC", typed)
    return " ".join(folded.split()).lstrip("#").strip().lower()


def validate_tag_names(names: list[str]) -> None:
    too_long = [n for n in names if len(n) > MAX_TAG_LENGTH]
    if too_long:
        raise ValidationError(
            _("Each tag can be at most %(limit)d characters; “%(start)s…” is longer.")
            % {"limit": MAX_TAG_LENGTH, "start": too_long[0][:20]}
        )
