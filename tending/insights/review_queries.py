"""Reads for the weekly review: only that week's rows, each kind in one query."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from django.db import connection
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.registry import instruments, shown_instruments
from tending.circle.models import Person
from tending.core.dates import stored_day
from tending.core.reads import Read, as_stored, read_together
from tending.growth.models import BraveStep, Goal, GoalStep
from tending.insights import findings
from tending.insights.review import (
    CheckInRow,
    EntryRow,
    MomentRow,
    WeekReview,
    first_line,
    short_day,
    week_review,
)
from tending.insights.review_sql import column, day_bounds, local_day, table
from tending.insights.weeks import Week, reflection_prompt
from tending.journal.models import Entry, HiddenPrompt, heading
from tending.journal.prompts import library
from tending.moments.models import Moment
from tending.today.queries import first_overdue, overdue_read

SNIPPET = 300  # characters of an entry's words read for its first line
ONE = timedelta(days=1)


class StepTaken(NamedTuple):
    """A step toward a goal checked off, or a brave step taken, in the week."""

    brave: bool
    text: str
    goal: str  # the goal's title; empty for a brave step
    day: date

    @property
    def when(self) -> str:
        return short_day(self.day)


def goal_steps_read(user, week: Week) -> Read:
    return _steps_sql(), [user.pk, week.start, week.end, user.pk, week.start, week.end]


def goal_steps(user, week: Week, rows: list | None = None) -> list[StepTaken]:
    """The steps taken towards the person's goals this week, and their brave steps, in the
    order they were done."""
    if rows is None:
        (rows,) = read_together([goal_steps_read(user, week)])
    found = [
        StepTaken(bool(kind), text, goal or "", stored_day(day)) for kind, text, goal, day in rows
    ]
    return sorted(found, key=lambda s: (s.day, s.brave, s.text))


@lru_cache(maxsize=1)
def _steps_sql() -> str:
    return (
        f"SELECT 0, s.{column(GoalStep, 'text')}, g.{column(Goal, 'title')}, "
        f"s.{column(GoalStep, 'done_on')} FROM {table(GoalStep)} s JOIN {table(Goal)} g "
        f"ON g.{column(Goal, 'id')} = s.{column(GoalStep, 'goal')} "
        f"AND g.{column(Goal, 'owner')} = s.{column(GoalStep, 'owner')} "
        f"WHERE s.{column(GoalStep, 'owner')} = %s "
        f"AND s.{column(GoalStep, 'done_on')} BETWEEN %s AND %s "
        f"UNION ALL SELECT 1, {column(BraveStep, 'text')}, NULL, {column(BraveStep, 'done_on')} "
        f"FROM {table(BraveStep)} WHERE {column(BraveStep, 'owner')} = %s "
        f"AND {column(BraveStep, 'done_on')} BETWEEN %s AND %s"
    )


def moments_read(user, week: Week) -> Read:
    return _moments_sql(), [user.pk, *day_bounds(week.start, week.end)]


def moments_of(user, week: Week, rows: list | None = None) -> list[MomentRow]:
    """The week's moments with the names of the people in each, in one query (or from the
    rows of `moments_read`, read with the page's others)."""
    if rows is None:
        (rows,) = read_together([moments_read(user, week)])
    zone = timezone.get_current_timezone()
    found: dict[int, tuple] = {}  # a moment's row (one per person in it), and its people
    for row in rows:
        if row[0] not in found:
            found[row[0]] = (row, [])
        if row[2] is not None:
            found[row[0]][1].append((row[2].casefold(), row[3], row[2]))
    moments = []
    for (pk, when, _, _, *ratings), people in found.values():
        people.sort()
        names = tuple(name for _, _, name in people)
        ids = tuple(who for _, who, _ in people)
        moments.append(MomentRow(pk, local_day(when, zone), names, *ratings, person_ids=ids))
    return moments


def checkins_read(user, week: Week) -> Read:
    kinds = list(instruments())
    return _checkins_sql(len(kinds)), [user.pk, *kinds, *day_bounds(week.start, week.end)]


def checkins_of(user, week: Week, rows: list | None = None) -> list[CheckInRow]:
    """The week's check-ins, each with the score of the one of its kind taken before it."""
    if rows is None:
        (rows,) = read_together([checkins_read(user, week)])
    zone = timezone.get_current_timezone()
    return [
        CheckInRow(pk, kind, local_day(when, zone), total, previous)
        for pk, kind, when, total, previous in rows
    ]


# The reads are written out as SQL once: building them through the ORM cost the page more
# than the database spent answering them.
@lru_cache(maxsize=1)
def _moments_sql() -> str:
    m = {n: f"m.{column(Moment, n)}" for n in MOMENT_COLUMNS}
    through = Moment.people.through
    link_moment = column(through, "moment")
    link_person = column(through, "person")
    return (
        f"SELECT {m['id']}, {as_stored(m['occurred_at'])}, p.{column(Person, 'name')},"
        f" p.{column(Person, 'id')}, "
        f"{', '.join(m[n] for n in MOMENT_COLUMNS[2:])} FROM {table(Moment)} m"
        f" LEFT JOIN {table(through)} mp ON mp.{link_moment} = {m['id']}"
        f" LEFT JOIN {table(Person)} p ON p.{column(Person, 'id')} = mp.{link_person}"
        f" WHERE m.{column(Moment, 'owner')} = %s AND {m['occurred_at']} >= %s"
        f" AND {m['occurred_at']} < %s ORDER BY {m['occurred_at']}, {m['id']}"
    )


MOMENT_COLUMNS = (
    "id",
    "occurred_at",
    "felt_understood",
    "felt_safe",
    "closeness_after",
    "self_disclosure",
    "other_disclosure",
)


@lru_cache(maxsize=4)
def _checkins_sql(kinds: int) -> str:
    c = {n: column(CheckIn, n) for n in ("id", "instrument_id", "taken_at", "total", "owner")}
    # Naming every kind lets the (owner, kind, time) index find the week's rows directly,
    # rather than reading through every check-in ever taken.
    previous = (
        f"(SELECT p.{c['total']} FROM {table(CheckIn)} p WHERE p.{c['owner']} = c.{c['owner']}"
        f" AND p.{c['instrument_id']} = c.{c['instrument_id']}"
        f" AND p.{c['taken_at']} < c.{c['taken_at']}"
        f" ORDER BY p.{c['taken_at']} DESC, p.{c['id']} DESC LIMIT 1)"
    )
    marks = ", ".join(["%s"] * kinds)
    return (
        f"SELECT c.{c['id']}, c.{c['instrument_id']}, {as_stored('c.' + c['taken_at'])},"
        f" c.{c['total']},"
        f" {previous} FROM {table(CheckIn)} c WHERE c.{c['owner']} = %s"
        f" AND c.{c['instrument_id']} IN ({marks})"
        f" AND c.{c['taken_at']} >= %s AND c.{c['taken_at']} < %s"
    )


def entries_read(user, week: Week) -> Read:
    return _entries_sql(), [user.pk, week.start, week.end, user.pk]


def entries_and_hidden_prompts(
    user, week: Week, rows: list | None = None
) -> tuple[list[EntryRow], set[str]]:
    """The week's journal entries (title and first words) and the prompts the person hid."""
    if rows is None:
        (rows,) = read_together([entries_read(user, week)])
    entries, hidden = [], set()
    for kind, pk, title, day, words in rows:
        if kind == 1:
            hidden.add(title)
            continue
        day = date.fromisoformat(day) if isinstance(day, str) else day
        entries.append(EntryRow(pk, day, heading(title, day), first_line(words or "")))
    return entries, hidden


@lru_cache(maxsize=1)
def _entries_sql() -> str:
    entry, hidden = table(Entry), table(HiddenPrompt)
    owner = connection.ops.quote_name("owner_id")
    return (
        f"SELECT 0, {column(Entry, 'id')}, {column(Entry, 'title')}, "
        f"{column(Entry, 'written_on')}, SUBSTR({column(Entry, 'body_plain')}, 1, {SNIPPET}) "
        f"FROM {entry} WHERE {owner} = %s AND {column(Entry, 'written_on')} BETWEEN %s AND %s"
        f" UNION ALL SELECT 1, NULL, {column(HiddenPrompt, 'prompt_id')}, NULL, NULL "
        f"FROM {hidden} WHERE {owner} = %s"
    )


def most_overdue(user, today: date, rows: list | None = None):
    """The person most overdue for their rhythm now (Today's first suggestion), or None."""
    if rows is None:
        (rows,) = read_together([overdue_read(user)])
    return first_overdue(today, rows)


def review_for(user, week: Week, today: date) -> WeekReview:
    # Who is overdue is about now: asked only for the latest weeks, where it helps.
    recent = week.is_current or week.later is None or week.later + timedelta(days=7) > today
    reads = {
        "entries": entries_read(user, week),
        "moments": moments_read(user, week),
        "checkins": checkins_read(user, week),
        "state": findings.state_read(user),
        "steps": goal_steps_read(user, week),
        **({"people": overdue_read(user)} if recent else {}),
    }
    read = dict(zip(reads, read_together(list(reads.values())), strict=True))
    entries, hidden = entries_and_hidden_prompts(user, week, read["entries"])
    return week_review(
        moments_of(user, week, read["moments"]),
        checkins_of(user, week, read["checkins"]),
        entries,
        shown_instruments(),  # titles and bands in the page's language
        overdue=most_overdue(user, today, read["people"]) if recent else None,
        findings=findings.new_or_firmer(user, since=week.start, read=read),
        prompt=reflection_prompt(library(), week.start, hidden),
        goal_steps=goal_steps(user, week, read["steps"]),
    )
