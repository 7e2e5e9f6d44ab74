"""Growth's front page: the four practices at a glance, each with its one next thing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from tending.core.ownership import owned
from tending.growth import brave, goals, queries
from tending.growth.models import BringUp, LadderSession


@login_required
def home(request):
    user, today = request.user, timezone.localdate()
    steps = queries.brave_steps(user)
    offered, paused_until = queries.step_offer(user, today, steps)
    active = queries.goals_with_steps(user, ("active",))
    ladder = (
        owned(LadderSession, user)
        .filter(finished_at=None)
        .order_by("-updated_at")
        .values("id", "set_index", "prompt_index", name=F("person__name"))
        .first()
    )
    context = {
        "offered": offered,
        "paused_until": paused_until,
        "summary": brave.prediction_words(brave.predictions(steps)),
        "goals": [(goal, goals.progress_words(goal)) for goal in active[:3]],
        "more_goals": max(0, len(active) - 3),
        "coming_up": goals.coming_up(active, today)[:3],
        "ladder": ladder,
        "waiting": owned(BringUp, user).filter(raised_in=None).count(),
    }
    return render(request, "growth/home.html", context)
