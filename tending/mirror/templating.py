"""What the Mirror's templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

import re

from markupsafe import Markup

from tending.mirror.words import WORDS

# Every word is plain lower-case letters and hyphens, so none needs escaping in HTML.
assert all(re.fullmatch(r"[a-z-]+", word) for word in WORDS)


def word_chips(field) -> Markup:
    """The 56 words as checkbox chips, the very markup Django's CheckboxSelectMultiple and
    the `choice_field` macro make (tests/mirror/test_templating.py compares them), written
    out in Python: Django's widgets took two thirds of the answer page's time."""
    chosen = {str(value) for value in (field.value() or [])}
    name, base = field.html_name, field.auto_id
    invalid = ' aria-invalid="true"' if field.errors else ""
    parts = []
    for at, word in enumerate(WORDS):
        box = f"{base}_{at}"
        checked = " checked" if word in chosen else ""
        parts.append(
            f'<label class="chip" for="{box}"><input type="checkbox" name="{name}" '
            f'value="{word}" id="{box}"{invalid}{checked}><span>{word}</span></label>'
        )
    return Markup("".join(parts))


GLOBALS = {"word_chips": word_chips}
