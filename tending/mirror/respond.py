"""Where a respondent answers: through a private link (the one page of tending a stranger
can write to), or on the person's own device, handed over for a moment.

Through a link, every way a link can fail (unknown, expired, used up, withdrawn, its round
closed) gets the same 404 after the same work, so a page tells nothing about which links
exist. Requests are counted per address and per link. The link is a path segment long
enough for tending.core.logs to keep it out of every log.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core.errors import post_only
from tending.core.ownership import one_or_404, owned
from tending.core.rate import allow, allow_all
from tending.core.throttle import client_address
from tending.core.tokens import token_hash
from tending.mirror import services
from tending.mirror.codes import CodeProblem
from tending.mirror.forms import AnswerForm
from tending.mirror.models import Invitation

HOUR = timedelta(hours=1)
PER_ADDRESS = 120  # requests to any answer link from one address in an hour
PER_LINK = 100  # requests to one link in an hour (a link for a group may be answered by 50)
LEAVE_TRIES, LEAVE_WAIT = 10, timedelta(minutes=15)  # password tries to leave the device screen
DEVICE = "mirror_device"  # the session key naming the invitation a handed-over device answers
ANSWERED = "mirror_device_answered"  # set as an answer is kept there, for the thanks


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


def link_gone(request):
    return _private(render(request, "mirror/link_gone.html", {"device": False}, status=404))


def _answer_page(request, invitation: Invitation, *, device: bool):
    """The form; once it is sent, on to the thanks (a reload there sends nothing again)."""
    feedback = invitation.round
    form = AnswerForm(request.POST or None, name=feedback.display_name)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_by_link(invitation, **form.cleaned_data)
        except CodeProblem:
            # Used up or withdrawn between opening the page and sending it.
            return None
        if device:
            request.session[ANSWERED] = True
            return redirect("mirror:device")
        return redirect("mirror:thanks")
    context = {"round": feedback, "invitation": invitation, "form": form, "device": device}
    status = 400 if form.is_bound else 200
    return _private(render(request, "mirror/respond.html", context, status=status))


def thanks(request):
    """Where an answer sent through a link leads: nothing of the person who asked."""
    return _private(render(request, "mirror/thanks.html", {"device": False, "more": False}))


@require_http_methods(["GET", "HEAD", "POST"])
def respond(request, link: str):
    counted = [
        ("mirror-address", client_address(request), PER_ADDRESS),
        ("mirror-link", token_hash(link), PER_LINK),
    ]
    if not allow_all(counted, HOUR):
        return _private(render(request, "mirror/slow_down.html", {"device": False}, status=429))
    invitation = services.invitation_for_link(link)
    if invitation is None:
        return link_gone(request)
    return _answer_page(request, invitation, device=False) or link_gone(request)


# --- the person's own device, handed to someone -------------------------------------------


@login_required
@post_only("mirror:round", "round_id")
def device_start(request, round_id: int, invitation_id: int):
    invitation = one_or_404(
        owned(Invitation, request.user).select_related("round"),
        pk=invitation_id,
        round_id=round_id,
    )
    if not services.is_open(invitation, timezone.now()):
        messages.error(request, _("That invitation no longer takes answers."))
        return redirect("mirror:round", round_id=round_id)
    request.session[DEVICE] = invitation.pk
    return redirect("mirror:device")


def _device_invitation(request) -> Invitation | None:
    invitation_id = request.session.get(DEVICE)
    found = (
        Invitation.objects.select_related("round", "owner")
        .filter(owner=request.user, pk=invitation_id)
        .first()
    )
    return found if found is not None and services.is_open(found, timezone.now()) else None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def device(request):
    """The respondent's screen on the person's device: only the form, and a way back that
    needs the person's password."""
    if DEVICE not in request.session:
        return redirect("mirror:rounds")
    invitation = _device_invitation(request)
    if request.session.pop(ANSWERED, False) and request.method != "POST":
        context = {"device": True, "more": invitation is not None}
        if invitation is not None:
            context["round"] = invitation.round
        return _private(render(request, "mirror/thanks.html", context))
    if invitation is not None:
        page = _answer_page(request, invitation, device=True)
        if page is not None:
            return page
    return _private(render(request, "mirror/thanks.html", {"device": True, "more": False}))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def device_leave(request):
    """Back to tending, with the person's password (so the one answering cannot wander)."""
    if DEVICE not in request.session:
        return redirect("mirror:rounds")
    problem = ""
    if request.method == "POST":
        if not allow("mirror-leave", str(request.user.pk), LEAVE_TRIES, LEAVE_WAIT):
            problem = _(
                "Too many tries. Please wait a quarter of an hour, or hand the device back."
            )
        elif request.user.check_password(request.POST.get("password", "")):
            # A password hash renewed by the check would otherwise end this very session.
            update_session_auth_hash(request, request.user)
            invitation_id = request.session.pop(DEVICE)
            found = Invitation.objects.filter(owner=request.user, pk=invitation_id).first()
            messages.success(request, _("Welcome back."))
            if found is not None:
                return redirect("mirror:round", round_id=found.round_id)
            return redirect("mirror:rounds")
        else:
            problem = _("That is not the password. Please hand the device back to its owner.")
    status = 400 if problem else 200
    return _private(
        render(
            request, "mirror/device_leave.html", {"problem": problem, "device": True}, status=status
        )
    )
