"""What the check-in pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from functools import lru_cache

from django.template.defaultfilters import floatformat


@lru_cache(maxsize=4096)
def score(value) -> str:
    """A score as the pages show it: Django's floatformat:"-1" (12, 12.5), worked out once.

    A history of fifty rows holds a few dozen distinct scores, and floatformat goes through
    Decimal and the number formatting each time, so each value is formatted only once.
    """
    return floatformat(value, -1)


FILTERS = {"score": score}
