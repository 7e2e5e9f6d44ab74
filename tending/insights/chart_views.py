"""The charts over the years: the daily pulse as a year in pixels, and the circle's charts.
Thin: reads come from chart_data, the drawing from the pure modules in charts/."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from tending.checkins.registry import shown_instrument
from tending.core.date_format import names
from tending.insights import chart_data
from tending.insights.chart_data import CLOSENESS_SHOWN
from tending.insights.charts.circle import number_of
from tending.insights.charts.circle_summary import summary
from tending.insights.charts.pulse import chosen_year, pulse_year, years_to_pick
from tending.insights.charts.timeline import time_chart


def month_names() -> tuple[str, ...]:
    """ "Jan" to "Dec" in the page's language."""
    return tuple(names().months_3.values())


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@login_required
def pulse(request):
    today = timezone.localdate()
    first = chart_data.pulse_first(request.user)
    years = years_to_pick(timezone.localtime(first).date() if first else None, today)
    year, refused = chosen_year(request.GET.get("year"), years)
    start, end = _start_of(date(year, 1, 1)), _start_of(date(year + 1, 1, 1))
    inst = shown_instrument(chart_data.PULSE)  # its words in the page's language
    items = [(s.id, s.title) for s in inst.subscales]
    last = today if year == today.year else date(year, 12, 31)
    zone = timezone.get_current_timezone()

    def work():
        rows = chart_data.pulse_answers(request.user, start, end)
        answers = [(taken.astimezone(zone).date(), subscales) for taken, subscales in rows]
        return pulse_year(year, answers, items, last)

    stamp = (str(zone), last, chart_data.checkins_stamp(request.user, chart_data.PULSE, start, end))
    drawn = chart_data.kept(request.user, "pulse", stamp, work)
    context = {
        "year": year,
        "years": years,
        "refused": request.GET.get("year") if refused else None,
        "instrument": inst,
        "labels": [c.label for c in inst.scale],
        "month_names": month_names(),
        **drawn,
    }
    return render(request, "insights/pulse.html", context)


@login_required
def circle(request):
    now = timezone.localtime()
    today = now.date()
    offset = int(now.utcoffset().total_seconds())
    window = date(today.year - 1, 1, 1)
    since, year_start = _start_of(window), _start_of(date(today.year, 1, 1))
    people, stamp = chart_data.people_and_stamp(request.user, since)
    kept_until = (offset, str(now.tzinfo), today, stamp) if people else None
    context = {
        "today": today,
        "window": window,
        **circle_page(request.user, people, since, year_start, offset, today, kept_until),
    }
    return render(request, "insights/circle.html", context)


def circle_page(user, people, since, year_start, offset: int, today, stamp) -> dict:
    """What the circle page shows, kept until the stamp moves (a moment added, changed or
    removed, a person added, changed or moved to another ring, a new day, another time
    zone): summing two years of moments and laying out the charts is most of the page, and
    it changes far less often than it is read."""

    def work():
        for person in people:
            last = person.pop("last_moment_at")
            person["last_day"] = number_of(timezone.localtime(last).date()) if last else None
        months, rings = chart_data.months_and_rings(user, since, year_start, offset)
        person_years = chart_data.people_years(user, since, year_start, offset)
        window = date(today.year - 1, 1, 1)
        shown = summary(people, months, person_years, rings, number_of(today), window, today)
        return {"people": people, **shown}

    return chart_data.kept(user, "circle-page", stamp, work)


@login_required
def closeness(request, person_id: int):
    """Closeness with one person over time: the newest ratings, or all with ?all=1."""
    every = request.GET.get("all") == "1"
    found = chart_data.closeness_of(request.user, person_id, None if every else CLOSENESS_SHOWN)
    if found is None:
        raise Http404("No person here.")
    ratings = found.ratings
    today = timezone.localdate()
    start = ratings[0][0] if ratings else today
    if (today - start).days < 30:  # a few days' ratings still get a month of axis
        start = today - timedelta(days=30)
    chart = time_chart([("closeness", ratings)], 1, 7, start, today)
    context = {
        "person": {"pk": int(person_id), "name": found.name},
        "ratings": ratings,
        "count": found.count,
        "chart": chart,
    }
    return render(request, "insights/closeness.html", context)
