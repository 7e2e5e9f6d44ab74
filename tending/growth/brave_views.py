"""The brave steps pages: the steps easiest first with the one offered today, writing and
changing a step, what happened after one, setting one aside, starter ideas, deleting."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404
from tending.growth import brave_services
from tending.growth.brave import in_range, starter_steps
from tending.growth.brave_forms import OutcomeForm, StepForm, step_initial
from tending.growth.models import BraveStep

OUTCOME_FIELDS = ("done_on", "what_happened", "felt", "fear_came_true", "belief_after", "learned")


@login_required
def brave(request):
    page = brave_services.brave_page(request.user, timezone.localdate())
    return render(request, "growth/brave.html", {"page": page})


def _prefill(query) -> dict:
    """What the starters page hands over: ?text=...&hardness=..., kept only when sensible."""
    initial = {}
    text = query.get("text", "").strip()
    if text:
        initial["text"] = text[:200]
    hardness = query.get("hardness", "").strip()
    if _small_number(hardness) and in_range(int(hardness)):
        initial["hardness"] = int(hardness)
    return initial


def _small_number(text: str) -> bool:
    # "²".isdigit() is true and int() refuses it; so would it a number of 5,000 digits.
    return text.isascii() and text.isdigit() and len(text) <= 3


@login_required
@require_http_methods(["GET", "POST"])
def brave_new(request):
    if request.method == "POST":
        form = StepForm(request.POST, user=request.user)
        if form.is_valid():
            brave_services.write_step(request.user, today=timezone.localdate(), **form.cleaned_data)
            messages.success(request, _("Your step is written. Take it only when you choose."))
            return redirect("growth:brave")
        status = 400
    else:
        form = StepForm(user=request.user, initial=_prefill(request.GET))
        status = 200
    return render(request, "growth/brave_form.html", {"form": form, "step": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def brave_starters(request):
    if request.method == "POST":
        barrier = request.POST.get("barrier", "")
        index = request.POST.get("step", "")
        starter = None
        if _small_number(index):
            starter = brave_services.starter_step(barrier, int(index), get_language())
        if starter is not None:
            brave_services.write_step(
                request.user,
                today=timezone.localdate(),
                text=starter.text,
                hardness=starter.hardness,
            )
            messages.success(
                request,
                _(
                    "Added to your steps: “%(step)s”. Change how hard it feels, or add what you "
                    "fear, whenever you like."
                )
                % {"step": starter.text},
            )
            return redirect("growth:brave")
        messages.error(request, _("That idea was not found. Please choose one from the list."))
        status = 400
    else:
        status = 200
    written = brave_services.texts_written(request.user)
    context = {
        "barriers": starter_steps(get_language()),
        "taken": brave_services.starters_taken(written),
    }
    return render(request, "growth/brave_starters.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def brave_step(request, step_id: int):
    if not request.POST:  # showing the form: the step and the people read in one go
        step, people = brave_services.step_and_people(request.user, step_id)
        form = StepForm(user=request.user, people=people, initial=step_initial(step))
        return render(request, "growth/brave_form.html", {"form": form, "step": step})
    step = get_owned_or_404(BraveStep, request.user, pk=step_id)
    form = StepForm(request.POST, user=request.user, keep_step=step.pk, initial=step_initial(step))
    if form.is_valid():
        brave_services.change_step(step, **form.cleaned_data)
        messages.success(request, _("Your step is saved."))
        return redirect("growth:brave")
    return render(request, "growth/brave_form.html", {"form": form, "step": step}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def brave_outcome(request, step_id: int):
    if request.POST:
        step = get_owned_or_404(BraveStep, request.user, pk=step_id)
    else:  # only shown: the step as plain values
        step = brave_services.step_row(request.user, step_id)
    today = timezone.localdate()
    if step.done_on is None:
        initial = {"done_on": today}
    else:
        initial = {name: getattr(step, name) for name in OUTCOME_FIELDS}
        came_true = initial["fear_came_true"]
        initial["fear_came_true"] = "" if came_true is None else ("yes" if came_true else "no")
    feared = bool(step.fear.strip())
    form = OutcomeForm(request.POST or None, today=today, initial=initial, feared=feared)
    if form.is_valid():
        said = brave_services.record_outcome(step, **form.cleaned_data)
        messages.success(request, said)
        return redirect("growth:brave")
    status = 400 if form.is_bound else 200
    return render(request, "growth/brave_outcome.html", {"form": form, "step": step}, status=status)


@login_required
@post_only("growth:brave")
def brave_aside(request, step_id: int):
    step = get_owned_or_404(BraveStep, request.user, pk=step_id)
    if step.done_on is not None:
        messages.info(request, brave_services.ALREADY_DONE)
    elif brave_services.toggle_aside(step):
        messages.success(request, _("Set aside. It's here if you want it later."))
    else:
        messages.success(request, _("Back in your steps."))
    return redirect("growth:brave")


@login_required
@require_http_methods(["GET", "POST"])
def brave_delete(request, step_id: int):
    if request.method != "POST":
        step = brave_services.step_row(request.user, step_id)
        return render(request, "growth/brave_delete.html", {"step": step})
    step = get_owned_or_404(BraveStep, request.user, pk=step_id)
    with transaction.atomic():
        step.delete()
    messages.success(request, _("The step is deleted."))
    return redirect("growth:brave")
