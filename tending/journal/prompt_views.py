"""Hiding a prompt for good, and bringing hidden prompts back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tending.core.errors import post_only, render_error
from tending.core.ownership import owned
from tending.core.redirects import back_to
from tending.journal.models import HiddenPrompt
from tending.journal.prompts import get_prompt


def _back(request, fallback: str):
    return back_to(request, request.POST.get("next", ""), fallback)


@login_required
@post_only("today:today")
def hide(request):
    prompt = get_prompt(request.POST.get("prompt_id", ""))
    if prompt is None:
        return render_error(
            request, 400, problem=_("There is no such prompt. Nothing was changed.")
        )
    HiddenPrompt.objects.get_or_create(owner=request.user, prompt_id=prompt.id)
    messages.success(request, _("That prompt will not come up again."))
    return _back(request, "today:today")


@login_required
def hidden(request):
    hidden_rows = owned(HiddenPrompt, request.user).order_by("-created_at")
    ids = hidden_rows.values_list("prompt_id", flat=True)
    prompts = [prompt for prompt in map(get_prompt, ids) if prompt is not None]
    return render(request, "journal/hidden_prompts.html", {"prompts": prompts})


@login_required
@post_only("journal:hidden_prompts")
def unhide(request):
    prompt = get_prompt(request.POST.get("prompt_id", ""))
    if prompt is None:  # only known ids reach the query: no NUL bytes or 10,000 characters
        return render_error(
            request, 400, problem=_("There is no such prompt. Nothing was changed.")
        )
    owned(HiddenPrompt, request.user).filter(prompt_id=prompt.id).delete()
    messages.success(request, _("That prompt can come up again."))
    return redirect("journal:hidden_prompts")
