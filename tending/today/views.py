"""The Today page: a one-minute routine, and "not now" for a suggested person."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from tending.circle.models import Person
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404
from tending.today.overview import prompt_turn, today_for
from tending.today.services import set_aside


@login_required
def today(request):
    turn = prompt_turn(request.GET.get("another", "0"))
    context = today_for(request.user, timezone.localdate(), turn)
    return render(request, "today/today.html", context)


@login_required
@post_only("today:today")
def not_now(request, person_id: int):
    """Set a suggested person aside for a few days; nothing else changes."""
    person = get_owned_or_404(Person, request.user, pk=person_id)
    set_aside(request.user, person, timezone.localdate())
    messages.success(
        request,
        gettext("%(name)s can wait. They will come up again in a few days.")
        % {"name": person.name},
    )
    return redirect("today:today")
