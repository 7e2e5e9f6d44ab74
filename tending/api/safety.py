"""The safety plan (its parts, its safe people) and crisis help: the lines to call now."""

from __future__ import annotations

from typing import Literal

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    bound_form,
    check_if_match,
    etag_of,
    valid_or_422,
    with_etag,
)
from tending.api.safety_shown import (
    CrisisHelpOut,
    EntryOut,
    HelperOut,
    OfferedOut,
    OwnLineOut,
    PartName,
    PlanOut,
    crisis_help_out,
    entry_out,
    helper_out,
    own_line_out,
    section_out,
)
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.safety import services
from tending.safety.forms import EntryForm, HelperForm, OwnLineForm, RegionForm
from tending.safety.models import ENTRY_MAX_LENGTH, OwnCrisisLine, PlanEntry, PlanHelper
from tending.safety.queries import crisis_help_for

router = Router(tags=["safety plan and crisis help"])


@router.get("/safety-plan", response={200: PlanOut, **READ_ERRORS})
def read_plan(request: HttpRequest):
    """The whole plan, every step (empty ones too), and the crisis lines shown with it."""
    help_ = crisis_help_for(request.user)
    plan = help_.plan
    return PlanOut(
        sections=[section_out(n, s) for n, s in enumerate(plan.sections, start=1)],
        offered=[OfferedOut(person_id=pk, name=name) for pk, name in plan.offered],
        crisis_help=crisis_help_out(help_),
    )


class EntryIn(Schema):
    part: PartName
    text: str = Field(max_length=ENTRY_MAX_LENGTH * 4)  # the form tidies, then says how long
    phone: str = Field("", max_length=200, description="Only kept for professionals.")


class EntryChange(Schema):
    text: str | None = Field(None, max_length=ENTRY_MAX_LENGTH * 4)
    phone: str | None = Field(None, max_length=200)


class MoveIn(Schema):
    direction: Literal["up", "down"]


def _entry_form(user, part: str, values: dict, instance: PlanEntry | None = None) -> EntryForm:
    """The plan page's own form for one part, filled in as that part's form posts it."""
    data = {f"{part}-{name}": value for name, value in values.items() if value is not None}
    kwargs = {"instance": instance} if instance is not None else {}
    return EntryForm(data, user=user, part=part, **kwargs)


@router.post("/safety-plan/entries", response={201: EntryOut, **WRITE_ERRORS})
def add_entry(request: HttpRequest, response: HttpResponse, body: EntryIn):
    """Add a line at the end of one part of the plan."""
    form = valid_or_422(_entry_form(request.user, body.part, body.model_dump(exclude={"part"})))
    entry = services.add_entry(
        request.user, body.part, form.cleaned_data["text"], form.cleaned_data.get("phone", "")
    )
    return Status(201, with_etag(response, entry_out(entry)))


@router.get("/safety-plan/entries/{entry_id}", response={200: EntryOut, **READ_ERRORS})
def get_entry(request: HttpRequest, response: HttpResponse, entry_id: int):
    return with_etag(response, entry_out(get_owned_or_404(PlanEntry, request.user, pk=entry_id)))


def _locked(model: type[Model], request: HttpRequest, row_id: int, show) -> Model:
    """One of the caller's rows, locked for the change, refused (412) if read before a change."""
    row = one_or_404(owned(model, request.user).select_for_update(), pk=row_id)
    check_if_match(request, etag_of(show(row)))
    return row


@router.patch("/safety-plan/entries/{entry_id}", response={200: EntryOut, **WRITE_ERRORS})
def change_entry(request: HttpRequest, response: HttpResponse, entry_id: int, body: EntryChange):
    """Change a line's words (or a professional's number) in place."""
    with transaction.atomic():
        entry = _locked(PlanEntry, request, entry_id, entry_out)
        values = {"text": entry.text, "phone": entry.phone} | body.model_dump(exclude_unset=True)
        valid_or_422(_entry_form(request.user, entry.part, values, instance=entry)).save()
    return with_etag(response, entry_out(entry))


@router.delete("/safety-plan/entries/{entry_id}", response={204: None, **WRITE_ERRORS})
def remove_entry(request: HttpRequest, entry_id: int):
    with transaction.atomic():
        _locked(PlanEntry, request, entry_id, entry_out).delete()
    return Status(204, None)


@router.post("/safety-plan/entries/{entry_id}/move", response={200: list[EntryOut], **WRITE_ERRORS})
def move_entry(request: HttpRequest, entry_id: int, body: MoveIn):
    """Move a line up or down within its part; answers the part's lines in their new order."""
    with transaction.atomic():
        entry = _locked(PlanEntry, request, entry_id, entry_out)
        siblings = owned(PlanEntry, request.user).filter(part=entry.part)
        services.move(entry, siblings, body.direction)
    return [entry_out(e) for e in siblings.order_by("position", "id")]


class HelperIn(Schema):
    person_id: int = Field(description="A safe, active person of the caller's circle.")


def _helper_of(row: PlanHelper) -> HelperOut:
    return helper_out(row.pk, row.person)


def _helpers(user) -> list[HelperOut]:
    rows = owned(PlanHelper, user).select_related("person").order_by("position", "id")
    return [_helper_of(h) for h in rows]


@router.post("/safety-plan/helpers", response={201: HelperOut, **WRITE_ERRORS})
def add_helper(request: HttpRequest, response: HttpResponse, body: HelperIn):
    """Add a safe person from the circle to the people to ask for help."""
    form = HelperForm({"person": body.person_id}, user=request.user)
    person = valid_or_422(form, {"person": "person_id"}).cleaned_data["person"]
    helper = services.add_helper(request.user, person)
    return Status(201, with_etag(response, _helper_of(helper)))


def _owned_helper(request: HttpRequest, helper_id: int, *, lock: bool = False) -> PlanHelper:
    rows = owned(PlanHelper, request.user).select_related("person")
    return one_or_404(rows.select_for_update(of=("self",)) if lock else rows, pk=helper_id)


@router.get("/safety-plan/helpers/{helper_id}", response={200: HelperOut, **READ_ERRORS})
def get_helper(request: HttpRequest, response: HttpResponse, helper_id: int):
    return with_etag(response, _helper_of(_owned_helper(request, helper_id)))


@router.delete("/safety-plan/helpers/{helper_id}", response={204: None, **WRITE_ERRORS})
def remove_helper(request: HttpRequest, helper_id: int):
    """Take someone out of the plan; they stay in the circle."""
    with transaction.atomic():
        helper = _owned_helper(request, helper_id, lock=True)
        check_if_match(request, etag_of(_helper_of(helper)))
        helper.delete()
    return Status(204, None)


@router.post(
    "/safety-plan/helpers/{helper_id}/move", response={200: list[HelperOut], **WRITE_ERRORS}
)
def move_helper(request: HttpRequest, helper_id: int, body: MoveIn):
    """Move someone up or down; answers the people to ask in their new order."""
    with transaction.atomic():
        helper = _owned_helper(request, helper_id, lock=True)
        check_if_match(request, etag_of(_helper_of(helper)))
        services.move(helper, owned(PlanHelper, request.user), body.direction)
    return _helpers(request.user)


# Crisis lines ------------------------------------------------------------------------------


class CrisisQuery(Schema):
    country: str = Field(
        "", max_length=20, description="Another country's lines (a code like DE), this once."
    )


@router.get("/crisis-help", response={200: CrisisHelpOut, **READ_ERRORS})
def crisis_help(request: HttpRequest, query: Query[CrisisQuery]):
    """The lines to call now: the emergency number, the caller's own numbers, then the lines
    of their country (chosen in settings, else the one their time zone points to)."""
    return crisis_help_out(crisis_help_for(request.user, query.country, with_plan=False))


class CountryIn(Schema):
    country: str = Field(max_length=20, description='A code like DE, or "" for the general lines.')


@router.put("/crisis-help/country", response={200: CrisisHelpOut, **WRITE_ERRORS})
def choose_country(request: HttpRequest, body: CountryIn):
    """Choose the country whose lines are shown from now on."""
    form = valid_or_422(RegionForm({"region": body.country}), {"region": "country"})
    services.set_region(request.user, form.cleaned_data["region"])
    return crisis_help_out(crisis_help_for(request.user, with_plan=False))


class OwnLineIn(Schema):
    name: str = Field(max_length=400)
    number: str = Field(max_length=200)
    note: str = Field("", max_length=800)


class OwnLineChange(Schema):
    name: str | None = Field(None, max_length=400)
    number: str | None = Field(None, max_length=200)
    note: str | None = Field(None, max_length=800)


@router.post("/crisis-help/own-lines", response={201: OwnLineOut, **WRITE_ERRORS})
def add_own_line(request: HttpRequest, response: HttpResponse, body: OwnLineIn):
    """Add a number of the caller's own; it is shown first, after the emergency number."""
    form = bound_form(OwnLineForm, body.model_dump(), partial=False, user=request.user)
    line = services.add_at_end(valid_or_422(form).instance, owned(OwnCrisisLine, request.user))
    return Status(201, with_etag(response, own_line_out(line)))


@router.get("/crisis-help/own-lines/{line_id}", response={200: OwnLineOut, **READ_ERRORS})
def get_own_line(request: HttpRequest, response: HttpResponse, line_id: int):
    line = get_owned_or_404(OwnCrisisLine, request.user, pk=line_id)
    return with_etag(response, own_line_out(line))


@router.patch("/crisis-help/own-lines/{line_id}", response={200: OwnLineOut, **WRITE_ERRORS})
def change_own_line(
    request: HttpRequest, response: HttpResponse, line_id: int, body: OwnLineChange
):
    with transaction.atomic():
        line = _locked(OwnCrisisLine, request, line_id, own_line_out)
        changes = body.model_dump(exclude_unset=True)
        form = bound_form(OwnLineForm, changes, partial=True, user=request.user, instance=line)
        valid_or_422(form).save()
    return with_etag(response, own_line_out(line))


@router.delete("/crisis-help/own-lines/{line_id}", response={204: None, **WRITE_ERRORS})
def remove_own_line(request: HttpRequest, line_id: int):
    with transaction.atomic():
        _locked(OwnCrisisLine, request, line_id, own_line_out).delete()
    return Status(204, None)
