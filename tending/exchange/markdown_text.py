"""The journal as Markdown files: safe, unique file names and YAML front matter."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

SLUG_CHARS = 40  # the most of a file name that comes from the entry's words
FALLBACK = "entry"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Characters JSON leaves as they are but YAML readers may take as line breaks or refuse
# (NEL, the C1 controls, the Unicode line and paragraph separators, a byte order mark).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def slug(text: str, limit: int = SLUG_CHARS) -> str:
    """A few words as lower-case ASCII letters and digits and hyphens: "Zoë at 9!" → "zoe-at-9"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", plain.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit]
        if "-" in words:
            words = words[: words.rindex("-")]
    return words.strip("-")


class FileNames:
    """Unique names for entries given day by day, in order; memory holds one day's names."""

    def __init__(self, folder: str = "journal") -> None:
        self.folder = folder
        self.day: date | None = None
        self.taken: set[str] = set()

    def name(self, day: date, title: str, body: str) -> str:
        if day != self.day:
            self.day, self.taken = day, set()
        base = f"{day.isoformat()}-{slug(title) or slug(_first_line(body)) or FALLBACK}"
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.taken.add(candidate)
        return f"{self.folder}/{candidate}.md"


def _first_line(body: str) -> str:
    return body.lstrip().partition("\n")[0]


def yaml_value(value: str | list[str]) -> str:
    """A string or a list of strings as YAML (and JSON) that every YAML reader takes back."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def front_matter(when: str, fields: list[tuple[str, str | list[str]]]) -> str:
    """The block between --- lines: the date and time first (a YAML timestamp), then `fields`."""
    lines = ["---", f"date: {when}"]
    lines += [f"{name}: {yaml_value(value)}" for name, value in fields]
    lines.append("---")
    return "\n".join(lines) + "\n"


def entry_file(when: str, fields: list[tuple[str, str | list[str]]], body: str) -> str:
    """One entry's whole file: front matter, an empty line, then the body exactly as written."""
    return front_matter(when, fields) + "\n" + body
