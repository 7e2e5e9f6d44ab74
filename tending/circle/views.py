"""Pages of the circle: the rings, a person's page, and adding, editing and removing people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.circle import circle_page, person_page
from tending.circle.forms import ClosenessForm, PersonForm
from tending.circle.models import ClosenessRating, Kind, Person
from tending.circle.queries import what_goes_with
from tending.circle.services import delete_person
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404


@login_required
def circle(request):
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        kind = ""
    show_archived = request.GET.get("archived") == "1"
    context = circle_page.page_of(request.user, timezone.localdate(), show_archived, kind)
    return render(request, "circle/circle.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    form = PersonForm(
        request.POST if request.method == "POST" else None,
        with_closeness=True,
        instance=Person(owner=request.user),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = form.save()
        messages.success(request, _("%(name)s is in your circle.") % {"name": person.name})
        if "another" in request.POST:
            return redirect("circle:person_add")
        return redirect("circle:person", person_id=person.pk)
    return render(request, "circle/person_form.html", {"form": form, "adding": True})


@login_required
def person_detail(request, person_id: int):
    context = person_page.page_of(request.user, person_id, timezone.localdate())
    return render(request, "circle/person_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    form = PersonForm(request.POST if request.method == "POST" else None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("circle:person", person_id=person.pk)
    return render(
        request, "circle/person_form.html", {"form": form, "person": person, "adding": False}
    )


@login_required
@post_only("circle:person", "person_id")
def person_archive(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    person.is_archived = True
    person.save(update_fields=["is_archived", "updated_at"])
    messages.success(
        request,
        _("%(name)s is archived: hidden from your circle, with nothing deleted.")
        % {"name": person.name},
    )
    return redirect("circle:person", person_id=person.pk)


@login_required
@post_only("circle:person", "person_id")
def person_restore(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    person.is_archived = False
    person.save(update_fields=["is_archived", "updated_at"])
    messages.success(request, _("%(name)s is back in your circle.") % {"name": person.name})
    return redirect("circle:person", person_id=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    goes_with = what_goes_with(person)
    if request.method == "POST":
        name = person.name
        delete_person(person)
        messages.success(
            request, _("%(name)s and what went with them are deleted.") % {"name": name}
        )
        return redirect("circle:circle")
    return render(request, "circle/person_delete.html", {"person": person, "goes_with": goes_with})


@login_required
@post_only("circle:person", "person_id")
def closeness_add(request, person_id: int):
    person = get_owned_or_404(Person, request.user, pk=person_id)
    form = ClosenessForm(request.POST, instance=ClosenessRating(owner=request.user, person=person))
    if form.is_valid():
        form.save()
        messages.success(request, _("Closeness noted."))
        return redirect("circle:person", person_id=person.pk)
    return render(
        request, "circle/closeness_form.html", {"person": person, "form": form}, status=400
    )


@login_required
@post_only("circle:circle")
def closeness_delete(request, rating_id: int):
    rating = get_owned_or_404(ClosenessRating, request.user, pk=rating_id)
    person_id = rating.person_id
    rating.delete()
    messages.success(request, _("That closeness rating is removed."))
    return redirect("circle:person", person_id=person_id)
