"""Growth's front page: the four practices at a glance, each with its one next thing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tending.growth import brave, goals, queries


@login_required
def home(request):
    user, today = request.user, timezone.localdate()
    found = queries.front_page(user, today)
    until = brave.paused_until(found.fired_on)
    if until is not None and today < until:  # as queries.step_offer
        offered, paused_until = None, until
    else:
        offered, paused_until = brave.step_to_offer(found.steps, today), None
    active = found.active
    context = {
        "offered": offered,
        "paused_until": paused_until,
        "summary": brave.prediction_words(brave.predictions(found.steps)),
        "goals": [(goal, goals.progress_words(goal)) for goal in active[:3]],
        "more_goals": max(0, len(active) - 3),
        "coming_up": goals.coming_up(active, today)[:3],
        "ladder": found.ladder,
        "waiting": found.waiting,
    }
    return render(request, "growth/home.html", context)
