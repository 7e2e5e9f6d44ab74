"""Need help now (open to everyone), the safety plan, its printout, and one's crisis numbers."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_safe,
)

from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, owned
from tending.core.sections import parts_to_open
from tending.safety import services
from tending.safety.crisis_lines import shown_table
from tending.safety.forms import EntryForm, HelperForm, OwnLineForm, RegionForm
from tending.safety.models import OwnCrisisLine, Part, PlanEntry, PlanHelper
from tending.safety.queries import (
    HELPERS,
    country_of,
    crisis_help_for,
    own_lines_for,
    plan_for,
)


@require_safe
def crisis(request):
    """Crisis lines first, then (only for the person themselves) their plan.

    ?country=DE shows that country's lines (the chooser; ?region= is the older name), and
    ?tz=Europe/Berlin is the browser's time zone, sent by country.js when nothing else says
    where someone not logged in is.
    """
    region = request.GET.get("country") or request.GET.get("region", "")
    time_zone = request.GET.get("tz")
    return render(request, "safety/crisis.html", {"region": region, "time_zone": time_zone})


# --- the plan ----------------------------------------------------------------------------


def _plan_url(anchor: str = "") -> str:
    """The plan, with this part open and in view."""
    return reverse("safety:plan") + (f"?part={anchor}#part-{anchor}" if anchor else "")


def _moved_url(kind: str, row) -> str:
    """Back to the row just moved, still open, so moving it again is one tap."""
    return f"{reverse('safety:plan')}?open={kind}-{row.pk}#{kind}-{row.pk}"


def _render_plan(request, *, bound=None, helper_form=None, problem: str = "", status=200):
    """The plan page; `bound` is the one part's form that came back with a note at the field."""
    plan = plan_for(request.user)
    user = request.user
    open_row = request.GET.get("open", "")
    asked = {request.GET.get("part", "")}
    for section in plan.sections:
        kind = "helper" if section.is_helpers else "entry"
        for row in section.rows:
            row.is_open = open_row == f"{kind}-{row.pk}"
            if row.is_open:
                asked.add(section.key)
        if section.is_helpers:
            section.form = helper_form or HelperForm(user=user, offered=plan.offered)
        elif bound is not None and bound.part == section.key:
            section.form = bound
            _focus_first_error(bound)
        else:
            section.form = None  # the template shows the part's blank form, made once
    if helper_form is not None:
        _focus_first_error(helper_form)
        asked.add(HELPERS)
    if bound is not None:
        asked.add(bound.part.value)
    # Each part opens as it is needed: the one just changed or with a note, else the next step.
    opened = parts_to_open([(s.key, bool(s.rows)) for s in plan.sections], asked)
    for section in plan.sections:
        section.is_open = section.key in opened
    # Every safe person is either offered by the helper form or already in the plan.
    helpers = next(s for s in plan.sections if s.is_helpers)
    has_safe_people = helpers.form.has_choices or any(h.is_available for h in helpers.rows)
    context = {"plan": plan, "problem": problem, "has_safe_people": has_safe_people}
    return render(request, "safety/plan.html", context, status=status)


def _remove(
    request,
    model: type[Model],
    row_id: int,
    *,
    said: Callable[[Model], str],
    back: Callable[[Model], str],
) -> HttpResponse:
    """Delete one of the person's own rows (404 for anyone else's) and say what went.

    The words are made before the delete, while everything they name can still be read.
    """
    row = get_owned_or_404(model, request.user, pk=row_id)
    words = said(row)
    row.delete()
    messages.success(request, words)
    return redirect(back(row))


def _move(
    request, model: type[Model], row_id: int, kind: str, same_list: tuple[str, ...] = ()
) -> HttpResponse:
    """Move one of the person's own rows up or down among the rows of its own list.

    `same_list` names the fields a row shares with its list (a plan entry moves only within
    its part); with none, the list is all the person's rows of that kind.
    """
    row = get_owned_or_404(model, request.user, pk=row_id)
    siblings = owned(model, request.user).filter(**{f: getattr(row, f) for f in same_list})
    services.move(row, siblings, request.POST.get("direction"))
    return redirect(_moved_url(kind, row))


def _focus_first_error(form) -> None:
    """Put the cursor in the field that needs another look, wherever it is on the long page."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["autofocus"] = True
            return


@login_required
@require_GET
def plan(request):
    return _render_plan(request)


@login_required
@post_only("safety:plan")
def entry_add(request):
    part = request.POST.get("part", "")
    if part not in Part.values:
        return _render_plan(
            request,
            problem=gettext("That part of the plan was not found; please try again."),
            status=400,
        )
    form = EntryForm(request.POST, user=request.user, part=part)
    if not form.is_valid():
        return _render_plan(request, bound=form, status=400)
    services.add_entry(
        request.user, part, form.cleaned_data["text"], form.cleaned_data.get("phone", "")
    )
    messages.success(request, gettext("Added to “%(part)s”.") % {"part": Part(part).heading})
    return redirect(_plan_url(part))


@login_required
@post_only("safety:plan")
def entry_remove(request, entry_id: int):
    return _remove(
        request,
        PlanEntry,
        entry_id,
        said=lambda entry: gettext("Removed “%(text)s”.") % {"text": entry.text},
        back=lambda entry: _plan_url(entry.part),
    )


@login_required
@post_only("safety:plan")
def entry_move(request, entry_id: int):
    return _move(request, PlanEntry, entry_id, "entry", same_list=("part",))


@login_required
@post_only("safety:plan")
def helper_add(request):
    form = HelperForm(request.POST, user=request.user)
    if not form.is_valid():
        return _render_plan(request, helper_form=form, status=400)
    person = form.cleaned_data["person"]
    services.add_helper(request.user, person)
    messages.success(request, gettext("%(name)s is in your plan.") % {"name": person.name})
    return redirect(_plan_url(HELPERS))


@login_required
@post_only("safety:plan")
def helper_remove(request, helper_id: int):
    return _remove(
        request,
        PlanHelper,
        helper_id,
        said=lambda helper: (
            gettext("%(name)s is no longer in your plan. They stay in your circle.")
            % {"name": helper.person.name}
        ),
        back=lambda helper: _plan_url(HELPERS),
    )


@login_required
@post_only("safety:plan")
def helper_move(request, helper_id: int):
    return _move(request, PlanHelper, helper_id, "helper")


@login_required
@require_GET
def print_plan(request):
    help_ = crisis_help_for(request.user)
    return render(request, "safety/print.html", {"help": help_, "plan": help_.plan})


# --- crisis numbers ----------------------------------------------------------------------


def _render_numbers(request, *, region_form=None, line_form=None, status=200):
    # Until a country is chosen, the one the time zone points to is shown and offered, so
    # saving the page as it stands keeps the lines the person already sees.
    country, _ = country_of(request.user)
    context = {
        # Without a form that came back with a note, the page shows the blank ones, made once.
        "region_form": region_form,
        "country": country,
        "line_form": line_form,
        "own_lines": own_lines_for(request.user),
        "region": shown_table(get_language()).region(country),
    }
    return render(request, "safety/numbers.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def numbers(request):
    if request.method == "POST":
        form = RegionForm(request.POST)
        if not form.is_valid():
            return _render_numbers(request, region_form=form, status=400)
        region = form.cleaned_data["region"]
        services.set_region(request.user, region)
        chosen = shown_table(get_language()).region(region)
        messages.success(
            request,
            gettext("Saved. You will see the numbers for %(country)s.") % {"country": chosen.name}
            if chosen
            else gettext("Saved. You will see the general numbers."),
        )
        return redirect("safety:settings")
    return _render_numbers(request)


@login_required
@post_only("safety:settings")
def line_add(request):
    form = OwnLineForm(request.POST, user=request.user)
    if not form.is_valid():
        return _render_numbers(request, line_form=form, status=400)
    line = services.add_at_end(form.instance, owned(OwnCrisisLine, request.user))
    messages.success(
        request,
        gettext("Added %(name)s. It is shown first when you need help.") % {"name": line.name},
    )
    return redirect("safety:settings")


@login_required
@post_only("safety:settings")
def line_remove(request, line_id: int):
    return _remove(
        request,
        OwnCrisisLine,
        line_id,
        said=lambda line: gettext("Removed %(name)s.") % {"name": line.name},
        back=lambda line: reverse("safety:settings"),
    )
