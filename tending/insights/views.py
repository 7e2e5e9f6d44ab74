"""The insights pages: what goes with feeling better, charts over the years, the weekly review
and a report to share."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def index(request):
    return render(request, "insights/index.html", {})
