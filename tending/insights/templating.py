"""What the insights pages' templates need beyond the common set (see tending/core/jinja.py):
the circle page's long lists, written here once rather than a template expression per cell.
A circle of forty people is listed three times on that page; each value is escaped as the
template would escape it, so the page reads byte for byte the same."""

from __future__ import annotations

from markupsafe import Markup, escape

from tending.checkins.templating import address_of


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


GLOBALS = {
    "ring_people": ring_people,
    "sharing_table_rows": sharing_table_rows,
    "drift_items": drift_items,
    "people_items": people_items,
}
