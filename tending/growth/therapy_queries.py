"""The therapy companion's reads: the things flagged to bring up (what each is, in words), the
sessions and their homework (the summary for the next session: therapy_summary.py).

Each page's rows are read as plain values through written-out SQL, all of a page's reads in
one round trip (`tending.core.reads`): through the ORM, building the queries and their rows
cost the pages more than the database took to answer them (docs/performance.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from tending.checkins.models import CheckIn
from tending.checkins.registry import shown_instrument
from tending.checkins.templating import score
from tending.core.date_format import format_date
from tending.core.dates import stored_day, stored_time
from tending.core.jinja import addresses
from tending.core.ownership import is_row_id
from tending.core.reads import Read, as_stored, read_together
from tending.core.reads import column as _column
from tending.core.reads import table as _table
from tending.core.text import cut
from tending.core.words import and_list, and_words
from tending.growth.models import BringUp, Goal, GoalStep, TherapySession
from tending.journal.models import Entry, heading
from tending.moments.models import Moment

EXCERPT_CHARS = 160
FIRST_LINE_CHARS = 120
OPEN_GOALS = ("active", "paused")  # the goals homework can be given to


@dataclass(frozen=True)
class Flagged:
    """One thing on the list: what it is, in words, and where it is."""

    pk: int
    kind: str  # "entry", "moment" or "checkin"
    label: str  # "Journal: A hard Sunday", "A moment with Sam", "Mood check: 12"
    when: str
    href: str
    note: str
    excerpt: str  # the entry's first words, the moment's note, or the check-in's band
    raised_in: int | None


@lru_cache(maxsize=2)
def _flags_sql(in_session: bool) -> tuple[str, str]:
    """The flags waiting (and, `in_session`, those raised in one session), oldest first, with
    what each points at; and the names of the people of the moments among them, by name."""

    def b(name: str) -> str:
        return _column(BringUp, name, "b")

    which = f"{b('owner')} = %s AND ({b('raised_in')} IS NULL" + (
        f" OR {b('raised_in')} = %s)" if in_session else ")"
    )
    flags = (
        f"SELECT {b('id')}, {b('note')}, {b('raised_in')}, "
        f"{b('entry')}, {_column(Entry, 'title', 'e')}, "
        f"{as_stored(_column(Entry, 'written_on', 'e'))}, {_column(Entry, 'body_plain', 'e')}, "
        f"{b('moment')}, {as_stored(_column(Moment, 'occurred_at', 'm'))}, "
        f"{_column(Moment, 'note', 'm')}, "
        f"{b('checkin')}, {_column(CheckIn, 'instrument_id', 'c')}, "
        f"{_column(CheckIn, 'total', 'c')}, {_column(CheckIn, 'band_label', 'c')}, "
        f"{as_stored(_column(CheckIn, 'taken_at', 'c'))} "
        f"FROM {_table(BringUp)} b "
        # Each joined row must be the flag's owner's too (the ownership rule, twice over).
        f"LEFT JOIN {_table(Entry)} e ON {_column(Entry, 'id', 'e')} = {b('entry')} "
        f"AND {_column(Entry, 'owner', 'e')} = {b('owner')} "
        f"LEFT JOIN {_table(Moment)} m ON {_column(Moment, 'id', 'm')} = {b('moment')} "
        f"AND {_column(Moment, 'owner', 'm')} = {b('owner')} "
        f"LEFT JOIN {_table(CheckIn)} c ON {_column(CheckIn, 'id', 'c')} = {b('checkin')} "
        f"AND {_column(CheckIn, 'owner', 'c')} = {b('owner')} "
        f"WHERE {which} AND COALESCE({_column(Entry, 'id', 'e')}, {_column(Moment, 'id', 'm')}, "
        f"{_column(CheckIn, 'id', 'c')}) IS NOT NULL ORDER BY {b('added_at')}, {b('id')}"
    )
    through = Moment.people.through
    person = through._meta.get_field("person").related_model
    moment_id, person_id = _column(through, "moment", "l"), _column(through, "person", "l")
    name = _column(person, "name", "p")
    people = (
        f"SELECT {moment_id}, {name} FROM {_table(through)} l "
        f"JOIN {_table(person)} p ON {_column(person, 'id', 'p')} = {person_id} "
        f"JOIN {_table(Moment)} m ON {_column(Moment, 'id', 'm')} = {moment_id} "
        f"AND {_column(person, 'owner', 'p')} = {_column(Moment, 'owner', 'm')} "
        f"WHERE {moment_id} IN (SELECT {b('moment')} FROM {_table(BringUp)} b "
        f"WHERE {which} AND {b('moment')} IS NOT NULL) "
        f"ORDER BY {name}, {person_id}"
    )
    return flags, people


def flags_reads(user_id: int, session_id: int | None = None) -> list[Read]:
    """The reads of `flags_from`: the flags waiting, and with `session_id` also those raised
    in that session."""
    flags, people = _flags_sql(session_id is not None)
    params = [user_id] if session_id is None else [user_id, session_id]
    return [(flags, params), (people, params)]


def flags_from(rows: list[tuple], people_rows: list[tuple]) -> list[Flagged]:
    """The flags of `flags_reads`, each said in words."""
    names: dict[int, list[str]] = {}
    for moment_id, name in people_rows:
        names.setdefault(moment_id, []).append(name)
    entry_at = addresses("journal:detail")
    moment_at = addresses("moments:detail")
    result_at = addresses("checkins:result")
    # The words looked up once for the whole list.
    journal_words, moment_words = _("Journal: %(title)s"), _("A moment with %(people)s")
    a_moment, listed = _("A moment"), and_words()
    checkin_words = _("%(checkin)s: %(score)s")
    found = []
    for (
        pk, note, raised_in,
        entry_id, title, written_on, body_plain,
        moment_id, occurred_at, moment_note,
        checkin_id, instrument_id, total, band_label, taken_at,
    ) in rows:  # fmt: skip
        if entry_id:
            day = stored_day(written_on)
            kind = "entry"
            label = journal_words % {"title": heading(title, day)}
            when = format_date(day, "j F Y")
            href = entry_at(entry_id)
            excerpt = cut(body_plain or "", EXCERPT_CHARS)
        elif moment_id:
            who = and_list(names.get(moment_id, []), listed)
            kind = "moment"
            label = moment_words % {"people": who} if who else a_moment
            when = format_date(timezone.localtime(stored_time(occurred_at)), "j F Y, H:i")
            href = moment_at(moment_id)
            excerpt = cut(moment_note or "", EXCERPT_CHARS)
        else:
            instrument = shown_instrument(instrument_id)
            kind = "checkin"
            label = checkin_words % {
                "checkin": instrument.title if instrument else instrument_id,
                "score": score(total),
            }
            when = format_date(timezone.localtime(stored_time(taken_at)), "j F Y")
            href = result_at(checkin_id)
            shown = instrument is not None and band_label
            excerpt = instrument.label_shown(band_label) if shown else band_label
        found.append(Flagged(pk, kind, label, when, href, note, excerpt, raised_in))
    return found


def offered_ids(user, session_id: int) -> list[int]:
    """The ids of the flags a session's page offers to tick: those waiting, and those raised
    in it."""
    (rows,) = read_together(flags_reads(user.pk, session_id)[:1])
    return [row[0] for row in rows]


def waiting(user) -> list[Flagged]:
    """What is on the list for next time: flagged and not yet talked about."""
    return flags_from(*read_together(flags_reads(user.pk)))


class SessionRow(NamedTuple):
    pk: int
    held_on: date
    with_whom: str
    first_line: str


def first_line(notes: str) -> str:
    """The first line of the notes with words on it, stripped and cut short. Every character
    that ends a line is also white space to strip(), so it is the first line of what is left
    once the white space at the start is gone."""
    text = notes.lstrip()
    if not text:
        return ""
    return cut(text.splitlines()[0].rstrip(), FIRST_LINE_CHARS)


@lru_cache(maxsize=1)
def _sessions_sql() -> str:
    def t(name: str) -> str:
        return _column(TherapySession, name)

    return (
        f"SELECT {t('id')}, {as_stored(t('held_on'))}, {t('with_whom')}, {t('notes')} "
        f"FROM {_table(TherapySession)} WHERE {t('owner')} = %s "
        f"ORDER BY {t('held_on')} DESC, {t('id')} DESC"
    )


def sessions_from(rows: Iterable[tuple]) -> list[SessionRow]:
    return [SessionRow(pk, stored_day(on), who, first_line(notes)) for pk, on, who, notes in rows]


def therapy_page(user) -> tuple[list[Flagged], list[SessionRow]]:
    """The therapy page's list for next time and its sessions, newest first: one round trip."""
    flags, people, sessions = read_together([*flags_reads(user.pk), (_sessions_sql(), [user.pk])])
    return flags_from(flags, people), sessions_from(sessions)


def sessions(user) -> list[SessionRow]:
    (rows,) = read_together([(_sessions_sql(), [user.pk])])
    return sessions_from(rows)


HOMEWORK_KEYS = ("id", "text", "due", "done_on", "goal_id", "goal__title", "session__held_on")


@lru_cache(maxsize=4)
def _homework_sql(which: str) -> str:
    def s(name: str) -> str:
        return _column(GoalStep, name, "s")

    held_on = _column(TherapySession, "held_on", "t")
    return (
        f"SELECT {s('id')}, {s('text')}, {as_stored(s('due'))}, {as_stored(s('done_on'))}, "
        f"{s('goal')}, {_column(Goal, 'title', 'g')}, {as_stored(held_on)} "
        f"FROM {_table(GoalStep)} s "
        f"JOIN {_table(Goal)} g ON {_column(Goal, 'id', 'g')} = {s('goal')} "
        f"AND {_column(Goal, 'owner', 'g')} = {s('owner')} "
        f"JOIN {_table(TherapySession)} t ON {_column(TherapySession, 'id', 't')} = {s('session')} "
        f"AND {_column(TherapySession, 'owner', 't')} = {s('owner')} "
        f"WHERE {s('owner')} = %s AND {which.format(**{n: s(n) for n in ('session', 'done_on')})} "
        f"ORDER BY {held_on}, {s('id')}"
    )


def session_homework_read(user_id: int, session_id: int) -> Read:
    """Homework given in one session, in the order given."""
    return _homework_sql("{session} = %s"), [user_id, session_id]


def open_homework_read(user_id: int, since: date, last_id: int | None) -> Read:
    """Homework (goal steps given in a session) not done, or done after `since`, and all of
    the session `last_id`'s, in the order given."""
    if last_id is None:
        return _homework_sql("({done_on} IS NULL OR {done_on} > %s)"), [user_id, since]
    return (
        _homework_sql("({done_on} IS NULL OR {done_on} > %s OR {session} = %s)"),
        [user_id, since, last_id],
    )


def homework_from(rows: Iterable[tuple]) -> list[dict]:
    return [
        {
            "id": pk,
            "text": text,
            "due": stored_day(due),
            "done_on": stored_day(done_on),
            "goal_id": goal_id,
            "goal__title": goal_title,
            "session__held_on": stored_day(held_on),
        }
        for pk, text, due, done_on, goal_id, goal_title, held_on in rows
    ]


@lru_cache(maxsize=1)
def _goals_sql() -> str:
    return (
        f"SELECT {_column(Goal, 'id')}, {_column(Goal, 'title')} FROM {_table(Goal)} "
        f"WHERE {_column(Goal, 'owner')} = %s AND {_column(Goal, 'status')} IN (%s, %s) "
        f"ORDER BY {_column(Goal, 'title')}, {_column(Goal, 'id')}"
    )


def open_goals_read(user_id: int) -> Read:
    """(id, title) of the goals homework can be given to, by title."""
    return _goals_sql(), [user_id, *OPEN_GOALS]


@lru_cache(maxsize=1)
def _session_sql() -> str:
    def t(name: str) -> str:
        return _column(TherapySession, name)

    return (
        f"SELECT {t('id')}, {as_stored(t('held_on'))}, {t('with_whom')}, {t('notes')} "
        f"FROM {_table(TherapySession)} WHERE {t('id')} = %s AND {t('owner')} = %s"
    )


@dataclass(frozen=True)
class SessionPage:
    session: TherapySession
    offered: list[Flagged]  # waiting, or raised in this session
    homework: list[dict]
    goals: list[tuple[int, str]]  # (id, title) of the goals homework can go to


def session_page(user, session_id) -> SessionPage | None:
    """One of the person's sessions with what its page offers, in one round trip; None when
    they have no such session."""
    if not is_row_id(session_id):  # beyond a 64-bit integer, SQLite would refuse it
        return None
    found, flags, people, homework, goals = read_together(
        [
            (_session_sql(), [session_id, user.pk]),
            *flags_reads(user.pk, session_id),
            session_homework_read(user.pk, session_id),
            open_goals_read(user.pk),
        ]
    )
    if not found:
        return None
    pk, held_on, with_whom, notes = found[0]
    session = TherapySession(
        id=pk, owner_id=user.pk, held_on=stored_day(held_on), with_whom=with_whom, notes=notes
    )
    return SessionPage(session, flags_from(flags, people), homework_from(homework), goals)
