"""Saving check-ins and drafts; shared by the web pages and the command line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction

from tending.checkins.definitions import Instrument
from tending.checkins.models import CheckIn, CheckInDraft
from tending.checkins.scoring import Score, score
from tending.core.signals import owned_rows_deleted


@transaction.atomic
def save_checkin(owner, instrument: Instrument, answers: Mapping[str, int | None]) -> CheckIn:
    """Score the answers (raising AnswerError when they cannot be scored) and keep everything.

    Kept against the definition as written in English, whatever language it was shown in:
    a result keeps its band by the English name."""
    instrument = instrument.base
    result = score(instrument, answers)
    checkin = CheckIn.objects.create(
        owner=owner, instrument_id=instrument.id, **stored(instrument, answers, result)
    )
    CheckInDraft.objects.filter(owner=owner, instrument_id=instrument.id).delete()
    return checkin


def stored(instrument: Instrument, answers: Mapping[str, int | None], result: Score) -> dict:
    return {
        "instrument_version": instrument.version,
        "answers": {item.id: answers.get(item.id) for item in instrument.items},
        "total": result.total,
        "subscales": dict(result.subscales),
        "band_label": result.band.label if result.band else "",
        "prorated": result.prorated,
        "safety_fired": bool(result.fired),
    }


def delete_checkin(checkin: CheckIn) -> None:
    """Delete one check-in; charts and kept figures made from it are told to move on."""
    owner_id = checkin.owner_id
    checkin.delete()
    owned_rows_deleted.send(sender=CheckIn, owner_ids={owner_id})


def rescore(checkin: CheckIn, instrument: Instrument) -> CheckIn:
    """Recompute the scores of a stored check-in from its raw answers."""
    instrument = instrument.base
    result = score(instrument, checkin.answers)
    for field, value in stored(instrument, checkin.answers, result).items():
        setattr(checkin, field, value)
    checkin.save()
    return checkin


def save_draft(
    owner,
    instrument: Instrument,
    answers: Mapping[str, int | None],
    opened: datetime | None = None,
) -> CheckInDraft | None:
    """Keep answers not yet finished. `opened`: when the page that sent them was shown. A
    check-in of this instrument saved since then with these very answers already holds them
    (the last tick's save reached the server after "See my result"), so no draft is made
    again: None. Other answers (another tab, other ticks) are kept as ever."""
    known = {item.id: answers.get(item.id) for item in instrument.items}
    # One transaction (SQLite's begins with the write lock): a check-in saved meanwhile is
    # either seen here or deletes this draft after it.
    with transaction.atomic():
        if opened is not None and known in CheckIn.objects.filter(
            owner=owner, instrument_id=instrument.id, taken_at__gte=opened
        ).values_list("answers", flat=True):
            return None
        draft, _ = CheckInDraft.objects.update_or_create(
            owner=owner, instrument_id=instrument.id, defaults={"answers": known}
        )
    return draft
