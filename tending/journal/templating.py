"""What the journal's pages need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from markupsafe import Markup, escape

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


GLOBALS = {"entry_items": entry_items}
