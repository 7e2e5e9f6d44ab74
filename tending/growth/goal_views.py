"""The goal pages: the list, setting and changing a goal, one goal with its steps, and
checking steps off. A step's address names its goal; a step of another goal is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.growth import goal_queries, goal_services, queries
from tending.growth import goals as goal_rules
from tending.growth.goal_forms import GoalForm, StepEditForm, StepForm
from tending.growth.goal_queries import GoalChoices
from tending.growth.models import Goal, GoalStep


@login_required
def goals(request):
    found = queries.all_goals(request.user)
    groups = goal_services.grouped(found)
    context = {
        "groups": groups,
        "progress": {goal.key: goal_rules.progress_words(goal) for goal in found},
        "next_steps": {goal.key: goal_services.next_step(goal) for goal in found},
        "areas": goal_rules.AREAS,
        "statuses": goal_rules.STATUSES,
        "today": timezone.localdate(),
    }
    return render(request, "growth/goals.html", context)


def _goal_form_page(request, goal: Goal | None, choices: GoalChoices | None = None):
    instance = goal if goal is not None else Goal(owner=request.user)
    form = GoalForm(request.POST or None, instance=instance, user=request.user, choices=choices)
    if request.method == "POST" and form.is_valid():
        saved = goal_services.save_goal(form, request.user)
        words = _("Saved.") if goal is not None else _("Your goal is set. Small steps count.")
        messages.success(request, words)
        return redirect("growth:goal", goal_id=saved.pk)
    status = 400 if form.is_bound else 200
    return render(request, "growth/goal_form.html", {"form": form, "goal": goal}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def goal_new(request):
    return _goal_form_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, goal_id: int):
    found = goal_queries.goal_with_choices(request.user, goal_id)
    if found is None:
        raise Http404("No goal here.")
    return _goal_form_page(request, *found)


def _goal_page(request, goal_id: int, step_form: StepForm | None = None, status: int = 200):
    page = goal_queries.goal_page_for(request.user, goal_id, timezone.localdate())
    if page is None:
        raise Http404("No goal here.")
    context = {
        "page": page,
        "goal": page.goal,
        "step_form": step_form or StepForm(),
        "areas": goal_rules.AREAS,
        "statuses": goal_rules.STATUSES,
    }
    return render(request, "growth/goal.html", context, status=status)


@login_required
def goal(request, goal_id: int):
    return _goal_page(request, goal_id)


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request, goal_id: int):
    found = get_owned_or_404(Goal, request.user, pk=goal_id)
    if request.method == "POST":
        with transaction.atomic():
            found.delete()
        messages.success(request, _("The goal and its steps are deleted."))
        return redirect("growth:goals")
    steps = owned(GoalStep, request.user).filter(goal=found).count()
    return render(request, "growth/goal_delete.html", {"goal": found, "steps": steps})


@login_required
@post_only("growth:goal", "goal_id")
def goal_step_add(request, goal_id: int):
    found = get_owned_or_404(Goal, request.user, pk=goal_id)
    form = StepForm(request.POST)
    if not form.is_valid():
        return _goal_page(request, found.pk, step_form=form, status=400)
    goal_services.add_step(found, form.cleaned_data["text"], form.cleaned_data["due"])
    messages.success(request, _("Step added."))
    return redirect("growth:goal", goal_id=found.pk)


def _owned_step(request, goal_id: int, goal_step_id: int) -> GoalStep:
    return one_or_404(
        owned(GoalStep, request.user).select_related("goal"), pk=goal_step_id, goal_id=goal_id
    )


@login_required
@post_only("growth:goal", "goal_id")
def goal_step_done(request, goal_id: int, goal_step_id: int):
    step = _owned_step(request, goal_id, goal_step_id)
    done = goal_services.toggle_step(step, timezone.localdate())
    messages.success(
        request, _("Checked off. Well done.") if done else _("The tick is taken away.")
    )
    return redirect(reverse("growth:goal", args=[goal_id]) + f"#step-{step.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def goal_step_edit(request, goal_id: int, goal_step_id: int):
    step = _owned_step(request, goal_id, goal_step_id)
    if request.method == "POST":
        form = StepEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            goal_services.edit_step(
                step, data["text"], data["due"], data["done"], timezone.localdate()
            )
            messages.success(request, _("Saved."))
            return redirect("growth:goal", goal_id=goal_id)
        status = 400
    else:
        initial = {"text": step.text, "due": step.due, "done": step.done_on is not None}
        form = StepEditForm(initial=initial)
        status = 200
    context = {"form": form, "step": step, "goal": step.goal}
    return render(request, "growth/goal_step_edit.html", context, status=status)


@login_required
@post_only("growth:goal", "goal_id")
def goal_step_delete(request, goal_id: int, goal_step_id: int):
    step = _owned_step(request, goal_id, goal_step_id)
    step.delete()
    messages.success(request, _("The step is removed."))
    return redirect("growth:goal", goal_id=goal_id)
