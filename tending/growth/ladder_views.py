"""Conversation ladders: the page to start one and look back, the session two people share at
one phone or on a call, stopping, and deleting a session."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core.errors import post_only
from tending.core.ownership import one_or_404, owned
from tending.growth import ladder_services as services
from tending.growth import ladders as prompts
from tending.growth.ladder_forms import LadderForm
from tending.growth.ladders import Place
from tending.growth.models import LadderSession


def _ladders_page(request, data=None) -> tuple[LadderForm, dict]:
    """The start form (on `data` when posted) and what the ladders page shows with it."""
    found = services.ladders_page(request.user)
    form = LadderForm(data, user=request.user, people=found.pop("people"))
    return form, {"form": form, **found}


@login_required
def ladders(request):
    _form, context = _ladders_page(request)
    return render(request, "growth/ladders.html", context)


@login_required
@post_only("growth:ladders")
def ladder_start(request):
    form, context = _ladders_page(request, request.POST)
    if not form.is_valid():
        return render(request, "growth/ladders.html", context, status=400)
    session = services.start(request.user, **form.cleaned_data)
    return redirect("growth:ladder", ladder_id=session.pk)


def _owned_session(request, ladder_id: int) -> LadderSession:
    return one_or_404(owned(LadderSession, request.user).select_related("person"), pk=ladder_id)


def _place_sent(data) -> Place | None:
    try:
        return Place(int(data.get("set_index", "")), int(data.get("prompt_index", "")))
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def ladder(request, ladder_id: int):
    if request.method == "POST":
        session = _owned_session(request, ladder_id)
        seen = _place_sent(request.POST)
        # A second press, or a tab left open on an older prompt, moves nothing: the page
        # comes back showing where the pair really are.
        if seen is not None:
            services.advance(session, request.POST.get("action", ""), seen)
        return redirect("growth:ladder", ladder_id=session.pk)
    session = services.session_row(request.user, ladder_id)  # only shown: as plain values
    sets = prompts.ladder(get_language())  # where the pair is, in the page's words
    finished = services.is_finished(session, sets)
    context = {
        "session": session,
        "person": session.person,
        "finished": finished,
        "stopped": not finished and request.GET.get("stopped") == "1",
        "turn": None if finished else services.turn_of(session, sets),
        "where": None if finished else services.where(session, sets),
        "how_far": services.how_far(session, sets),
        "moment_link": services.moment_link(session, sets, timezone.now()),
    }
    return render(request, "growth/ladder.html", context)


@login_required
@post_only("growth:ladder", "ladder_id")
def ladder_stop(request, ladder_id: int):
    session = _owned_session(request, ladder_id)
    services.touch(session)
    return redirect(reverse("growth:ladder", args=[session.pk]) + "?stopped=1")


@login_required
@require_http_methods(["GET", "POST"])
def ladder_delete(request, ladder_id: int):
    session = services.session_row(request.user, ladder_id)
    if request.method == "POST":
        owned(LadderSession, request.user).filter(pk=session.pk).delete()
        messages.success(request, _("That ladder session is deleted."))
        return redirect("growth:ladders")
    return render(request, "growth/ladder_delete.html", {"session": session})
