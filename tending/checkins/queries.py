"""Reads of check-ins: history, the previous result, and which checks are due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import DateTimeField, FloatField, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from tending.checkins.definitions import Instrument, SafetyRule
from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft, Frequency
from tending.checkins.registry import instruments
from tending.checkins.scoring import safety_fired
from tending.core.ownership import one_or_404, owned


def history(user, instrument_id: str) -> QuerySet[CheckIn]:
    return owned(CheckIn, user).filter(instrument_id=instrument_id)


def previous_to(checkin: CheckIn) -> CheckIn | None:
    return (
        history(checkin.owner, checkin.instrument_id)
        .filter(taken_at__lt=checkin.taken_at)
        .order_by("-taken_at", "-id")
        .first()
    )


def frequencies(user) -> dict[str, str]:
    """Each instrument's frequency for this person: their choice, else the instrument's own."""
    chosen = dict(owned(CheckInChoice, user).values_list("instrument_id", "frequency"))
    return {i: chosen.get(i, inst.frequency) for i, inst in instruments().items()}


def newest_of_each(user) -> QuerySet[CheckIn]:
    """The newest check-in of each instrument, in one query whatever the history's length.

    Each instrument's newest row is one step down the (owner, instrument, taken_at, id)
    index; grouping every row by instrument to find its latest time read all ten years.
    Two taken at the same moment: the later one.
    """
    pick = Q()
    for instrument_id in instruments():
        newest = (
            owned(CheckIn, user)
            .filter(instrument_id=instrument_id)
            .order_by("-taken_at", "-id")
            .values("pk")[:1]
        )
        pick |= Q(pk=Subquery(newest))
    return owned(CheckIn, user).filter(pick)


def latest_by_instrument(user) -> dict[str, CheckIn]:
    """The newest check-in of each instrument, with what the list of check-ins shows of it."""
    shown = ("owner", "instrument_id", "taken_at", "total", "band_label")
    return {c.instrument_id: c for c in newest_of_each(user).only(*shown)}


def with_previous(user, checkin_id) -> CheckIn:
    """One of `user`'s check-ins (or 404), carrying when the one before it was taken and its
    score as `previous_at` and `previous_total` (None for the first), in a single query."""
    before = CheckIn.objects.filter(
        owner=OuterRef("owner"),
        instrument_id=OuterRef("instrument_id"),
        taken_at__lt=OuterRef("taken_at"),
    ).order_by("-taken_at", "-id")
    return one_or_404(
        owned(CheckIn, user).annotate(
            previous_at=Subquery(before.values("taken_at")[:1], output_field=DateTimeField()),
            previous_total=Subquery(before.values("total")[:1], output_field=FloatField()),
        ),
        pk=checkin_id,
    )


def recent(user, instrument_id: str, count: int) -> list[dict]:
    """The newest `count` results of one instrument, newest first, as plain values."""
    return list(
        history(user, instrument_id)
        .order_by("-taken_at", "-id")
        .values("pk", "taken_at", "total", "band_label")[:count]
    )


def is_due(frequency: str, last_taken: datetime | None, today: date) -> bool:
    """Daily: not yet done today. Weekly: not done in the last seven days. Else never due."""
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        return False
    if last_taken is None:
        return True
    last_day = timezone.localdate(last_taken)
    if frequency == Frequency.DAILY:
        return last_day < today
    return last_day <= today - timedelta(days=7)


def last_taken_by_instrument(user) -> dict[str, datetime]:
    """When each instrument was last taken, in one query; instruments never taken are absent."""
    return dict(newest_of_each(user).values_list("instrument_id", "taken_at"))


def due_checkins(user, today: date | None = None) -> list[Instrument]:
    """Checks the person asked to be offered that have not been done in their period."""
    today = today or timezone.localdate()
    last_taken = last_taken_by_instrument(user)
    chosen = frequencies(user)
    return [
        inst
        for inst_id, inst in instruments().items()
        if is_due(chosen[inst_id], last_taken.get(inst_id), today)
    ]


def drafts(user) -> dict[str, CheckInDraft]:
    return {d.instrument_id: d for d in owned(CheckInDraft, user)}


@dataclass(frozen=True)
class RiskyDraft:
    instrument: Instrument
    fired: tuple[SafetyRule, ...]


def risky_drafts(user) -> list[RiskyDraft]:
    """Unfinished check-ins whose kept answers fire a safety rule, newest first.

    A tab closed before the result leaves such an answer only in a draft; until it is
    finished or cleared, Today leads with the same help the result page would have shown.
    """
    found = []
    for draft in owned(CheckInDraft, user).order_by("-updated_at", "-id"):
        inst = instruments().get(draft.instrument_id)
        fired = safety_fired(inst, draft.answers) if inst is not None else ()
        if fired:
            found.append(RiskyDraft(inst, fired))
    return found


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
