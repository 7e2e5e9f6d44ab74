"""Conversation ladders in the database: starting one, moving on a prompt (once, however often
the button is pressed), and what the pages say about where a pair is and what to log after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.db import connection
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tending.circle.models import Person
from tending.core.dates import stored_time
from tending.core.jinja import url
from tending.core.ownership import is_row_id, owned
from tending.core.reads import Read, as_stored, read_together
from tending.growth import brave_services, ladders
from tending.growth.ladders import Place, PromptSet
from tending.growth.models import LadderSession

# Where a pair is, by the set they are in: "prompt 4 of 12 in the second set".
WHERE_IN_SET = (
    gettext_lazy("prompt %(number)d of %(count)d in the first set"),
    gettext_lazy("prompt %(number)d of %(count)d in the second set"),
    gettext_lazy("prompt %(number)d of %(count)d in the third set"),
)
# How far a pair came, by the number of sets behind them (the sets go light, deeper, deepest).
SETS_DONE = {
    1: gettext_lazy("the light set done"),
    2: gettext_lazy("the light and deeper sets done"),
}
ACTIONS = ("answered", "pass")
# How much each set asks of the pair, as a moment's sharing (tending.moments.models.Sharing).
SHARING_BY_DEPTH = {"light": 2, "deeper": 3, "deepest": 4}  # thoughts, feelings, vulnerable
LONGEST_MINUTES = 24 * 60


def start(user, person: Person, starter: int) -> LadderSession:
    now = timezone.now()
    return LadderSession.objects.create(
        owner=user, person=person, starter=starter, started_at=now, updated_at=now
    )


def place_of(session: LadderSession) -> Place:
    return Place(session.set_index, session.prompt_index)


def is_finished(session: LadderSession, sets: tuple[PromptSet, ...]) -> bool:
    return session.finished_at is not None or place_of(session).is_finished(sets)


def advance(session: LadderSession, action: str, seen: Place) -> bool:
    """Move the pair on from the prompt they saw, answered or passed; False (and nothing
    changed) when the page was not showing where the session is: a second press of the
    button, or an old tab. One conditional UPDATE, so two presses at once move on once."""
    if action not in ACTIONS:
        return False
    sets = ladders.ladder()
    if seen != place_of(session) or is_finished(session, sets):
        return False
    after = ladders.next_place(seen, sets)
    now = timezone.now()
    counted = "answered" if action == "answered" else "passed"
    changed = LadderSession.objects.filter(
        pk=session.pk,
        owner_id=session.owner_id,
        set_index=seen.set_index,
        prompt_index=seen.prompt_index,
        finished_at__isnull=True,
    ).update(
        set_index=after.set_index,
        prompt_index=after.prompt_index,
        updated_at=now,
        finished_at=now if after.is_finished(sets) else None,
        **{counted: F(counted) + 1},
    )
    return changed == 1


def touch(session: LadderSession) -> None:
    """A stop is no failure and changes no place: it only says when the pair last were here."""
    owned(LadderSession, session.owner).filter(pk=session.pk).update(updated_at=timezone.now())


def deepest_reached(session: LadderSession, sets: tuple[PromptSet, ...]) -> int | None:
    """The index of the deepest set with at least one prompt behind the pair, or None."""
    if is_finished(session, sets):
        return len(sets) - 1
    if session.prompt_index > 0:
        return session.set_index
    return session.set_index - 1 if session.set_index > 0 else None


def sharing_for(session: LadderSession, sets: tuple[PromptSet, ...]) -> int:
    """Thoughts for the light set, feelings once into the deeper one, something vulnerable
    once into the deepest."""
    reached = deepest_reached(session, sets)
    return SHARING_BY_DEPTH[sets[0 if reached is None else reached].depth]


def minutes_since(started_at: datetime, now: datetime) -> int:
    minutes = round((now - started_at).total_seconds() / 60)
    return max(1, min(LONGEST_MINUTES, minutes))


def how_far(session: LadderSession, sets: tuple[PromptSet, ...]) -> str:
    """How far the pair came, in a few words: "the light set done", "all three sets"."""
    if is_finished(session, sets):
        return _("all three sets") if len(sets) == 3 else _("every set")
    if session.set_index == 0:
        into = session.prompt_index
        if not into:
            return _("just begun")
        return ngettext(
            "%(count)d prompt into the light set", "%(count)d prompts into the light set", into
        ) % {"count": into}
    return str(SETS_DONE[session.set_index])


def where(session: LadderSession, sets: tuple[PromptSet, ...]) -> str:
    """Where a session stands: "prompt 4 of 12 in the second set"."""
    prompts = len(sets[session.set_index].prompts)
    return str(WHERE_IN_SET[session.set_index]) % {
        "number": session.prompt_index + 1,
        "count": prompts,
    }


def moment_link(session: LadderSession, sets: tuple[PromptSet, ...], now: datetime) -> str:
    """moments:add, with the person, how much was shared, how long and a line of note filled
    in; how they talked (in person, on a call) is left for the person to say."""
    query = {
        "person": session.person_id,
        "sharing": sharing_for(session, sets),
        "minutes": minutes_since(session.started_at, now),
        "note": _("A conversation ladder: %(how_far)s.") % {"how_far": how_far(session, sets)},
    }
    return url("moments:add") + "?" + urlencode(query)


@dataclass(frozen=True)
class Turn:
    """The prompt a pair is on, as the session page shows it."""

    set_number: int  # 1-3
    set_title: str
    depth: str
    prompt_number: int  # 1-12
    prompts_in_set: int
    prompt: str
    you_first: bool
    new_set: bool  # the first prompt of a deeper set: a moment to pause


def turn_of(session: LadderSession, sets: tuple[PromptSet, ...]) -> Turn:
    """The prompt the pair are on, in the words of `sets` (the page's: `ladders.ladder(
    get_language())`; where a pair is does not depend on the language)."""
    place = place_of(session)
    prompt_set = sets[place.set_index]
    return Turn(
        set_number=place.set_index + 1,
        set_title=prompt_set.title,
        depth=prompt_set.depth,
        prompt_number=place.prompt_index + 1,
        prompts_in_set=len(prompt_set.prompts),
        prompt=prompt_set.prompts[place.prompt_index],
        you_first=ladders.first_to_answer(place, sets, session.starter) == 0,
        new_set=place.set_index > 0 and place.prompt_index == 0,
    )


class PersonName(NamedTuple):
    pk: int
    name: str


@dataclass(slots=True)
class SessionRow:
    """A ladder session as the pages show it, with its person's name, read as plain values:
    what the functions above read of a LadderSession, so they take either."""

    pk: int
    person_id: int
    person: PersonName
    starter: int
    set_index: int
    prompt_index: int
    answered: int
    passed: int
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None


def _sessions_read(user, session_id: int | None = None) -> Read:
    """The person's sessions with their people's names, newest first; only `session_id`
    when given."""
    quote = connection.ops.quote_name

    def column(model, name: str, alias: str) -> str:
        return f"{alias}.{quote(model._meta.get_field(name).column)}"

    def session(name: str) -> str:
        return column(LadderSession, name, "s")

    fields = ", ".join(
        [
            *(session(name) for name in ("id", "person", "starter", "set_index")),
            *(session(name) for name in ("prompt_index", "answered", "passed")),
            *(as_stored(session(name)) for name in ("started_at", "updated_at", "finished_at")),
            column(Person, "name", "p"),
        ]
    )
    person_id = column(Person, "id", "p")
    sql = (
        f"SELECT {fields} FROM {quote(LadderSession._meta.db_table)} s "
        f"JOIN {quote(Person._meta.db_table)} p ON {person_id} = {session('person')} "
        f"AND {column(Person, 'owner', 'p')} = {session('owner')} "
        f"WHERE {session('owner')} = %s"
    )
    if session_id is not None:
        return f"{sql} AND {session('id')} = %s", [user.pk, session_id]
    return f"{sql} ORDER BY {session('updated_at')} DESC, {session('id')} DESC", [user.pk]


def _session_rows(rows: list[tuple]) -> list[SessionRow]:
    return [
        SessionRow(
            pk,
            person_id,
            PersonName(person_id, name),
            starter,
            set_index,
            prompt_index,
            answered,
            passed,
            stored_time(started_at),
            stored_time(updated_at),
            stored_time(finished_at),
        )
        for (
            pk,
            person_id,
            starter,
            set_index,
            prompt_index,
            answered,
            passed,
            started_at,
            updated_at,
            finished_at,
            name,
        ) in rows
    ]


def session_row(user, session_id: int) -> SessionRow:
    """The person's ladder session `session_id` with its person's name, or 404."""
    if not is_row_id(session_id):
        raise Http404("No ladder session here.")
    (rows,) = read_together([_sessions_read(user, session_id)])
    if not rows:
        raise Http404("No ladder session here.")
    return _session_rows(rows)[0]


@dataclass(frozen=True)
class HistoryRow:
    session: SessionRow
    how_far: str
    finished: bool


@dataclass(frozen=True)
class PersonHistory:
    person: PersonName
    rows: list[HistoryRow]


def ladders_page(user) -> dict:
    """The ladders page's reads: the sessions to carry on, every session by person (the
    person whose last session is newest first), and the people to start one with (as
    `LadderForm` takes them). Two written-out queries, in one round trip."""
    sets = ladders.ladder()
    rows, people = read_together([_sessions_read(user), brave_services.people_read(user)])
    sessions = _session_rows(rows)
    in_progress = [(s, where(s, sets)) for s in sessions if not is_finished(s, sets)]
    by_person: dict[int, PersonHistory] = {}
    for session in sessions:
        history = by_person.setdefault(
            session.person_id, PersonHistory(person=session.person, rows=[])
        )
        history.rows.append(HistoryRow(session, how_far(session, sets), is_finished(session, sets)))
    for history in by_person.values():
        history.rows.sort(key=lambda row: (row.session.started_at, row.session.pk), reverse=True)
    return {"in_progress": in_progress, "histories": list(by_person.values()), "people": people}
