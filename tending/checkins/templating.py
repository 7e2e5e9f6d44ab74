"""What the check-in pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from functools import lru_cache

from django.template.defaultfilters import floatformat
from django.utils.translation import get_language, pgettext
from markupsafe import Markup, escape

from tending.checkins.scoring import shown_score
from tending.core.date_format import format_date, local_format, names
from tending.core.jinja import url

_MARK = 9_007_199_254_740_993  # a row id no table reaches, to find where the id goes


@lru_cache(maxsize=4096)
def score(value) -> str:
    """A score as the pages show it: Django's floatformat:"-1" (12, 12.5), worked out once.

    A history of fifty rows holds a few dozen distinct scores, and floatformat goes through
    Decimal and the number formatting each time, so each value is formatted only once.
    """
    return floatformat(value, -1)


def address_of(name: str):
    """`url(name, row_id)` for many rows of one list: the route is looked up once.

    Each url() call reads the URL configuration and the script prefix (thread-locals), a
    good part of a page that links every one of fifty rows.
    """
    before, after = url(name, _MARK).split(str(_MARK))
    return lambda row_id: f"{before}{int(row_id)}{after}"


def history_rows(entries: list[dict], meaning: bool) -> Markup:
    """The history table's rows, written here once rather than a template expression per
    cell (fifty rows of five or more cells were a third of the page): each value escaped
    as the template would escape it, so the page reads byte for byte the same."""
    result_at = address_of("checkins:result")
    rows = []
    for entry in entries:
        cells = [
            f'<tr><td><a href="{result_at(entry["pk"])}">{escape(entry["when"])}</a></td>'
            f'<td class="num">{escape(score(entry["total"]))}</td>'
        ]
        cells += [f'<td class="num">{escape(score(v))}</td>' for v in entry["subscale_values"]]
        if meaning:
            cells.append(f"<td>{escape(entry['band_label'])}</td>")
        cells.append("</tr>")
        rows.append("".join(cells))
    return Markup("".join(rows))


_PIECES = {"j": "{day}", "M": "{month}", "Y": "{year}"}
# (language, format) -> (short month names, str.format pattern or None): read once each.
_ways: dict[tuple[str | None, str], tuple[dict[int, str], str | None]] = {}


def way_of(format_string: str) -> tuple[dict[int, str], str | None]:
    """How the page's language writes a date format ("j M Y" is "j. M Y" in German): its short
    month names, and the format as a str.format pattern of day, month and year, made once per
    language; the pattern is None for a format with other letters (format_date writes those)."""
    key = (get_language(), format_string)
    found = _ways.get(key)
    if found is None:
        local = local_format(format_string)
        plain = all(char in _PIECES or not char.isalpha() for char in local)
        shape = None
        if plain and "{" not in local and "}" not in local:
            shape = "".join(_PIECES.get(char, char) for char in local)
        found = _ways[key] = (names().months_3, shape)
    return found


def _written(when, format_string: str, way: tuple[dict[int, str], str | None]) -> str:
    months, shape = way
    if shape is None:
        return format_date(when, format_string)
    return shape.format(day=when.day, month=months[when.month], year=when.year)


def day_words(when) -> str:
    """A date as Django's "j M Y" writes it (2 Mar 2026; German 2. Mär 2026), without its
    formatter per call: a chart's dots and rows say their dates dozens of times a page."""
    return _written(when, "j M Y", way_of("j M Y"))


def month_words(when) -> str:
    """A month as Django's "M Y" writes it (Mar 2026)."""
    return _written(when, "M Y", way_of("M Y"))


def over_time_rows(rows: list[tuple], monthly: bool, yearly: bool = False) -> Markup:
    """The chart's table rows: (day, score), (month, average, results) or (year, average,
    results), written here once (five years are 60 months of three cells; each through the
    date filter was most of the page), the way the template wrote them: "2 Mar 2026",
    "Mar 2026", "2026", one decimal."""
    written = "Y" if yearly else "M Y" if monthly else "j M Y"
    way = way_of(written)
    cells = []
    for when, value, count in rows:
        when_words = escape(_written(when, written, way))
        if monthly:
            cells.append(
                f"<tr><td>{when_words}</td>"
                f'<td class="num">{escape(score(shown_score(value)))}</td>'
                f'<td class="num">{int(count)}</td></tr>'
            )
        else:
            cells.append(
                f'<tr><td>{when_words}</td><td class="num">{escape(score(value))}</td></tr>'
            )
    return Markup("".join(cells))


def chart_dots(line) -> Markup:
    """A time chart line's dots, each with its day and value to hover or read (the line's key
    names its class), written here once: three lines of two years' months are seventy dots."""
    key = escape(line.key)
    way = way_of("j M Y")
    return Markup(
        "".join(
            f'<circle class="point line-{key}" cx="{dot.x}" cy="{dot.y}" r="3"><title>'
            f"{escape(_written(dot.when, 'j M Y', way))}: "
            f"{escape(score(dot.value))}</title></circle>"
            for dot in line.dots
        )
    )


FILTERS = {"score": score}


def change_words() -> dict[str, str]:
    """How a check-in moved since the time before, by direction, in the language in use, for
    every page and the terminal alike: "harder" is kinder than "worse" about a time that is
    already hard (the API's English is tending.checkins.scoring.CHANGE_WORDS)."""
    return {
        "better": pgettext("a check-in since the time before", "better"),
        "worse": pgettext("a check-in since the time before", "harder"),
        "same": pgettext("a check-in since the time before", "no change"),
    }


GLOBALS = {
    "change_words": change_words,
    "address_of": address_of,
    "history_rows": history_rows,
    "over_time_rows": over_time_rows,
    "day_words": day_words,
    "chart_dots": chart_dots,
    "month_words": month_words,
}
