"""The goal pages' reads as written-out SQL: a goal with what its form offers, and a goal with
its steps, people and brave steps, each in one round trip as plain values.

Building each of these reads through the ORM cost the page more than running it (four or
five queries, 0.2-0.4 ms of Python each), and the form's sixty people and sixty brave steps
were made into models only to be written out as checkboxes. Every read is filtered by owner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection

from tending.circle.models import Person
from tending.core.dates import stored_day, stored_time
from tending.core.ownership import is_row_id
from tending.core.reads import Read, as_stored, read_together
from tending.core.reads import column as _column
from tending.core.reads import table as _table
from tending.growth import goals
from tending.growth.dates import day_writer
from tending.growth.models import BraveStep, Goal, GoalStep, TherapySession

GOAL_FIELDS = tuple(field.attname for field in Goal._meta.concrete_fields)
_GOAL_COLUMNS = tuple(field.column for field in Goal._meta.concrete_fields)
_DAYS = ("target",)
_TIMES = ("created_at", "updated_at")
NO_GOAL = 0  # a goal id no row has: a new goal has no people or brave steps yet


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _links(name: str) -> tuple[str, str, str]:
    """The table of a goal's many-to-many field, its goal column and its other column."""
    field = Goal._meta.get_field(name)
    return (
        _quote(field.m2m_db_table()),
        _quote(field.m2m_column_name()),
        _quote(field.m2m_reverse_name()),
    )


@lru_cache(maxsize=1)
def _goal_sql() -> str:
    def column(attname: str, name: str) -> str:
        return as_stored(_quote(name)) if attname in _DAYS or attname in _TIMES else _quote(name)

    columns = ", ".join(column(*pair) for pair in zip(GOAL_FIELDS, _GOAL_COLUMNS, strict=True))
    return (
        f"SELECT {columns} FROM {_table(Goal)} "
        f"WHERE {_column(Goal, 'id')} = %s AND {_column(Goal, 'owner')} = %s"
    )


def _goal(row: tuple) -> Goal:
    """A goal made from its row as the ORM would have made it: a stored row, ready to save."""
    values = dict(zip(GOAL_FIELDS, row, strict=True))
    for name in _DAYS:
        values[name] = stored_day(values[name])
    for name in _TIMES:
        values[name] = stored_time(values[name])
    return Goal.from_db(connection.alias, GOAL_FIELDS, [values[name] for name in GOAL_FIELDS])


# The form: what can be chosen, and what the goal has chosen.


@dataclass(frozen=True)
class GoalChoices:
    """What a goal's form offers, as (id, words) pairs in the order shown, and what the goal
    already holds (ids; nothing for a new goal)."""

    people: list[tuple[int, str]]
    brave_steps: list[tuple[int, str]]
    chosen_people: list[int]
    chosen_brave_steps: list[int]


@lru_cache(maxsize=1)
def _choice_sqls() -> tuple[str, str]:
    # Each row joined to its link with the goal, if any (one step down the links' unique
    # (goal, row) index): as quick as reading the rows alone, where `IN (…)` took twice that.
    # (One query for both kinds, each in its own order, took longer than the two.)
    links, goal_column, person_column = _links("people")
    person = _column(Person, "id")
    # As circle.queries.people_to_choose: the active people, and archived ones already chosen.
    people = (
        f"SELECT p.{person}, p.{_column(Person, 'name')}, k.{person_column} IS NOT NULL "
        f"FROM {_table(Person)} p LEFT OUTER JOIN {links} k "
        f"ON k.{person_column} = p.{person} AND k.{goal_column} = %s "
        f"WHERE p.{_column(Person, 'owner')} = %s "
        f"AND (NOT p.{_column(Person, 'is_archived')} OR k.{person_column} IS NOT NULL) "
        f"ORDER BY p.{_column(Person, 'name')}, p.{person}"
    )
    links, goal_column, step_column = _links("brave_steps")
    step = _column(BraveStep, "id")
    steps = (
        f"SELECT s.{step}, s.{_column(BraveStep, 'text')}, k.{step_column} IS NOT NULL "
        f"FROM {_table(BraveStep)} s LEFT OUTER JOIN {links} k "
        f"ON k.{step_column} = s.{step} AND k.{goal_column} = %s "
        f"WHERE s.{_column(BraveStep, 'owner')} = %s "
        f"ORDER BY s.{_column(BraveStep, 'added_on')}, s.{step}"
    )
    return people, steps


def _choice_reads(user_id: int, goal_id: int) -> list[Read]:
    people, steps = _choice_sqls()
    return [(people, [goal_id, user_id]), (steps, [goal_id, user_id])]


def _choices(people_rows: list[tuple], step_rows: list[tuple]) -> GoalChoices:
    return GoalChoices(
        people=[(pk, name) for pk, name, _ in people_rows],
        brave_steps=[(pk, text) for pk, text, _ in step_rows],
        chosen_people=[pk for pk, _, chosen in people_rows if chosen],
        chosen_brave_steps=[pk for pk, _, chosen in step_rows if chosen],
    )


def goal_choices(user, goal: Goal | None = None) -> GoalChoices:
    """What the form of `goal` (or of a new goal) offers, and what the goal holds."""
    goal_id = goal.pk if goal is not None and goal.pk else NO_GOAL
    return _choices(*read_together(_choice_reads(user.pk, goal_id)))


def goal_with_choices(user, goal_id) -> tuple[Goal, GoalChoices] | None:
    """One of the person's goals with what its form offers, in one round trip; None when
    they have no such goal."""
    if not is_row_id(goal_id):  # beyond a 64-bit integer, SQLite would refuse it
        return None
    found, people_rows, step_rows = read_together(
        [(_goal_sql(), [goal_id, user.pk]), *_choice_reads(user.pk, goal_id)]
    )
    if not found:
        return None
    return _goal(found[0]), _choices(people_rows, step_rows)


# A goal's page.


@dataclass(frozen=True)
class StepRow:
    pk: int
    text: str
    due: date | None
    done_on: date | None
    waiting: bool  # its day has passed: "whenever you're ready", never "overdue"
    session_id: int | None
    session_on: date | None


@dataclass(frozen=True)
class GoalPage:
    goal: Goal
    steps: list[StepRow]
    progress: str
    people: list[tuple[int, str]]
    brave_steps: list[tuple[int, str, str]]  # id, text, the day it was done ("2 March") or ""


@lru_cache(maxsize=1)
def _page_sqls() -> tuple[str, str, str]:
    session = _table(TherapySession)
    steps = (
        f"SELECT s.{_column(GoalStep, 'id')}, s.{_column(GoalStep, 'text')}, "
        f"{as_stored('s.' + _column(GoalStep, 'due'))}, "
        f"{as_stored('s.' + _column(GoalStep, 'done_on'))}, s.{_column(GoalStep, 'session')}, "
        f"{as_stored('t.' + _column(TherapySession, 'held_on'))} "
        f"FROM {_table(GoalStep)} s LEFT OUTER JOIN {session} t "
        f"ON t.{_column(TherapySession, 'id')} = s.{_column(GoalStep, 'session')} "
        f"AND t.{_column(TherapySession, 'owner')} = s.{_column(GoalStep, 'owner')} "
        f"WHERE s.{_column(GoalStep, 'owner')} = %s AND s.{_column(GoalStep, 'goal')} = %s "
        f"ORDER BY s.{_column(GoalStep, 'id')}"
    )
    people_links, goal_column, person_column = _links("people")
    pk = _column(Person, "id")
    people = (
        f"SELECT {pk}, {_column(Person, 'name')} FROM {_table(Person)} "
        f"WHERE {_column(Person, 'owner')} = %s AND {pk} IN "
        f"(SELECT {person_column} FROM {people_links} WHERE {goal_column} = %s) "
        f"ORDER BY {_column(Person, 'name')}, {pk}"
    )
    step_links, goal_column, step_column = _links("brave_steps")
    pk = _column(BraveStep, "id")
    brave_steps = (
        f"SELECT {pk}, {_column(BraveStep, 'text')}, "
        f"{as_stored(_column(BraveStep, 'done_on'))} FROM {_table(BraveStep)} "
        f"WHERE {_column(BraveStep, 'owner')} = %s AND {pk} IN "
        f"(SELECT {step_column} FROM {step_links} WHERE {goal_column} = %s) "
        f"ORDER BY {_column(BraveStep, 'added_on')}, {pk}"
    )
    return steps, people, brave_steps


def _day_words(stored, write: Callable[[date], str]) -> str:
    """A stored day as `date("j F")` writes it ("2 March", "2. März"), or "" for none."""
    day = stored_day(stored)
    return "" if day is None else write(day)


def goal_page_for(user, goal_id, today: date) -> GoalPage | None:
    """One of the person's goals with its steps, people and brave steps, in one round trip;
    None when they have no such goal."""
    if not is_row_id(goal_id):
        return None
    steps_sql, people_sql, brave_sql = _page_sqls()
    me = user.pk
    found, step_rows, people, brave_rows = read_together(
        [
            (_goal_sql(), [goal_id, me]),
            (steps_sql, [me, goal_id]),
            (people_sql, [me, goal_id]),
            (brave_sql, [me, goal_id]),
        ]
    )
    if not found:
        return None
    goal = _goal(found[0])
    steps = []
    for pk, text, due, done_on, session_id, session_on in step_rows:
        due, done_on = stored_day(due), stored_day(done_on)
        waiting = done_on is None and due is not None and due < today
        steps.append(StepRow(pk, text, due, done_on, waiting, session_id, stored_day(session_on)))
    plain = goals.Goal(
        key=goal.pk,
        title=goal.title,
        area=goal.area,
        steps=tuple(goals.GoalStep(s.pk, s.text, s.due, s.done_on) for s in steps),
    )
    write = day_writer("j F")  # looked up once, not at every date the template writes
    brave_steps = [(pk, text, _day_words(done_on, write)) for pk, text, done_on in brave_rows]
    return GoalPage(goal, steps, goals.progress_words(plain), people, brave_steps)
