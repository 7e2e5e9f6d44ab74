"""What the insights pages' templates need beyond the common set (see tending/core/jinja.py):
the circle page's long lists, written here once rather than a template expression per cell.
A circle of forty people is listed three times on that page; each value is escaped as the
template would escape it, so the page reads byte for byte the same."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from tending.checkins.templating import address_of, score
from tending.core.date_format import names
from tending.insights.review import how_it_went


def _person_link(at, person: dict) -> str:
    return f'<a href="{at(person["id"])}">{escape(person["name"])}</a>'


def sharing_table_rows(rows) -> Markup:
    """(person, you more, they more, about the same, words) as the balance table's rows."""
    at = address_of("insights:closeness")
    return Markup(
        "".join(
            f'<tr><td>{_person_link(at, person)}</td><td class="num">{int(you)}</td>'
            f'<td class="num">{int(even)}</td><td class="num">{int(they)}</td></tr>'
            for person, you, they, even, _ in rows
        )
    )


def drift_items(drifted) -> Markup:
    """(person, drift state) as the list of who drifted this year."""
    at = address_of("insights:closeness")
    return Markup(
        "".join(
            f"<li>{_person_link(at, person)}: up to {int(state.longest)} days between moments"
            f"{', and drifting now' if state.now else ''}</li>"
            for person, state in drifted
        )
    )


def people_items(people) -> Markup:
    """Each person as a link to their closeness over time."""
    at = address_of("insights:closeness")
    return Markup("".join(f"<li>{_person_link(at, person)}</li>" for person in people))


def ring_people(people) -> Markup:
    """A ring's (name, moments) as the report lists them: "Sam (3 moments), Ada (1 moment)",
    each name in its own direction."""
    return Markup(
        ", ".join(
            f'<span dir="auto">{escape(name)}</span> ({int(n)} moment{"" if n == 1 else "s"})'
            for name, n in people
        )
    )


def _row(href: str, main: str, meta: str) -> str:
    """One list row, as core/components.html's list_row writes it (without its spaces)."""
    return (
        f'<li class="list-row"><span class="row-main"><a class="row-link" href="{href}">{main}'
        f'</a></span><span class="row-meta">{escape(meta)}</span></li>\n    '
    )


@lru_cache(maxsize=1024)
def _how_html(*ratings) -> str:
    """How a moment went, as its row says it after the names (or nothing when unrated)."""
    said = how_it_went(*ratings)
    return f'<span class="muted">: {escape(" · ".join(said))}</span>' if said else ""


def week_moment_rows(moments) -> Markup:
    """The week's moments: with whom, then how it went, and the day."""
    at = address_of("moments:detail")
    rows = []
    for m in moments:
        main = f'<span dir="auto">{escape(", ".join(m.people))}</span>'
        main += _how_html(m.self_shared, m.other_shared, m.understood, m.closeness, m.safe)
        rows.append(_row(at(m.id), main, m.when))
    return Markup("".join(rows))


def week_checkin_rows(checkins) -> Markup:
    """The week's check-ins: the score, its band, and how it moved from the time before."""
    at = address_of("checkins:result")
    rows = []
    for seen in checkins:
        main = f"{escape(seen.title)}: {escape(score(seen.score))}"
        if seen.band:
            main += f" ({escape(seen.band)})"
        if seen.change:
            meaningful = ", a meaningful change" if seen.meaningful else ""
            # A no-break space: a row's link lays its parts out as a flex box, which drops
            # a plain space at the start of a part ("2.3· harder").
            main += f'<span class="muted">\u00a0· {escape(seen.change.words)}{meaningful}</span>'
        rows.append(_row(at(seen.id), main, seen.when))
    return Markup("".join(rows))


def week_entry_rows(entries) -> Markup:
    """The week's journal entries: the heading, then the first line."""
    at = address_of("journal:detail")
    rows = []
    for e in entries:
        main = f'<span dir="auto">{escape(e.heading)}</span>'
        if e.first_line:
            main += f'<span class="muted" dir="auto">: {escape(e.first_line)}</span>'
        rows.append(_row(at(e.id), main, e.when))
    return Markup("".join(rows))


def closeness_rows(ratings) -> Markup:
    """The closeness page's table: each (day, rating), written here as the template wrote it."""
    months = names().months_3
    return Markup(
        "".join(
            f"<tr><td>{day.day} {escape(months[day.month])} {day.year}</td>"
            f'<td class="num">{int(value)}</td></tr>'
            for day, value in ratings
        )
    )


GLOBALS = {
    "closeness_rows": closeness_rows,
    "week_moment_rows": week_moment_rows,
    "week_checkin_rows": week_checkin_rows,
    "week_entry_rows": week_entry_rows,
    "ring_people": ring_people,
    "sharing_table_rows": sharing_table_rows,
    "drift_items": drift_items,
    "people_items": people_items,
}
