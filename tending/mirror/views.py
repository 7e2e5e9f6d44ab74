"""The person's pages of the Mirror: their rounds, opening one, a round's result, inviting
people (a link shown once, an answer sheet, or their own device), and pasting answer codes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core.date_format import format_date
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.mirror import queries, services
from tending.mirror.codes import CodeProblem
from tending.mirror.forms import CodeForm, InvitationForm, RoundForm, code_problem
from tending.mirror.models import Invitation, Round
from tending.mirror.sheet import answer_sheet


@login_required
def rounds(request):
    rows = queries.round_rows(request.user)
    context = {"rows": rows, "open_area": queries.open_area_change(rows)}
    return render(request, "mirror/rounds.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request):
    if request.method == "POST":
        form = RoundForm(request.POST)
        if form.is_valid():
            feedback = services.open_round(request.user, **form.cleaned_data)
            messages.success(
                request, _("Your round is open. Now invite the people you'd like to ask.")
            )
            return redirect("mirror:invite", round_id=feedback.pk)
        status = 400
    else:
        form = RoundForm(initial={"display_name": _first_name(request.user)})
        status = 200
    return render(request, "mirror/round_new.html", {"form": form}, status=status)


def _first_name(user) -> str:
    return (user.first_name or "").strip()[:60]


@login_required
def round_detail(request, round_id: int):
    page = queries.round_page_for(request.user, round_id)
    if page is None:
        raise Http404("No round here.")
    # Each link's actions are under the round's address (mirror/urls.py): built from it
    # rather than reversed three times a link.
    links = reverse("mirror:round", args=[round_id]) + "links/"
    return render(request, "mirror/round.html", {"page": page, "links": links})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, round_id: int):
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    if feedback.closed_at is not None:
        messages.error(request, _("This round is closed. Open it again to invite more people."))
        return redirect("mirror:round", round_id=feedback.pk)
    form = InvitationForm(request.POST or None, user=request.user)
    if not form.is_valid():
        context = {"round": feedback, "form": form, "hosted": settings.HOSTED}
        status = 400 if form.is_bound else 200
        return render(request, "mirror/invite.html", context, status=status)
    made = services.invite(feedback, **form.cleaned_data)
    link = request.build_absolute_uri(reverse("mirror:respond", args=[made.token]))
    context = {
        "round": feedback,
        "invitation": made.invitation,
        "link": link,
        "hosted": settings.HOSTED,
    }
    response = render(request, "mirror/invited.html", context)
    response["Cache-Control"] = "no-store"  # the link is shown this once
    return response


def _owned_invitation(request, round_id: int, invitation_id: int) -> Invitation:
    return one_or_404(
        owned(Invitation, request.user).select_related("round"),
        pk=invitation_id,
        round_id=round_id,
    )


@login_required
def sheet(request, round_id: int, invitation_id: int):
    """The answer sheet of one invitation: a file to send, which makes answer codes."""
    invitation = _owned_invitation(request, round_id, invitation_id)
    feedback = invitation.round
    if not services.is_open(invitation, timezone.now()):
        messages.error(request, _("That invitation no longer takes answers, so it has no sheet."))
        return redirect("mirror:round", round_id=feedback.pk)
    html = answer_sheet(
        name=feedback.display_name,
        message=feedback.message,
        anonymous=feedback.anonymous,
        label=invitation.label,
        round_id=feedback.pk,
        invitation_id=invitation.pk,
        secret=bytes.fromhex(invitation.code_secret),
        until=format_date(timezone.localtime(invitation.expires_at), "j F Y"),
        language=get_language(),
        translate=_,
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="answer-sheet.html"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@post_only("mirror:round", "round_id")
def withdraw(request, round_id: int, invitation_id: int):
    invitation = _owned_invitation(request, round_id, invitation_id)
    services.withdraw(invitation)
    messages.success(
        request, _("The link for %(label)s no longer works.") % {"label": invitation.label}
    )
    return redirect("mirror:round", round_id=round_id)


@login_required
@require_http_methods(["GET", "POST"])
def add_code(request, round_id: int):
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    if feedback.closed_at is not None:
        messages.error(request, _("This round is closed. Open it again to add answers."))
        return redirect("mirror:round", round_id=feedback.pk)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            services.answer_by_code(feedback, form.cleaned_data["code"])
        except CodeProblem as problem:
            form.add_error("code", code_problem(problem))
        else:
            messages.success(request, _("Thank you: the answer is added."))
            return redirect(reverse("mirror:round", args=[feedback.pk]) + "#result")
    status = 400 if form.is_bound else 200
    return render(request, "mirror/code.html", {"round": feedback, "form": form}, status=status)


@login_required
@post_only("mirror:round", "round_id")
def close(request, round_id: int):
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    services.close(feedback)
    messages.success(request, _("The round is closed: its links take no more answers."))
    return redirect("mirror:round", round_id=feedback.pk)


@login_required
@post_only("mirror:round", "round_id")
def reopen(request, round_id: int):
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    services.reopen(feedback)
    messages.success(request, _("The round is open again, for the links that have not expired."))
    return redirect("mirror:round", round_id=feedback.pk)


@login_required
@require_http_methods(["GET", "POST"])
def round_delete(request, round_id: int):
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    if request.method == "POST":
        with transaction.atomic():
            feedback.delete()
        messages.success(request, _("The round and its answers are deleted."))
        return redirect("mirror:rounds")
    answers = feedback.answers.count()
    return render(request, "mirror/round_delete.html", {"round": feedback, "answers": answers})
