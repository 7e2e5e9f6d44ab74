"""The brave steps page's long parts (its lists, the chart and the table) written in Python,
byte for byte the markup the template's loops and the chart macro wrote: sixty steps through
the template's loops, macros and per-value escaping were two thirds of the page.
tests/growth/test_brave_pages.py keeps each one equal to the template it replaced."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from markupsafe import Markup, escape

from tending.core.jinja import url
from tending.growth.brave_chart import PredictionChart
from tending.growth.dates import day_writer

_HOLE = 7306051849  # a number no step has, to find where a step's number goes in an address


def _escaped(text: str) -> str:
    """Text as markupsafe's escape() writes it (what the template's {{ }} wrote), for the
    plain text of a row: a third quicker, as it makes no Markup of each piece."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _around(name: str) -> tuple[str, str]:
    """What comes before and after a step's number in its address on route `name`, escaped
    (once for the whole list)."""
    before, after = url(name, _HOLE).split(str(_HOLE))
    return escape(before), escape(after)


def open_rows(items: Sequence) -> Markup:
    """The steps to take, easiest first: a list row each (core/components.html's list_row),
    with whom it is toward."""
    before, after = _around("growth:brave_step")
    toward_words = _("toward <bdi>%(name)s</bdi>")
    feels = _("feels %(hardness)d")
    parts = []
    for item in items:
        step = item.step
        toward = ""
        if item.person:
            said = toward_words % {"name": _escaped(item.person)}
            toward = f'<span class="muted">&nbsp;· {said}</span>'
        parts.append(
            '\n    \n<li class="list-row">\n  <span class="row-main">'
            f'<a class="row-link" href="{before}{step.key}{after}">\n'
            f'      <span dir="auto">{_escaped(step.text)}</span>{toward}\n    </a></span>\n'
            f'  <span class="row-meta">{feels % {"hardness": step.hardness}}</span>\n</li>\n    '
        )
    return Markup("".join(parts))


def aside_rows(items: Sequence, csrf_input) -> Markup:
    """The steps set aside, each with its button to bring it back."""
    before, after = _around("growth:brave_step")
    aside_before, aside_after = _around("growth:brave_aside")
    token = escape(csrf_input)
    feels, bring_back = _("feels %(hardness)d"), _("Bring it back")
    parts = []
    for item in items:
        step = item.step
        key, text = step.key, _escaped(step.text)
        parts.append(
            '\n    <li>\n      <span class="brave-aside-text">'
            f'<a href="{before}{key}{after}" dir="auto">{text}</a> '
            f'<span class="muted">· {feels % {"hardness": step.hardness}}</span></span>\n'
            f'      <form method="post" action="{aside_before}{key}{aside_after}">{token}'
            f'<button type="submit" class="button secondary small">{bring_back}'
            f'<span class="visually-hidden">: {text}</span></button></form>\n    </li>\n    '
        )
    return Markup("".join(parts))


def done_rows(items: Sequence) -> Markup:
    """The steps taken, newest first: the day (as the date filter's "j F Y"), and what
    happened against what was expected, or a link to write it."""
    before, after = _around("growth:brave_step")
    outcome_before, outcome_after = _around("growth:brave_outcome")
    day_of = day_writer("j F Y")
    add_what_happened = _("Add what happened")
    # Each sentence looked up once for the whole list, not at every row.
    compared = {
        "easier": _("Expected %(expected)d, felt %(felt)d (%(points)d easier)."),
        "harder": _("Expected %(expected)d, felt %(felt)d (%(points)d harder)."),
        "same": _("Expected %(expected)d, felt %(felt)d (as expected)."),
    }
    feared_words = {
        (True, True): _("Feared “<bdi>%(fear)s</bdi>”: it happened."),
        (True, False): _("Feared “<bdi>%(fear)s</bdi>”: it didn't happen."),
        (False, True): _("What you feared: it happened."),
        (False, False): _("What you feared: it didn't happen."),
    }
    believed_words = _("You believed it %(before)d%% before, %(after)d%% after.")
    learned_words = _("You learned: %(learned)s")
    parts = []
    for item in items:
        step = item.step
        key, done_on, felt = step.key, step.done_on, step.felt
        head = (
            '\n    \n    <li>\n      <p class="brave-done-text">'
            f'<a href="{before}{key}{after}" dir="auto">{_escaped(step.text)}</a> '
            f'<span class="muted">· {_escaped(day_of(done_on))}</span></p>\n      '
        )
        if felt is None:  # done, and what happened not written yet
            parts.append(
                f'{head}\n      <p><a href="{outcome_before}{key}{outcome_after}">'
                f"{add_what_happened}</a></p>\n      \n    </li>\n    "
            )
            continue
        hardness, came_true, after_belief = step.hardness, step.fear_came_true, step.belief_after
        way = "easier" if hardness > felt else ("harder" if hardness < felt else "same")
        expected = compared[way] % {
            "expected": hardness,
            "felt": felt,
            "points": abs(hardness - felt),
        }
        feared = ""
        if came_true is not None:
            fear = item.fear
            feared = feared_words[bool(fear), came_true] % {"fear": _escaped(fear)}
        believed = ""
        if after_belief is not None:
            believed = believed_words % {"before": step.belief, "after": after_belief}
        learned = item.learned
        if learned:
            said = learned_words % {"learned": _escaped(learned)}
            learned = f'<p class="muted" dir="auto">{said}</p>'
        parts.append(
            f"{head}\n      <p>{expected}\n        {feared}\n"
            f"        {believed}</p>\n      {learned}\n      \n    </li>\n    "
        )
    return Markup("".join(parts))


def table_rows(items: Sequence) -> Markup:
    """The chart as a table: each step done with an outcome, in the order taken."""
    said = {None: _("no fear written"), True: _("yes"), False: _("no")}
    parts = []
    for number, item in enumerate(items, start=1):
        step = item.step
        parts.append(
            f'\n            <tr><td class="num">{number}</td>'
            f'<td dir="auto">{_escaped(step.text)}</td><td class="num">{step.hardness}</td>'
            f'<td class="num">{step.felt}</td><td>{said[step.fear_came_true]}</td></tr>'
            "\n            "
        )
    return Markup("".join(parts))


def chart_svg(chart: PredictionChart, id: str, summary: str) -> Markup:
    """The prediction chart (its geometry from brave_chart): for each step done, a ring for
    how hard it was expected to be and a dot for how hard it felt, on one upright."""
    id = escape(id)
    count = len(chart.marks)
    # Each number is written once: writing a float is most of what a mark costs.
    left, radius, label_y = chart.left, str(chart.radius), str(chart.label_y)
    title = _("How hard each step felt against how hard you expected it to be")
    described = ngettext(
        "%(count)d step in the order you took them, from 0 (no bother) to 100 (the hardest you "
        "can imagine): a ring for what you expected and a dot for how it felt.",
        "%(count)d steps in the order you took them, from 0 (no bother) to 100 (the hardest "
        "you can imagine): a ring for what you expected and a dot for how it felt.",
        count,
    ) % {"count": count}
    parts = [
        f'<svg class="brave-chart" viewBox="0 0 {chart.width} {chart.height}" role="img" '
        f'aria-labelledby="{id}-title {id}-desc">\n'
        f'  <title id="{id}-title">{title}</title>\n'
        f'  <desc id="{id}-desc">{described} {escape(summary)}</desc>\n  '
    ]
    for y, value in chart.grid:
        y = str(y)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{chart.right}" y1="{y}" y2="{y}"/>'
            f'<text class="tick" x="{left - 5}" y="{y}" text-anchor="end" '
            f'dominant-baseline="central">{value}</text>'
        )
    parts.append("\n  ")
    for number, x, _expected, _felt, expected_y, felt_y, way, labelled, gap in chart.marks:
        x = str(x)
        line = f'<line class="gap" x1="{x}" x2="{x}" y1="{gap[0]}" y2="{gap[1]}"/>' if gap else ""
        label = ""
        if labelled:
            label = f'<text class="tick" x="{x}" y="{label_y}" text-anchor="middle">{number}</text>'
        parts.append(
            f'<g class="mark {way}">{line}<circle class="felt" cx="{x}" cy="{felt_y}" '
            f'r="{radius}"/><circle class="expected" cx="{x}" cy="{expected_y}" r="{radius}"/>'
            f"{label}</g>"
        )
    parts.append("\n</svg>")
    return Markup("".join(parts))
