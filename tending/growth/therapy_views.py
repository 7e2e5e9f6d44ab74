"""The therapy companion's pages: the list for next time and the sessions, one session (what
was talked about, its homework), the printable summary, and "Bring this up in therapy".
Nothing here is sent anywhere."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, is_row_id, owned
from tending.core.redirects import back_to
from tending.growth import therapy_queries, therapy_services, therapy_summary
from tending.growth.models import BringUp, GoalStep, TherapySession
from tending.growth.therapy_forms import BringUpForm, HomeworkForm, SessionForm


@login_required
def therapy(request):
    waiting, sessions = therapy_queries.therapy_page(request.user)
    return render(request, "growth/therapy.html", {"waiting": waiting, "sessions": sessions})


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request):
    form = SessionForm(request.POST or None)
    if form.is_valid():
        made = form.save(commit=False)
        made.owner = request.user
        made.save()
        messages.success(request, _("Session saved. Tick what you talked about, if you like."))
        return redirect("growth:session", session_id=made.pk)
    status = 400 if form.is_bound else 200
    return render(request, "growth/session_new.html", {"form": form}, status=status)


def _session_page(request, page: therapy_queries.SessionPage, status: int = 200, **forms):
    context = {
        "session": page.session,
        "form": forms.get("form") or SessionForm(instance=page.session),
        "homework_form": forms.get("homework_form")
        or HomeworkForm(user=request.user, goals=page.goals),
        "offered": page.offered,
        "homework": page.homework,
    }
    return render(request, "growth/session.html", context, status=status)


def _session_page_again(request, found: TherapySession, **forms):
    """The session's page after a form came back with something to fix, showing the session as the
    form left it, as before."""
    page = therapy_queries.session_page(request.user, found.pk)
    return _session_page(request, replace(page, session=found), status=400, **forms)


@login_required
@require_http_methods(["GET", "POST"])
def session(request, session_id: int):
    user = request.user
    if request.method == "GET":
        page = therapy_queries.session_page(user, session_id)
        if page is None:
            raise Http404("No therapy session here.")
        return _session_page(request, page)
    found = get_owned_or_404(TherapySession, user, pk=session_id)
    part = request.POST.get("part")
    if part == "raised":
        offered = therapy_queries.offered_ids(user, found.pk)
        # Only ids offered on the page count: another account's, or one talked about in
        # another session, is left as it is (services.set_raised).
        chosen = [int(v) for v in request.POST.getlist("raised") if is_row_id(v)]
        count = therapy_services.set_raised(user, found, offered, chosen)
        messages.success(
            request,
            ngettext(
                "Noted: %(count)d thing talked about in this session.",
                "Noted: %(count)d things talked about in this session.",
                count,
            )
            % {"count": count}
            if count
            else _("Noted: nothing from your list was talked about in this session."),
        )
        return redirect("growth:session", session_id=found.pk)
    if part == "homework":
        homework_form = HomeworkForm(request.POST, user=user)
        if not homework_form.is_valid():
            return _session_page_again(request, found, homework_form=homework_form)
        data = homework_form.cleaned_data
        step = therapy_services.add_homework(user, found, data["goal"], data["text"], data["due"])
        messages.success(request, _("Homework added to “%(goal)s”.") % {"goal": step.goal.title})
        return redirect("growth:session", session_id=found.pk)
    form = SessionForm(request.POST, instance=found)
    if not form.is_valid():
        return _session_page_again(request, found, form=form)
    form.save()
    messages.success(request, _("Saved."))
    return redirect("growth:session", session_id=found.pk)


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request, session_id: int):
    found = get_owned_or_404(TherapySession, request.user, pk=session_id)
    if request.method == "POST":
        therapy_services.delete_session(request.user, found)
        messages.success(request, _("The session is deleted."))
        return redirect("growth:therapy")
    context = {
        "session": found,
        "raised": owned(BringUp, request.user).filter(raised_in=found).count(),
        "homework": owned(GoalStep, request.user).filter(session=found).count(),
    }
    return render(request, "growth/session_delete.html", context)


@login_required
def summary(request):
    found = therapy_summary.summary(request.user, timezone.localdate())
    return render(request, "growth/summary.html", {"summary": found})


@login_required
@post_only("growth:therapy")
def bring_up(request):
    sent = request.POST.copy()
    sent["note"] = sent.get("note", "").replace("\x00", "")  # NUL: dropped, not refused
    form = BringUpForm(sent)
    if not form.is_valid():  # only a hand-made request: the page sends a kind and a row
        return HttpResponseBadRequest()
    data = form.cleaned_data
    _flag, made = therapy_services.bring_up(request.user, data["kind"], data["id"], data["note"])
    if made:
        messages.success(request, _("Added to the list for your next session."))
    else:
        messages.info(request, _("Already on your list for next time."))
    return back_to(request, data["next"], "growth:therapy")


@login_required
@post_only("growth:therapy")
def bring_up_remove(request, bring_up_id: int):
    found = get_owned_or_404(BringUp, request.user, pk=bring_up_id)
    found.delete()
    messages.success(request, _("Taken off the list. The thing itself is still where it was."))
    return back_to(request, request.POST.get("next"), "growth:therapy")
