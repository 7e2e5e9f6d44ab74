"""The charts over the years: the daily pulse as a year in pixels, and the circle's charts.
Thin: reads come from chart_data, the drawing from the pure modules in charts/."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tending.checkins.registry import get_instrument
from tending.circle.models import Person
from tending.core.ownership import get_owned_or_404
from tending.insights import chart_data
from tending.insights.charts.circle import number_of, sharing_words
from tending.insights.charts.circle_summary import first_without_earlier, summary
from tending.insights.charts.pulse import chosen_year, pulse_year, years_to_pick
from tending.insights.charts.timeline import time_chart


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@login_required
def pulse(request):
    today = timezone.localdate()
    first = chart_data.pulse_first(request.user)
    years = years_to_pick(timezone.localtime(first).date() if first else None, today)
    year, refused = chosen_year(request.GET.get("year"), years)
    rows = chart_data.pulse_answers(
        request.user, _start_of(date(year, 1, 1)), _start_of(date(year + 1, 1, 1))
    )
    zone = timezone.get_current_timezone()
    answers = [(taken.astimezone(zone).date(), subscales) for taken, subscales in rows]
    inst = get_instrument(chart_data.PULSE)
    items = [(s.id, s.title) for s in inst.subscales]
    end = today if year == today.year else date(year, 12, 31)
    context = {
        "year": year,
        "years": years,
        "refused": request.GET.get("year") if refused else None,
        "instrument": inst,
        "labels": [c.label for c in inst.scale],
        **pulse_year(year, answers, items, end),
    }
    return render(request, "insights/pulse.html", context)


@login_required
def circle(request):
    now = timezone.localtime()
    today = now.date()
    offset = int(now.utcoffset().total_seconds())
    window = date(today.year - 1, 1, 1)
    since, year_start = _start_of(window), _start_of(date(today.year, 1, 1))
    people = chart_data.people(request.user)
    for person in people:
        last = person.pop("last_moment_at")
        person["last_day"] = number_of(timezone.localtime(last).date()) if last else None
    months, rings = chart_data.months_and_rings(request.user, since, year_start, offset)
    person_years = chart_data.people_years(request.user, since, year_start, offset)
    earlier = chart_data.last_before(
        request.user, first_without_earlier(person_years), since, offset
    )
    context = {
        "today": today,
        "window": window,
        "people": people,
        **summary(
            people,
            months,
            person_years,
            rings,
            number_of(today),
            earlier,
            window,
            today,
        ),
    }
    return render(request, "insights/circle.html", context)


@login_required
def closeness(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    ratings = chart_data.closeness_of(request.user, person.pk)
    today = timezone.localdate()
    start = ratings[0][0] if ratings else today
    if (today - start).days < 30:  # a few days' ratings still get a month of axis
        start = today - timedelta(days=30)
    chart = time_chart([("closeness", ratings)], 1, 7, start, today)
    you, they, even = chart_data.sharing_with(request.user, person.pk)
    context = {
        "person": person,
        "ratings": ratings,
        "chart": chart,
        "sharing_words": sharing_words(you, they, even),
        "sharing": (you, they, even),
    }
    return render(request, "insights/closeness.html", context)
