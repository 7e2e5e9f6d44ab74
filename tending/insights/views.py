"""The insights pages: what goes with feeling better, charts over the years, the weekly review
and a report to share."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tending.insights import findings
from tending.insights.assemble import FEWEST_DAYS
from tending.insights.showing import finding_items, shown, still_needed_words, too_few_words

FIRST_SHOWN = 12


@login_required
def index(request):
    # The kept result while the person's data is unchanged (one query), else worked out anew.
    insights = findings.current(request.user)
    return render(
        request,
        "insights/index.html",
        {
            "insights": insights,
            "findings": shown(insights.findings),
            "still_needed": still_needed_words(insights.days_still_needed),
            "too_few": too_few_words(insights.pulse_days, FEWEST_DAYS),
            # The strongest first, in view; the rest a tap away, so the page stays readable.
            "first_shown": FIRST_SHOWN,
            "finding_items": finding_items,
        },
    )
