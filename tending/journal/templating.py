"""What the journal's pages need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from django.utils.translation import ngettext, pgettext
from markupsafe import Markup, escape

from tending.core.date_format import names
from tending.core.jinja import url


def entry_items(entries) -> Markup:
    """The list's entries as <li> items, written here once rather than a template included
    per row (twenty includes were a third of the page): each value escaped as the template
    would escape it, so the page reads byte for byte the same as journal/_entry_item.html."""
    detail = url("journal:detail", 0).rsplit("0", 1)
    items = []
    for entry in entries:
        title = f' · <bdi dir="auto">{escape(entry.title)}</bdi>' if entry.title else ""
        chips = ""
        if entry.people or entry.tags:
            parts = [
                f'<span class="chip-person" dir="auto">{escape(n)}</span> ' for n in entry.people
            ]
            parts += [
                f'<span class="chip-tag" dir="auto">{escape("#" + n)}</span> ' for n in entry.tags
            ]
            chips = f'<div class="entry-chips">{"".join(parts)}</div>'
        items.append(
            "<li>\n"
            f'  <a href="{detail[0]}{int(entry.pk)}{detail[1]}"><span class="when">'
            f"{escape(entry.when)}</span>{title}</a>\n"
            f'  <div class="muted" dir="auto">{escape(entry.snippet)}</div>\n'
            f"  {chips}\n"
            "</li>"
        )
    return Markup("".join(items))


def calendar_rows(calendar, shown=None) -> Markup:
    """The month's table rows (`calendar` a journal.views.Calendar; `shown` the day open, if
    any), written here once as journal/_calendar.html wrote them: a day written about links
    to its entries; every day says its month, and today says so, to a screen reader."""
    month_name = names().months[calendar.month.month]
    # What a screen reader says after a day's number ("14 March", "14. März"), said once.
    spoken_day = escape(pgettext("after a day's number", " %(month)s") % {"month": month_name})
    spoken_today = escape(
        pgettext("after a day's number", " %(month)s, today") % {"month": month_name}
    )
    counts: dict[int, str] = {}  # "2 entries", by number, each said once
    rows = []
    for week in calendar.weeks:
        cells = []
        for cell in week:
            if cell is None:
                cells.append("<td></td>")
                continue
            spoken = spoken_today if cell.today else spoken_day
            number = cell.day.day
            if cell.entries:
                key = cell.day.isoformat()
                current = ' aria-current="page"' if cell.day == shown else ""
                count = counts.get(cell.entries)
                if count is None:
                    n = int(cell.entries)
                    count = counts[n] = escape(
                        ngettext("%(num)d entry", "%(num)d entries", n) % {"num": n}
                    )
                inner = (
                    f'<a href="?day={key}" data-day="{key}"{current}>{number}'
                    f'<span class="visually-hidden">{spoken}: {count}</span></a>'
                )
            else:
                inner = f'<span>{number}<span class="visually-hidden">{spoken}</span></span>'
            cells.append(f'<td class="today">{inner}</td>' if cell.today else f"<td>{inner}</td>")
        rows.append(f"    <tr>{''.join(cells)}</tr>\n")
    return Markup("".join(rows))


CURRENT = ' aria-current="page"'


def month_index_items(years, shown=None) -> Markup:
    """The index's years, each a heading: linked, for a year whose months are not listed,
    else followed by its months with their counts (`shown` the month open, if any), as the
    list template wrote them."""
    words: dict[int, str] = {}  # "entry" or "entries" after each count, said once per count

    def entries(n: int) -> str:
        word = words.get(n)
        if word is None:
            word = words[n] = escape(ngettext("entry", "entries", n))
        return word

    parts = []
    for year, months in years:
        if months is None:
            parts.append(f'\n  <h3><a href="?year={int(year)}">{int(year)}</a></h3>\n  ')
            continue
        items = "".join(
            f'<li><a href="?month={escape(item.key)}"'
            f"{CURRENT if item.month == shown else ''}>{escape(item.name)} "
            f'<span class="count">{int(item.entries)}<span class="visually-hidden"> '
            f"{entries(int(item.entries))}</span></span></a></li>"
            for item in months
        )
        parts.append(f"\n  <h3>{int(year)}</h3>\n  <ul>{items}</ul>\n  ")
    return Markup("".join(parts))


GLOBALS = {
    "entry_items": entry_items,
    "calendar_rows": calendar_rows,
    "month_index_items": month_index_items,
}
