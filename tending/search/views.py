"""Searching everything, and the names offered after an @ as a person types."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from tending.circle.models import Person
from tending.core.errors import post_only
from tending.core.ownership import owned
from tending.journal.kept_searches import keep_search, recall_asked
from tending.search.finding import MOST_PER_KIND, find_everywhere, hits_for
from tending.search.forms import EverythingForm, PeopleForm

PAGE_SIZE = 20
MOST_SUGGESTIONS = 8


def page_context(form, **given) -> dict:
    """Every name the page reads: before a search, only the form and whether one was lost."""
    context = {"form": form, "forgotten": False, "searched": False, "most": MOST_PER_KIND}
    return {**context, **given}


@login_required
@require_http_methods(["GET", "POST"])
def everything(request):
    """The words are posted and kept in the session (as the journal's search does), so the
    results page is `?s=KEY` and what was typed never appears in an address."""
    if request.method == "POST" or request.GET.get("q"):
        source = request.POST if request.method == "POST" else request.GET
        form = EverythingForm(source)
        if form.is_valid():
            words = form.cleaned_data["q"]
            if not words:
                return redirect("search:everything")
            key = keep_search(request.session, {"q": words})
            return redirect(f"{reverse('search:everything')}?s={key}")
        if request.method == "GET":  # too long to keep, and it must not stay in the address
            messages.error(request, " ".join(form.errors["q"]))
            return redirect("search:everything")
        return render(request, "search/everything.html", page_context(form))
    data, forgotten = recall_asked(request)
    form = EverythingForm(data)
    context = page_context(form, forgotten=forgotten)
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        found = find_everywhere(request.user, form.cleaned_data["q"])
        page = Paginator(found.matches, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            searched=True,
            found=found,
            page=page,
            hits=hits_for(request.user, list(page.object_list), found.terms),
            key=request.GET["s"],
        )
    return render(request, "search/everything.html", context)


@login_required
@post_only("search:everything")
def people(request):
    """The person's own people whose name (or a word of it) begins with what follows the @.

    Posted, not asked for in the address, so no half-typed name lands in a log.
    """
    form = PeopleForm(request.POST)
    typed = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if not typed:
        return JsonResponse({"people": []})
    found = (
        owned(Person, request.user)
        .filter(is_archived=False)
        .filter(Q(name__istartswith=typed) | Q(name__icontains=" " + typed))
        .order_by("name", "pk")
        .values_list("name", flat=True)[:MOST_SUGGESTIONS]
    )
    return JsonResponse({"people": [{"name": name} for name in found]})
