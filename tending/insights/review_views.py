"""The weekly review and the report to share with a supporter: thin views over
review_queries / report_queries and the pure modules they feed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from markupsafe import Markup, escape

from tending.checkins.templating import score
from tending.core.errors import post_only
from tending.insights.report import DEFAULT_SECTIONS
from tending.insights.report_forms import ReportForm
from tending.insights.report_pdf import render as render_pdf
from tending.insights.report_queries import entries_to_choose, report_for
from tending.insights.review_queries import review_for
from tending.insights.weeks import parse_day, week_just_gone, week_of, week_start


def _week_page(request, start):
    today = timezone.localdate()
    week = week_of(start, today)
    if week is None:
        raise Http404("No such week.")
    review = review_for(request.user, week, today)
    return render(
        request,
        "insights/week.html",
        {"week": week, "review": review, "just_gone": week_just_gone(today)},
    )


@login_required
def week_latest(request):
    """The week just gone."""
    return _week_page(request, week_just_gone(timezone.localdate()))


@login_required
def week(request, week: str):
    """Any earlier week, by the date of its first day; another day of it leads there."""
    day = parse_day(week)
    if day is None:
        raise Http404("No such week.")
    start = week_start(day)
    if start != day:
        return redirect("insights:week", week=start.isoformat())
    return _week_page(request, start)


def _results_rows(shown) -> list[Markup]:
    """Each scale's table rows, written once here rather than a template expression per cell
    (three months of daily check-ins are a hundred rows), escaped as the template would."""
    if shown is None:
        return []
    # A scale gives few distinct scores: each one's cells are written once.
    ends: dict[tuple[float, str], str] = {}

    def end(r) -> str:
        key = (r.score, r.band)
        if key not in ends:
            ends[key] = f"<td>{escape(score(r.score))}</td><td>{escape(r.band)}</td></tr>"
        return ends[key]

    return [
        Markup("".join(f"<tr><td>{r.when}</td>{end(r)}" for r in scale.results))
        for scale in shown.scales
    ]


def _entry_picks(form, ticked: set[int]) -> Markup:
    """The entries to tick, as the form's checkbox widget would write them, written here once:
    a period can list up to two hundred, and a widget template per entry cost the page most."""
    return Markup(
        "".join(
            f'<li><label for="id_entries_{i}"><input type="checkbox" name="entries"'
            f' value="{pk}" id="id_entries_{i}"{" checked" if pk in ticked else ""}>'
            f' <span dir="auto">{label}</span></label></li>'  # escaped once, when read
            for i, (pk, label) in enumerate(form.fields["entries"].offered.items())
        )
    )


def _ticked(form) -> set[int]:
    """The entries ticked in what was sent, as ids (anything else is simply not ticked)."""
    if not form.is_bound:
        return set()
    return {int(v) for v in form.data.getlist("entries") if v.isascii() and v.isdigit()}


def _report_form(request, data):
    """The form, offering the period's entries to tick only once "Journal entries" is ticked
    (the list can be long; without it the page reads no entries at all)."""
    offering = "journal" in (data.getlist("sections") if data is not None else DEFAULT_SECTIONS)
    if data is not None and not offering and "entries" in data:
        data = data.copy()  # entries ticked before "Journal entries" was unticked: let go
        data.pop("entries")
    form = ReportForm(data, today=timezone.localdate())
    listed, more = [], False
    if offering:
        start, end = form.period()
        listed, more = entries_to_choose(request.user, start, end)
    form.offer_entries(listed)
    return form, {"more_entries": more, "offering_entries": offering}


def _page(request, form, extra, shown=None, chosen=None):
    context = {"form": form, "report": shown, "chosen": chosen, **extra}
    context["entry_picks"] = _entry_picks(form, _ticked(form))
    context["results_rows"] = _results_rows(shown)
    status = 200 if shown is not None else 400
    return render(request, "insights/report.html", context, status=status)


@login_required
def report(request):
    """Choose the period and the parts; the report is shown below, ready to print."""
    form, extra = _report_form(request, request.GET or None)
    if not form.is_bound:
        start, end = form.period()
        shown = report_for(request.user, start, end, form.fields["sections"].initial)
        chosen = {"start": start, "end": end, "sections": shown.sections, "entries": []}
        return _page(request, form, extra, shown, chosen)
    if not form.is_valid():
        return _page(request, form, extra)
    chosen = form.cleaned_data
    shown = report_for(
        request.user, chosen["start"], chosen["end"], chosen["sections"], chosen["entries"]
    )
    return _page(request, form, extra, shown, chosen)


@login_required
@post_only("insights:report")
def report_pdf(request):
    """The chosen report as a PDF file to download."""
    form, extra = _report_form(request, request.POST)
    if not form.is_valid():
        return _page(request, form, extra)
    chosen = form.cleaned_data
    shown = report_for(
        request.user, chosen["start"], chosen["end"], chosen["sections"], chosen["entries"]
    )
    made_on = timezone.localdate()
    response = HttpResponse(render_pdf(shown, made_on), content_type="application/pdf")
    name = f"tending-report-{chosen['start']:%Y-%m-%d}-to-{chosen['end']:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
