"""Reads of check-ins: history, the previous result, and which checks are due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Max, QuerySet
from django.utils import timezone

from tending.checkins.definitions import Instrument, SafetyRule
from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft, Frequency
from tending.checkins.registry import instruments
from tending.checkins.scoring import safety_fired
from tending.core.ownership import owned


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


def latest_by_instrument(user) -> dict[str, CheckIn]:
    """The newest check-in of each instrument, in two queries whatever the history's length.

    First the latest time per instrument (an index range each), then the rows at those
    times; a correlated subquery per row took a second on PostgreSQL with ten years.
    """
    latest = dict(
        owned(CheckIn, user)
        .values("instrument_id")
        .annotate(last=Max("taken_at"))
        .values_list("instrument_id", "last")
    )
    if not latest:
        return {}
    newest: dict[str, CheckIn] = {}
    at_those_times = owned(CheckIn, user).filter(taken_at__in=set(latest.values()))
    for checkin in at_those_times.order_by("id"):
        if latest.get(checkin.instrument_id) == checkin.taken_at:
            newest[checkin.instrument_id] = checkin  # two at the same moment: the later one
    return newest


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
    return dict(
        owned(CheckIn, user)
        .values("instrument_id")
        .annotate(last=Max("taken_at"))
        .values_list("instrument_id", "last")
    )


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
