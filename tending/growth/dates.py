"""Dates in the lists Growth writes in Python, as the templates' `|date(…)` wrote them: in the
page's language ("9 January 2026", "9. Januar 2026"), the format looked up once for a whole
list rather than at every row (tending/core/date_format.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils import dateformat

from tending.core.date_format import local_format, quick_format


def day_writer(format_string: str) -> Callable[[date], str]:
    """A function writing a day as `day|date(format_string)` does in the page's language (one
    of the formats of DATE_FORMATS); looked up once, for every day of a list."""
    local = local_format(format_string)

    def write(day: date) -> str:
        written = quick_format(day, local)
        return dateformat.format(day, local) if written is None else written

    return write
