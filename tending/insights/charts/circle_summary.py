"""The circle charts' contents, from the sums the database gives back (see
tending/insights/chart_data.py): plain tuples in, rows and geometry out. Pure: of Django, only
its translation, for the rings' names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils.translation import pgettext_lazy

from tending.insights.charts.circle import bars, drift_this_year, sharing_words
from tending.insights.charts.timeline import time_chart

FEELINGS = (("understood", "Understood"), ("accepted", "Accepted"), ("cared", "Cared for"))
RINGS = (
    ("inner", pgettext_lazy("a ring of the circle", "Inner")),
    ("middle", pgettext_lazy("a ring of the circle", "Middle")),
    ("outer", pgettext_lazy("a ring of the circle", "Outer")),
)
MOST_BARS = 12  # people drawn in the sharing chart; the table lists everyone


def feelings_over_time(months: Sequence[tuple], start: date, end: date) -> dict:
    """Monthly means of how understood, accepted and cared for you felt in moments, placed
    mid-month, with the months as table rows (None where no moment noted it)."""
    rows = []
    lines: dict[str, list[tuple[date, float]]] = {key: [] for key, _ in FEELINGS}
    for month, count, *means in (m[:5] for m in months):
        year, number = (int(part) for part in month.split("-"))
        middle = date(year, number, 15)
        for (key, _), value in zip(FEELINGS, means, strict=True):
            if value is not None:
                lines[key].append((middle, float(value)))
        rows.append(
            (date(year, number, 1), count, [None if v is None else float(v) for v in means])
        )
    chart = time_chart(list(lines.items()), 1, 5, start, end, most_dots=0)
    return {"chart": chart, "rows": rows}


def sharing_overall(months: Sequence[tuple]) -> tuple[int, int, int]:
    you = sum(int(m[5] or 0) for m in months)
    they = sum(int(m[6] or 0) for m in months)
    even = sum(int(m[7] or 0) for m in months)
    return you, they, even


def sharing_bars(rows: Sequence[tuple[str, int, int, int]]) -> dict | None:
    """Stacked bars of (label, you more, about the same, they more)."""
    drawn = [
        (label, [("you", you), ("even", even), ("they", they)])
        for label, you, they, even in rows
        if you + they + even
    ]
    return bars(drawn, stacked=True) if drawn else None


def summary(
    people: Sequence[dict],
    months: Sequence[tuple],
    person_years: Sequence[tuple],
    ring_years: Sequence[tuple],
    today: int,
    start: date,
    end: date,
) -> dict:
    """Everything the circle charts page shows. `people` have id, name, ring, rhythm_days and
    last_day (a day number or None); day numbers count days since 1 January 1970. Rows of
    `person_years` are those of chart_data.people_years."""
    by_person: dict[int, dict[int, tuple]] = {}
    for row in person_years:
        by_person.setdefault(row[0], {})[int(row[1])] = row
    sharing_rows, drifted = [], []
    for person in people:
        years = by_person.get(person["id"], {})
        you = sum(int(r[4] or 0) for r in years.values())
        they = sum(int(r[5] or 0) for r in years.values())
        even = sum(int(r[6] or 0) for r in years.values())
        if you + they + even:
            sharing_rows.append((person, you, they, even, sharing_words(you, they, even)))
        this = years.get(1)
        first, before = (this[8], this[9]) if this else (None, None)
        state = drift_this_year(
            person["rhythm_days"],
            today,
            person["last_day"],
            this[7] if this else None,
            first - before if first is not None and before is not None else None,
        )
        if state.drifted:
            drifted.append((person, state))
    sharing_rows.sort(key=lambda r: (-(r[1] + r[2] + r[3]), r[0]["name"]))
    rings = {(ring, int(this)): (int(n), int(mins or 0)) for ring, this, n, mins in ring_years}
    ring_rows = [
        (str(label), rings.get((key, 1), (0, 0)), rings.get((key, 0), (0, 0)))
        for key, label in RINGS
    ]
    minutes = [(label, [("this", now[1]), ("last", before[1])]) for label, now, before in ring_rows]
    you, they, even = sharing_overall(months)
    return {
        "feelings": feelings_over_time(months, start, end),
        "sharing": (you, they, even),
        "sharing_words": sharing_words(you, they, even),
        "sharing_rows": sharing_rows,
        "sharing_bars": sharing_bars(
            [(r[0]["name"], r[1], r[2], r[3]) for r in sharing_rows[:MOST_BARS]]
        ),
        "drifted": drifted,
        "rings": ring_rows,
        "ring_bars": bars(minutes, stacked=False)
        if any(m for _, n, b in ring_rows for m in n + b)
        else None,
    }
