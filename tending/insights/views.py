"""The insights pages: what goes with feeling better, charts over the years, the weekly review
and a report to share."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext
from markupsafe import Markup

from tending.core.kept_with import KeptWith
from tending.insights import findings
from tending.insights.assemble import FEWEST_DAYS
from tending.insights.showing import (
    NOT_ENOUGH_DAYS,
    NOTHING_STANDS_OUT,
    finding_items,
    meaning,
    nothing_stands_out_words,
    shown,
    still_needed_words,
    too_few_words,
)

FIRST_SHOWN = 12


@login_required
def index(request):
    # The kept result while the person's data is unchanged (one query), else worked out anew.
    insights = findings.current(request.user)
    first, more, more_count = written_findings(insights)
    return render(
        request,
        "insights/index.html",
        {
            "insights": insights,
            "any_findings": bool(insights.findings),
            # The strongest first, in view; the rest a tap away, so the page stays readable.
            "first_items": first,
            "more_items": more,
            "more_count": more_count,
            "still_needed": still_needed_words(insights.days_still_needed),
            "too_few": too_few_words(insights.pulse_days, FEWEST_DAYS),
            "nothing_found": nothing_stands_out_words(insights.pulse_days),
            "not_enough_title": gettext(NOT_ENOUGH_DAYS),
            "nothing_title": gettext(NOTHING_STANDS_OUT),
            "meaning": meaning(),
        },
    )


# The findings' list items, written once for each result worked out: the same result object
# is handed out while the person's data is unchanged (tending.insights.findings), and a long
# diary has a hundred findings and more, so writing them on every visit grew with the years.
_written = KeptWith()


def written_findings(insights) -> tuple[Markup, Markup, int]:
    """The first FIRST_SHOWN findings' items, the rest's, and how many the rest are."""

    def write() -> tuple[Markup, Markup, int]:
        rows = shown(insights.findings)
        return (
            finding_items(rows[:FIRST_SHOWN]),
            finding_items(rows[FIRST_SHOWN:]),
            len(rows[FIRST_SHOWN:]),
        )

    return _written.get(insights, None, write)
