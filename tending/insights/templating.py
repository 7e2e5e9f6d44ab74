"""What the insights pages' templates need beyond the common set (see tending/core/jinja.py):
the circle page's long lists, written here once rather than a template expression per cell.
A circle of forty people is listed three times on that page; each value is escaped as the
template would escape it, so the page reads byte for byte the same."""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from tending.checkins.templating import address_of, change_words, score
from tending.core.date_format import format_date, local_format, names, quick_format
from tending.core.words import and_list
from tending.insights.report import average_words, status_words
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
    items = []
    for person, state in drifted:
        days = int(state.longest)
        if state.now:
            said = ngettext(
                "%(person)s: up to %(num)d day between moments, and drifting now",
                "%(person)s: up to %(num)d days between moments, and drifting now",
                days,
            )
        else:
            said = ngettext(
                "%(person)s: up to %(num)d day between moments",
                "%(person)s: up to %(num)d days between moments",
                days,
            )
        link = Markup(_person_link(at, person))
        items.append(f"<li>{Markup(escape(said)) % {'person': link, 'num': days}}</li>")
    return Markup("".join(items))


def people_items(people) -> Markup:
    """Each person as a link to their closeness over time."""
    at = address_of("insights:closeness")
    return Markup("".join(f"<li>{_person_link(at, person)}</li>" for person in people))


def ring_people(people) -> Markup:
    """A ring's (name, moments) as the report lists them: "Sam (3 moments), Ada (1 moment)",
    each name in its own direction."""
    said: dict[int, str] = {}  # each count's words, looked up once

    def count(n: int) -> str:
        if n not in said:
            said[n] = escape(ngettext("%(num)d moment", "%(num)d moments", n) % {"num": n})
        return said[n]

    return Markup(
        ", ".join(f'<span dir="auto">{escape(name)}</span> ({count(int(n))})' for name, n in people)
    )


def _row(href: str, main: str, meta: str) -> str:
    """One list row, as core/components.html's list_row writes it (without its spaces)."""
    return (
        f'<li class="list-row"><span class="row-main"><a class="row-link" href="{href}">{main}'
        f'</a></span><span class="row-meta">{escape(meta)}</span></li>\n    '
    )


@lru_cache(maxsize=1024)
def _how_html(language: str | None, *ratings) -> str:
    """How a moment went, as its row says it after the names (or nothing when unrated), in
    the page's language."""
    said = how_it_went(*ratings)
    return f'<span class="muted">: {escape(" · ".join(said))}</span>' if said else ""


def week_moment_rows(moments) -> Markup:
    """The week's moments: with whom, then how it went, and the day."""
    at = address_of("moments:detail")
    language = get_language()
    rows = []
    for m in moments:
        main = f'<span dir="auto">{escape(", ".join(m.people))}</span>'
        main += _how_html(
            language, m.self_shared, m.other_shared, m.understood, m.closeness, m.safe
        )
        rows.append(_row(at(m.id), main, m.when))
    return Markup("".join(rows))


def week_checkin_rows(checkins) -> Markup:
    """The week's check-ins: the score, its band, and how it moved from the time before."""
    at = address_of("checkins:result")
    words = change_words()
    meaningful = escape(_("%(change)s, a meaningful change"))
    rows = []
    for seen in checkins:
        main = f"{escape(seen.title)}: {escape(score(seen.score))}"
        if seen.band:
            main += f" ({escape(seen.band)})"
        if seen.change:
            change = escape(words.get(seen.change.direction, seen.change.words))
            said = meaningful % {"change": change} if seen.meaningful else change
            # A no-break space: a row's link lays its parts out as a flex box, which drops
            # a plain space at the start of a part ("2.3· harder").
            main += f'<span class="muted">\u00a0· {said}</span>'
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
    """The closeness page's table: each (day, rating), written here as the template wrote it,
    the day as the page's language writes "j M Y"."""
    written = local_format("j M Y")
    if written == "j M Y":
        months = names().months_3
        return Markup(
            "".join(
                f"<tr><td>{day.day} {escape(months[day.month])} {day.year}</td>"
                f'<td class="num">{int(value)}</td></tr>'
                for day, value in ratings
            )
        )
    return Markup(
        "".join(
            f"<tr><td>{escape(quick_format(day, written) or format_date(day, 'j M Y'))}</td>"
            f'<td class="num">{int(value)}</td></tr>'
            for day, value in ratings
        )
    )


def listed(items: list[str]) -> str:
    """Items as a sentence lists them: "a, b and c" (each item already escaped)."""
    return Markup(and_list(items))


def week_people(count: int, people) -> Markup:
    """ "3 moments, with Sam (2) and Ada.": how many moments, with whom (and how often)."""
    names_said = [
        f'<span dir="auto">{escape(name)}</span>' + (f" ({int(times)})" if times > 1 else "")
        for name, times in people
    ]
    sentence = escape(
        ngettext("%(num)d moment, with %(people)s", "%(num)d moments, with %(people)s", count)
    )
    said = sentence % {"num": count, "people": Markup(listed(names_said))}
    last = people[-1] if people else ("", 0)
    # A name ending in a full stop ("Sofia B.") ends the sentence itself.
    return Markup(said + ("." if not last[0].endswith(".") or last[1] > 1 else ""))


def week_averages(averages) -> Markup:
    """ "On average you felt understood 4.2 of 5 and felt safe 3.8 of 5." """
    phrases = {
        "felt understood": _("felt understood %(value)s of %(top)s"),
        "felt safe": _("felt safe %(value)s of %(top)s"),
        "closeness afterwards": _("felt a closeness of %(value)s of %(top)s afterwards"),
    }
    items = [
        escape(phrases.get(avg.label, _("%(label)s %(value)s of %(top)s")))
        % {"label": avg.label, "value": score(avg.value), "top": avg.top}
        for avg in averages
    ]
    return Markup(escape(_("On average you %(items)s.")) % {"items": Markup(listed(items))})


def week_changes(changes) -> Markup:
    """ "A meaningful change this week: Stress on Tuesday, 6 points better than the time
    before." """
    said = {
        "better": _("%(title)s on %(day)s, %(delta)s points better than the time before"),
        "worse": _("%(title)s on %(day)s, %(delta)s points harder than the time before"),
        "same": _("%(title)s on %(day)s, about the same as the time before"),
    }
    items = [
        escape(said[seen.change.direction])
        % {
            "title": seen.title,
            "day": format_date(seen.day, "l"),
            "delta": score(abs(seen.change.delta)),
        }
        for seen in changes
    ]
    return Markup(
        escape(_("A meaningful change this week: %(changes)s."))
        % {"changes": Markup("; ".join(items))}
    )


GLOBALS = {
    "average_words": average_words,
    "status_words": status_words,
    "closeness_rows": closeness_rows,
    "week_people": week_people,
    "week_averages": week_averages,
    "week_changes": week_changes,
    "week_moment_rows": week_moment_rows,
    "week_checkin_rows": week_checkin_rows,
    "week_entry_rows": week_entry_rows,
    "ring_people": ring_people,
    "sharing_table_rows": sharing_table_rows,
    "drift_items": drift_items,
    "people_items": people_items,
}
