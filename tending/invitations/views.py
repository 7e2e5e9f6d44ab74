"""The administrators' invitations page, and the page an invitation link opens."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core import account_questions
from tending.core.errors import post_only
from tending.core.languages import account_language
from tending.core.rate import allow
from tending.core.throttle import client_address
from tending.invitations import services
from tending.invitations.admins import administrator_or_404
from tending.invitations.forms import AcceptForm, InvitationForm

HOUR = timedelta(hours=1)
# Requests to invitation links from one address in an hour. Generous: a group may sit in one
# room behind one address, each person opening their link and perhaps trying a name twice.
PER_ADDRESS = 60
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def absolute_url(request, path: str) -> str:
    """`path` as a whole address: under TENDING_BASE_URL when set, else this page's own."""
    return settings.BASE_URL + path if settings.BASE_URL else request.build_absolute_uri(path)


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def manage(request):
    administrator_or_404(request.user)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        made = services.make_invitation(request.user, **form.cleaned_data)
        link = absolute_url(request, reverse("invitations:accept", args=[made.token]))
        context = {"invitation": made.invitation, "link": link}
        return _private(render(request, "invitations/made.html", context))
    context = {
        "form": form,
        "rows": services.listed(),
        "now": timezone.now(),
        "hosted": settings.HOSTED,
    }
    return render(request, "invitations/manage.html", context, status=400 if form.is_bound else 200)


@login_required
@post_only("invitations:manage")
def withdraw(request, invite_id: int):
    administrator_or_404(request.user)
    if services.withdraw(invite_id):
        messages.success(request, _("Withdrawn. That link no longer works."))
    else:
        messages.error(request, _("That invitation was already used or withdrawn."))
    return redirect("invitations:manage")


def link_gone(request):
    """Unknown, used, withdrawn or run out: one page for all, so it tells nothing more."""
    return _private(render(request, "invitations/link_gone.html", status=404))


@require_http_methods(["GET", "POST"])
def accept(request, invite_link: str):
    if not allow("invitation-address", client_address(request), PER_ADDRESS, HOUR):
        return _private(render(request, "invitations/slow_down.html", status=429))
    invitation = services.find_open(invite_link)
    if invitation is None:
        return link_gone(request)
    data = request.POST if request.method == "POST" else None
    form = AcceptForm(data)
    # What other parts ask as an account is made (the country for crisis lines), as on the
    # welcome page; every form is checked, so each shows its own notes at once.
    extras = account_questions.questions(data, request)
    if data is not None and all([form.is_valid()] + [e.is_valid() for e in extras]):
        try:
            user = services.accept(invitation, form.save, extras)
        except services.InvitationGone:
            return link_gone(request)
        except IntegrityError:  # the same name, taken a moment ago by someone else
            form.add_error("username", _("That name was just taken. Please choose another."))
        else:
            login(request, user, backend=MODEL_BACKEND)
            with translation.override(account_language(user, translation.get_language())):
                messages.success(request, _("Welcome to tending. Your account is ready."))
            return redirect("today:today")
    context = {"form": form, "extras": extras, "invitation": invitation}
    status = 400 if data is not None else 200
    return _private(render(request, "invitations/accept.html", context, status=status))
