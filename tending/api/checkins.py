"""Check-ins: what each one asks, answering one (scored as on the web, with the same safety
rule), and the history of results."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, ClassVar, Literal

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    Invalid,
    PageQuery,
    Shown,
    check_if_match,
    etag_of,
    form_problems,
    one_page,
    with_etag,
)
from tending.api.safety_shown import SafetyHelpOut, safety_help
from tending.checkins.definitions import FREQUENCIES, HIGHER_IS, MAX_ID_CHARS, MAX_ITEMS, Instrument
from tending.checkins.forms import CheckInForm, field_name
from tending.checkins.models import CheckIn, Frequency
from tending.checkins.queries import Overview, around, is_due, overview, previous_to, start_of
from tending.checkins.registry import get_instrument, instruments
from tending.checkins.scoring import change_since, safety_fired
from tending.checkins.services import delete_checkin, save_checkin
from tending.core.ownership import one_or_404, owned

router = Router(tags=["check-ins"])

FrequencyName = Literal[tuple(Frequency.values)]  # type: ignore[valid-type]
HOW_OFTEN = dict(Frequency.choices)
EARLIEST, LATEST = date(1900, 1, 1), date(9000, 12, 31)  # days a filter can name


# Definitions -------------------------------------------------------------------------------


class ChoiceOut(Shown):
    value: int
    label: str


class ItemOut(Shown):
    id: str
    number: int
    text: str
    scored: bool = Field(description="False: asked, but kept out of every score.")
    choices: list[ChoiceOut]


class BandOut(Shown):
    low: float
    high: float
    label: str
    meaning: str


class SubscaleOut(Shown):
    id: str
    title: str
    items: list[str]


class DefinitionOut(Shown):
    id: str
    version: int
    title: str
    measures: str
    description: str = Field(description="How it is scored, as the web's check-in shows it.")
    time_frame: str
    higher_is: Literal[HIGHER_IS]  # type: ignore[valid-type]
    score_low: float
    score_high: float
    may_skip: int = Field(description="How many scored questions may be left out.")
    meaningful_change: float | None
    items: list[ItemOut]
    bands: list[BandOut]
    subscales: list[SubscaleOut]
    default_frequency: Literal[FREQUENCIES]  # type: ignore[valid-type]
    can_switch_off: bool
    frequency: FrequencyName = Field(description="How often the caller is offered it.")
    how_often: str
    due: bool = Field(description="Offered now: not done in its day or week yet.")
    unfinished: bool = Field(description="Answers kept from a check-in not finished yet.")
    last_taken_at: datetime | None


def _definition(inst: Instrument, seen: Overview, today: date) -> DefinitionOut:
    low, high = inst.score_range()
    choices = [ChoiceOut(value=c.value, label=c.label) for c in inst.scale]
    newest = seen.recent.get(inst.id)
    last = newest[0].taken_at if newest else None
    frequency = seen.frequencies[inst.id]
    return DefinitionOut(
        id=inst.id,
        version=inst.version,
        title=inst.title,
        measures=inst.measures,
        description=inst.description,
        time_frame=inst.time_frame,
        higher_is=inst.higher_is,
        score_low=low,
        score_high=high,
        may_skip=inst.max_missing if inst.missing_policy == "prorate" else 0,
        meaningful_change=inst.meaningful_change,
        items=[
            ItemOut(id=i.id, number=n, text=i.text, scored=i.scored, choices=choices)
            for n, i in enumerate(inst.items, start=1)
        ],
        bands=[
            BandOut(low=b.low, high=b.high, label=b.label, meaning=b.meaning) for b in inst.bands
        ],
        subscales=[
            SubscaleOut(id=s.id, title=s.title, items=list(s.items)) for s in inst.subscales
        ],
        default_frequency=inst.frequency,
        can_switch_off=inst.can_switch_off,
        frequency=frequency,
        how_often=HOW_OFTEN.get(frequency, frequency),
        due=is_due(frequency, last, today),
        unfinished=inst.id in seen.drafted,
        last_taken_at=last,
    )


@router.get("/checkin-definitions", response={200: list[DefinitionOut], **READ_ERRORS})
def list_definitions(request: HttpRequest):
    """Every check-in this tending offers, switched off ones too (frequency "off")."""
    today = timezone.localdate()  # the caller's (tending.api.auth puts the call in their zone)
    seen = overview(request.user, 1)
    return [_definition(inst, seen, today) for inst in instruments().values()]


@router.get("/checkin-definitions/{instrument}", response={200: DefinitionOut, **READ_ERRORS})
def get_definition(request: HttpRequest, instrument: str):
    inst = get_instrument(instrument)
    if inst is None:
        raise Http404("There is no such check-in.")
    return _definition(inst, overview(request.user, 1), timezone.localdate())


# Check-ins ---------------------------------------------------------------------------------


class CheckInOut(Shown):
    id: int
    instrument_id: str
    instrument_version: int
    title: str = Field(description="The check-in's title (its id if it is no longer offered).")
    taken_at: datetime
    answers: dict[str, int | None] = Field(description="Each question's answer; null: skipped.")
    total: float
    subscales: dict[str, float]
    band: str = Field(description="What the total means, in a few words (may be empty).")
    prorated: bool = Field(description="A question was left out; the total is estimated.")
    safety_fired: bool


class ChangeOut(Shown):
    previous_id: int
    previous_taken_at: datetime
    previous_total: float
    delta: float = Field(description="Between the scores as shown, one decimal.")
    direction: Literal["better", "worse", "same"]
    words: str = Field(description='"better", "harder" or "no change".')
    meaningful: bool | None = Field(description="null: the check-in names no meaningful change.")


class SubscaleScoreOut(Shown):
    id: str
    title: str
    value: float


class AnsweredOut(Shown):
    item_id: str
    question: str
    value: int | None
    answer: str = Field(description='The answer in words ("Skipped" when left out).')


class CheckInResult(CheckInOut):
    DERIVED: ClassVar[frozenset[str]] = frozenset(
        {"score_low", "score_high", "higher_is", "meaning", "change", "subscale_scores"}
        | {"answered", "safety"}
    )

    score_low: float | None
    score_high: float | None
    higher_is: Literal[HIGHER_IS] | None  # type: ignore[valid-type]
    meaning: str | None = Field(description="What the band means; left out under a safety rule.")
    change: ChangeOut | None = Field(description="Since the one before; null for the first.")
    subscale_scores: list[SubscaleScoreOut]
    answered: list[AnsweredOut]
    safety: SafetyHelpOut | None = Field(
        description="When an answer fired a safety rule: its words, crisis lines and the plan."
    )


class CheckInPage(Shown):
    items: list[CheckInOut]
    next: str | None


def show(checkin: CheckIn) -> CheckInOut:
    inst = get_instrument(checkin.instrument_id)
    return CheckInOut(
        id=checkin.pk,
        instrument_id=checkin.instrument_id,
        instrument_version=checkin.instrument_version,
        title=inst.title if inst else checkin.instrument_id,
        taken_at=checkin.taken_at,
        answers=checkin.answers,
        total=checkin.total,
        subscales=checkin.subscales,
        band=checkin.band_label,
        prorated=checkin.prorated,
        safety_fired=checkin.safety_fired,
    )


def result_of(user, checkin: CheckIn, previous: CheckIn | None) -> CheckInResult:
    """What the web's result page shows of a check-in, worked out as it works it out."""
    base = show(checkin).model_dump()
    inst = get_instrument(checkin.instrument_id)
    if inst is None:  # a check-in no longer offered: its stored figures only
        derived: dict[str, Any] = dict.fromkeys(
            ("score_low", "score_high", "higher_is", "meaning", "change"), None
        )
        help_ = safety_help(user, ()) if checkin.safety_fired else None
        return CheckInResult(**base, **derived, subscale_scores=[], answered=[], safety=help_)
    low, high = inst.score_range()
    band = next((b for b in inst.bands if b.label == checkin.band_label), None)
    change = change_since(inst, checkin.total, previous.total if previous else None)
    labels = {c.value: c.label for c in inst.scale}
    return CheckInResult(
        **base,
        score_low=low,
        score_high=high,
        higher_is=inst.higher_is,
        meaning=band.meaning if band and not checkin.safety_fired else None,
        change=None
        if change is None or previous is None
        else ChangeOut(
            previous_id=previous.pk,
            previous_taken_at=previous.taken_at,
            previous_total=previous.total,
            delta=change.delta,
            direction=change.direction,
            words=change.words,
            meaningful=change.meaningful,
        ),
        subscale_scores=[
            SubscaleScoreOut(id=s.id, title=s.title, value=checkin.subscales[s.id])
            for s in inst.subscales
            if s.id in checkin.subscales
        ],
        answered=[
            AnsweredOut(
                item_id=item.id,
                question=item.text,
                value=(value := checkin.answers.get(item.id)),
                answer=labels.get(value, "Skipped"),
            )
            for item in inst.items
        ],
        safety=safety_help(user, safety_fired(inst, checkin.answers))
        if checkin.safety_fired
        else None,
    )


class CheckInFilter(PageQuery):
    instrument: str | None = Field(None, max_length=MAX_ID_CHARS, description="One check-in's.")
    since: date | None = Field(None, ge=EARLIEST, le=LATEST, description="Taken on or after.")
    until: date | None = Field(None, ge=EARLIEST, le=LATEST, description="Taken on or before.")


@router.get("/checkins", response={200: CheckInPage, **READ_ERRORS})
def list_checkins(request: HttpRequest, filters: Query[CheckInFilter]):
    """Results, newest first; days are the caller's own."""
    checkins = owned(CheckIn, request.user)
    if filters.instrument:
        checkins = checkins.filter(instrument_id=filters.instrument)
    if filters.since:
        checkins = checkins.filter(taken_at__gte=start_of(filters.since))
    if filters.until:
        checkins = checkins.filter(taken_at__lt=start_of(filters.until + timedelta(days=1)))
    rows, after = one_page(checkins, ("-taken_at", "-id"), filters.cursor, filters.limit)
    return {"items": [show(c) for c in rows], "next": after}


class CheckInIn(Schema):
    instrument: str = Field(max_length=MAX_ID_CHARS, description="The check-in's id.")
    # Any JSON value is taken in, so that one badly typed answer is refused by the view at
    # its question, after the others were looked at for risk, not by the schema before it.
    answers: dict[str, Any] = Field(
        max_length=MAX_ITEMS,
        description="Question id → the value (a whole number) of the answer chosen; null: none.",
    )


class CheckInInvalid(Invalid):
    safety: SafetyHelpOut | None = Field(
        None, description="An answer that signals risk brings crisis help, even in a bad set."
    )


def _problem(loc: list[str | int], msg: str, kind: str) -> dict:
    return {"loc": loc, "msg": msg, "type": kind}


@router.post("/checkins", response={201: CheckInResult, **WRITE_ERRORS, 422: CheckInInvalid})
def answer_checkin(request: HttpRequest, response: HttpResponse, body: CheckInIn):
    """Answer a check-in: it is scored and kept, and its result comes back. An answer that
    fires a safety rule brings the rule's words, the caller's crisis lines and their plan,
    whether or not the rest of the answers could be kept."""
    inst = get_instrument(body.instrument)
    if inst is None:
        problem = _problem(["body", "instrument"], "There is no such check-in.", "unknown")
        return Status(422, {"detail": [problem]})
    questions = {item.id for item in inst.items}
    problems = [
        _problem(["body", "answers", key], f"This is not a question of “{inst.title}”.", "unknown")
        for key in body.answers
        if key not in questions
    ]
    typed_wrong = [
        key
        for key, value in body.answers.items()
        if key in questions and value is not None and (type(value) is not int)
    ]
    problems += [
        _problem(["body", "answers", key], "Please give the value of one of its answers.", "type")
        for key in typed_wrong
    ]
    data = {
        field_name(k): v
        for k, v in body.answers.items()
        if k in questions and v is not None and k not in typed_wrong
    }
    form = CheckInForm(data, instrument=inst)
    # As on the web: an answer that signals risk always brings crisis help, whatever else is
    # missing or wrong.
    fired = safety_fired(inst, form.raw_answers())
    if not form.is_valid() or problems:
        placed = [_answer_loc(p) for p in form_problems(form)]
        # A badly typed answer was left out of the form, which then calls it missing.
        problems += [p for p in placed if p["loc"][2:] not in ([key] for key in typed_wrong)]
        help_ = safety_help(request.user, fired) if fired else None
        return Status(422, {"detail": problems, "safety": help_})
    checkin = save_checkin(request.user, inst, form.answers())
    shown = result_of(request.user, checkin, previous_to(checkin))
    return Status(201, with_etag(response, shown))


def _answer_loc(problem: dict) -> dict:
    """A form field's problem placed at its question: q-<item> → ("body", "answers", item)."""
    prefix = field_name("")
    field = problem["loc"][-1] if len(problem["loc"]) > 1 else None
    if isinstance(field, str) and field.startswith(prefix):
        return problem | {"loc": ["body", "answers", field.removeprefix(prefix)]}
    return problem | {"loc": ["body", "answers"]}


@router.get("/checkins/{checkin_id}", response={200: CheckInResult, **READ_ERRORS})
def get_checkin(request: HttpRequest, response: HttpResponse, checkin_id: int):
    """One result as the web's result page shows it."""
    found = around(request.user, checkin_id, 0)
    return with_etag(response, result_of(request.user, found.checkin, found.previous))


@router.delete("/checkins/{checkin_id}", response={204: None, **WRITE_ERRORS})
def remove_checkin(request: HttpRequest, checkin_id: int):
    with transaction.atomic():
        checkin = one_or_404(owned(CheckIn, request.user).select_for_update(), pk=checkin_id)
        check_if_match(request, etag_of(show(checkin)))
        delete_checkin(checkin)
    return Status(204, None)
