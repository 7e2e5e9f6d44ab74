"""Pages for moments: quick log, the full form, the list, one moment, edit and delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.circle.models import Person
from tending.core.ownership import is_row_id, one_or_404, owned
from tending.moments.forms import MomentFilterForm, MomentForm, QuickMomentForm
from tending.moments.listing import Narrowing, list_page
from tending.moments.models import Channel, Moment, Sharing
from tending.moments.queries import local_format, owned_moment_or_404, people_and_tags
from tending.moments.services import delete_moments, log_moment
from tending.pwa.sent_once import sent_once


@login_required
def moment_list(request):
    form = MomentFilterForm(request.GET or None, user=request.user)
    filters = {}
    if form.is_bound:
        form.is_valid()  # a bad field is shown with its message and left out of the filter
        filters = {k: v for k, v in form.cleaned_data.items() if v and k not in form.errors}
    page = list_page(Narrowing.of(request.user, **filters), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "filtered": bool(filters)}
    return render(request, "moments/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@sent_once  # a quick log kept offline and sent twice is saved once (tending/pwa/sent_once.py)
def quick(request):
    """Log a moment with just the people: a tap or two, details can come later."""
    initial = {}
    if request.method == "GET" and is_row_id(request.GET.get("person", "")):
        initial["people"] = [request.GET["person"]]
    form = QuickMomentForm(
        request.POST if request.method == "POST" else None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        moment = log_moment(request.user, form.cleaned_data["people"])
        names = ", ".join(p.name for p in form.cleaned_data["people"])
        messages.success(
            request,
            _("Logged a moment with %(names)s. Add how it went, if you like.") % {"names": names},
        )
        return redirect("moments:detail", moment_id=moment.pk)
    status = 400 if form.errors else 200
    return render(request, "moments/quick.html", {"form": form}, status=status)


PREFILL_NOTE_LONGEST = 200  # a line from another page ("A conversation ladder"), not a story


def prefill(query, user) -> dict:
    """What another page may fill in for a new moment through its link: the person, how much
    was shared (by both: tending's own links offer it after a two-way talk), how long, how,
    and a short note. A value that is not one the form offers is left out, without a word."""
    initial = {}
    if is_row_id(query.get("person", "")):
        person = owned(Person, user).filter(pk=query["person"]).first()
        if person is not None:
            initial["people"] = [person.pk]
    sharing = query.get("sharing", "").strip()
    if sharing in {str(value) for value in Sharing.values}:
        initial["self_disclosure"] = initial["other_disclosure"] = int(sharing)
    minutes = query.get("minutes", "").strip()
    if minutes.isascii() and minutes.isdigit() and len(minutes) <= 4 and 1 <= int(minutes) <= 1440:
        initial["duration_minutes"] = int(minutes)
    channel = query.get("channel", "")
    if channel in Channel.values:
        initial["channel"] = channel
    note = query.get("note", "").strip()
    if note and len(note) <= PREFILL_NOTE_LONGEST and note.isprintable():
        initial["note"] = note
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def add(request):
    initial = prefill(request.GET, request.user)
    form = MomentForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        instance=Moment(owner=request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            moment = form.save()
        messages.success(request, _("Moment saved."))
        if form.time_note:
            messages.info(request, form.time_note)
        return redirect("moments:detail", moment_id=moment.pk)
    return render(request, "moments/form.html", {"form": form, "adding": True, "moment": None})


def named_links(moment: Moment) -> dict:
    """A moment's people and tags as (id, name), names escaped as Django escapes them."""
    people, tags = people_and_tags([moment.pk])
    people, tags = people.get(moment.pk, []), tags.get(moment.pk, [])
    return {
        "people": [(pk, escape(name)) for pk, name in people],
        "tags": [(pk, escape(name)) for pk, name in tags],
    }


@login_required
def detail(request, moment_id: int):
    moment = owned_moment_or_404(request.user, moment_id)
    context = {
        "moment": moment,
        "when": local_format(moment.occurred_at, "l j F Y, H:i"),
        **named_links(moment),
    }
    return render(request, "moments/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, moment_id: int):
    moment = owned_moment_or_404(request.user, moment_id)
    form = MomentForm(
        request.POST if request.method == "POST" else None, user=request.user, instance=moment
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Saved."))
        if form.time_note:
            messages.info(request, form.time_note)
        return redirect("moments:detail", moment_id=moment.pk)
    return render(request, "moments/form.html", {"form": form, "adding": False, "moment": moment})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, moment_id: int):
    moment = one_or_404(owned(Moment, request.user).only("id", "occurred_at"), pk=moment_id)
    if request.method == "POST":
        delete_moments(owned(Moment, request.user).filter(pk=moment.pk))
        messages.success(request, _("That moment is deleted."))
        return redirect("moments:list")
    context = {
        "moment": moment,
        "when": local_format(moment.occurred_at, "j F Y, H:i"),
        "people": named_links(moment)["people"],
    }
    return render(request, "moments/delete.html", context)
