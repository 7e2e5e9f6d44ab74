"""Hiding a prompt for good, and bringing hidden prompts back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tending.core.ownership import owned
from tending.journal.models import HiddenPrompt
from tending.journal.prompts import get_prompt


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def hide(request):
    prompt = get_prompt(request.POST.get("prompt_id", ""))
    if prompt is None:
        return HttpResponseBadRequest("There is no such prompt.")
    HiddenPrompt.objects.get_or_create(owner=request.user, prompt_id=prompt.id)
    messages.success(request, "That prompt will not come up again.")
    return _back(request, "today:today")


@login_required
def hidden(request):
    rows = owned(HiddenPrompt, request.user).order_by("-created_at")
    prompts = [(row, get_prompt(row.prompt_id)) for row in rows]
    return render(request, "journal/hidden_prompts.html", {"prompts": [p for p in prompts if p[1]]})


@login_required
@require_POST
def unhide(request):
    owned(HiddenPrompt, request.user).filter(prompt_id=request.POST.get("prompt_id", "")).delete()
    messages.success(request, "That prompt can come up again.")
    return redirect("journal:hidden_prompts")
