"""Changes the therapy companion makes: flagging something for the next session, saying what
a session talked about, giving it homework, and deleting a session."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Model, Q

from tending.checkins.models import CheckIn
from tending.core.ownership import get_owned_or_404, owned
from tending.growth import goal_services
from tending.growth.models import BringUp, Goal, GoalStep, TherapySession
from tending.journal.models import Entry
from tending.moments.models import Moment

FLAGGABLE: dict[str, type[Model]] = {"entry": Entry, "moment": Moment, "checkin": CheckIn}


def bring_up(user, kind: str, row_id: int, note: str = "") -> tuple[BringUp, bool]:
    """Put one of the person's own rows on the list for next time, unless it is already
    waiting there; (the flag, whether it is new). Another account's row is a 404."""
    row = get_owned_or_404(FLAGGABLE[kind], user, pk=row_id)
    with transaction.atomic():
        found = owned(BringUp, user).filter(raised_in=None, **{kind: row}).first()
        if found is not None:
            if note and not found.note:
                found.note = note
                found.save(update_fields=["note"])
            return found, False
        return BringUp.objects.create(owner=user, note=note, **{kind: row}), True


@transaction.atomic
def set_raised(user, session: TherapySession, offered: Iterable[int], chosen: Iterable[int]) -> int:
    """Of the flags `offered` on the session's page (waiting, or raised in this session), the
    `chosen` ones were talked about in it and the others were not; how many were."""
    offered, chosen = set(offered), set(chosen) & set(offered)
    mine = owned(BringUp, user).filter(Q(raised_in=None) | Q(raised_in=session))
    mine.filter(pk__in=chosen).update(raised_in=session)
    mine.filter(pk__in=offered - chosen, raised_in=session).update(raised_in=None)
    return len(chosen)


@transaction.atomic
def add_homework(
    user, session: TherapySession, goal: Goal | None, text: str, due: date | None
) -> GoalStep:
    """Homework from a session, as a step of the chosen goal, or of "Therapy homework"."""
    goal = goal if goal is not None else goal_services.homework_goal(user)
    return goal_services.add_step(goal, text, due, session=session)


@transaction.atomic
def delete_session(user, session: TherapySession) -> None:
    """Delete a session. What was talked about in it comes off the list with it (the entries,
    moments and check-ins stay); its homework stays with its goals as ordinary steps."""
    owned(BringUp, user).filter(raised_in=session).delete()
    session.delete()
