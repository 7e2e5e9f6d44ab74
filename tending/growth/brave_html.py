"""The brave steps page's long parts (its lists, the chart and the table) written in Python,
byte for byte the markup the template's loops and the chart macro wrote: sixty steps through
the template's loops, macros and per-value escaping were two thirds of the page.
tests/growth/test_brave_pages.py keeps each one equal to the template it replaced."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from tending.core.date_format import names
from tending.core.jinja import url
from tending.growth.brave_chart import PredictionChart

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
    parts = []
    for item in items:
        step = item.step
        toward = ""
        if item.person:
            toward = f'<span class="muted">&nbsp;· toward <bdi>{_escaped(item.person)}</bdi></span>'
        parts.append(
            '\n    \n<li class="list-row">\n  <span class="row-main">'
            f'<a class="row-link" href="{before}{step.key}{after}">\n'
            f'      <span dir="auto">{_escaped(step.text)}</span>{toward}\n    </a></span>\n'
            f'  <span class="row-meta">feels {step.hardness}</span>\n</li>\n    '
        )
    return Markup("".join(parts))


def aside_rows(items: Sequence, csrf_input) -> Markup:
    """The steps set aside, each with its button to bring it back."""
    before, after = _around("growth:brave_step")
    aside_before, aside_after = _around("growth:brave_aside")
    token = escape(csrf_input)
    parts = []
    for item in items:
        step = item.step
        key, text = step.key, _escaped(step.text)
        parts.append(
            '\n    <li>\n      <span class="brave-aside-text">'
            f'<a href="{before}{key}{after}" dir="auto">{text}</a> '
            f'<span class="muted">· feels {step.hardness}</span></span>\n'
            f'      <form method="post" action="{aside_before}{key}{aside_after}">{token}'
            '<button type="submit" class="button secondary small">Bring it back'
            f'<span class="visually-hidden">: {text}</span></button></form>\n    </li>\n    '
        )
    return Markup("".join(parts))


_HAPPENED = {True: "it happened", False: str(escape("it didn't happen"))}


_MONTHS: dict[tuple, dict[int, str]] = {}  # the month names, escaped, by language


def _months() -> dict[int, str]:
    found = names().months
    key = tuple(found.values())
    escaped = _MONTHS.get(key)
    if escaped is None:
        escaped = _MONTHS[key] = {number: _escaped(name) for number, name in found.items()}
    return escaped


def done_rows(items: Sequence) -> Markup:
    """The steps taken, newest first: the day (as the date filter's "j F Y"), and what
    happened against what was expected, or a link to write it."""
    before, after = _around("growth:brave_step")
    outcome_before, outcome_after = _around("growth:brave_outcome")
    months = _months()
    parts = []
    for item in items:
        step = item.step
        key, done_on, felt = step.key, step.done_on, step.felt
        day = f"{done_on.day} {months[done_on.month]} {done_on.year:04d}"
        head = (
            '\n    \n    <li>\n      <p class="brave-done-text">'
            f'<a href="{before}{key}{after}" dir="auto">{_escaped(step.text)}</a> '
            f'<span class="muted">· {day}</span></p>\n      '
        )
        if felt is None:  # done, and what happened not written yet
            parts.append(
                f'{head}\n      <p><a href="{outcome_before}{key}{outcome_after}">'
                "Add what happened</a></p>\n      \n    </li>\n    "
            )
            continue
        hardness, came_true, after_belief = step.hardness, step.fear_came_true, step.belief_after
        if hardness > felt:
            compared = f" ({hardness - felt} easier)"
        elif hardness < felt:
            compared = f" ({felt - hardness} harder)"
        else:
            compared = " (as expected)"
        feared = ""
        if came_true is not None:
            fear = item.fear
            what = f"Feared “<bdi>{_escaped(fear)}</bdi>”" if fear else "What you feared"
            feared = f"{what}: {_HAPPENED[came_true]}."
        believed = ""
        if after_belief is not None:
            believed = f"You believed it {step.belief}% before, {after_belief}% after."
        learned = item.learned
        if learned:
            learned = f'<p class="muted" dir="auto">You learned: {_escaped(learned)}</p>'
        parts.append(
            f"{head}\n      <p>Expected {hardness}, felt {felt}{compared}.\n        {feared}\n"
            f"        {believed}</p>\n      {learned}\n      \n    </li>\n    "
        )
    return Markup("".join(parts))


def table_rows(items: Sequence) -> Markup:
    """The chart as a table: each step done with an outcome, in the order taken."""
    parts = []
    for number, item in enumerate(items, start=1):
        step = item.step
        if step.fear_came_true is None:
            came_true = "no fear written"
        else:
            came_true = "yes" if step.fear_came_true else "no"
        parts.append(
            f'\n            <tr><td class="num">{number}</td>'
            f'<td dir="auto">{_escaped(step.text)}</td><td class="num">{step.hardness}</td>'
            f'<td class="num">{step.felt}</td><td>{came_true}</td></tr>\n            '
        )
    return Markup("".join(parts))


def chart_svg(chart: PredictionChart, id: str, summary: str) -> Markup:
    """The prediction chart (its geometry from brave_chart): for each step done, a ring for
    how hard it was expected to be and a dot for how hard it felt, on one upright."""
    id = escape(id)
    count = len(chart.marks)
    # Each number is written once: writing a float is most of what a mark costs.
    left, radius, label_y = chart.left, str(chart.radius), str(chart.label_y)
    parts = [
        f'<svg class="brave-chart" viewBox="0 0 {chart.width} {chart.height}" role="img" '
        f'aria-labelledby="{id}-title {id}-desc">\n'
        f'  <title id="{id}-title">How hard each step felt against how hard you expected it '
        "to be</title>\n"
        f'  <desc id="{id}-desc">{count} step{"" if count == 1 else "s"} in the order you took '
        "them, from 0 (no bother) to 100 (the hardest you can imagine): a ring for what you "
        f"expected and a dot for how it felt. {escape(summary)}</desc>\n  "
    ]
    for y, value in chart.grid:
        y = str(y)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{chart.right}" y1="{y}" y2="{y}"/>'
            f'<text class="tick" x="{left - 5}" y="{y}" text-anchor="end" '
            f'dominant-baseline="central">{value}</text>'
        )
    parts.append("\n  ")
    for number, x, _, _, expected_y, felt_y, way, labelled, gap in chart.marks:
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
