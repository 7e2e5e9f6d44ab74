"""Growth's reads shared by its pages, Today and the weekly review: rows as the pure modules'
plain values, whether brave steps rest after a hard day, and Growth's front page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.db import connection

from tending.checkins.models import CheckIn
from tending.circle.models import Person
from tending.core.dates import stored_day, stored_time
from tending.core.ownership import owned
from tending.core.reads import as_stored, read_together
from tending.growth import brave, goals
from tending.growth.models import BraveStep, BringUp, Goal, GoalStep, LadderSession

STEP_FIELDS = (
    "id",
    "text",
    "hardness",
    "belief",
    "added_on",
    "done_on",
    "set_aside",
    "felt",
    "fear_came_true",
    "belief_after",
)


def as_step(row: dict) -> brave.Step:
    return brave.Step(
        key=row["id"],
        text=row["text"],
        hardness=row["hardness"],
        belief=row["belief"],
        added_on=row["added_on"],
        done_on=row["done_on"],
        set_aside=row["set_aside"],
        felt=row["felt"],
        fear_came_true=row["fear_came_true"],
        belief_after=row["belief_after"],
    )


def brave_steps(user) -> list[brave.Step]:
    """All of the person's brave steps, as the pure module's steps, in the order written."""
    rows = owned(BraveStep, user).order_by("added_on", "id").values(*STEP_FIELDS)
    return [as_step(row) for row in rows]


def safety_fired_on(user, today: date) -> date | None:
    """The day (in the person's zone) of the newest check-in whose safety rule fired within
    the pause before `today`, or None: steps are not offered for a week after one."""
    since = datetime.combine(today - timedelta(days=brave.PAUSE_DAYS), time(), user.zone)
    taken = (
        owned(CheckIn, user)
        .filter(safety_fired=True, taken_at__gte=since)
        .order_by("-taken_at")
        .values_list("taken_at", flat=True)
        .first()
    )
    return None if taken is None else taken.astimezone(user.zone).date()


def step_offer(user, today: date) -> tuple[brave.Step | None, date | None]:
    """The brave step to offer today (or None), and until when steps rest (or None): the
    hard day and the steps in one written-out read, as the front page reads them."""
    fired_on, steps = _fired_and_steps(user, today)
    until = brave.paused_until(fired_on)
    if until is not None and today < until:
        return None, until
    return brave.step_to_offer(steps, today), None


def _fired_and_steps(user, today: date) -> tuple[date | None, list[brave.Step]]:
    """As safety_fired_on() and brave_steps() give them, in one query."""
    steps_sql, _, _ = _front_page_sqls()
    (rows,) = read_together([(steps_sql, [*fired_cte_params(user, today), user.pk])])
    return _fired_and_steps_of(user, rows)


def _fired_and_steps_of(user, rows: list[tuple]) -> tuple[date | None, list[brave.Step]]:
    fired = stored_time(rows[0][0]) if rows else None
    # The first column is the hard day; a step's columns follow (none when there are none).
    steps = [stored_step(row[1:11]) for row in rows if row[1] is not None]
    return (None if fired is None else fired.astimezone(user.zone).date()), steps


def goals_with_steps(user, statuses: tuple[str, ...] = tuple(goals.STATUSES)) -> list[goals.Goal]:
    """The person's goals of these statuses, each with its steps (in the order added), as the
    pure module's goals, newest goal first. Two queries."""
    rows = list(
        owned(Goal, user)
        .filter(status__in=statuses)
        .order_by("-created_at", "-id")
        .values("id", "title", "area", "why", "target", "status")
    )
    steps: dict[int, list[goals.GoalStep]] = {row["id"]: [] for row in rows}
    found = (
        owned(GoalStep, user)
        .filter(goal_id__in=list(steps))
        .order_by("id")
        .values_list("goal_id", "id", "text", "due", "done_on")
    )
    for goal_id, pk, text, due, done_on in found:
        steps[goal_id].append(goals.GoalStep(pk, text, due, done_on))
    return [
        goals.Goal(
            key=row["id"],
            title=row["title"],
            area=row["area"],
            why=row["why"],
            target=row["target"],
            status=row["status"],
            steps=tuple(steps[row["id"]]),
        )
        for row in rows
    ]


# Growth's front page: everything it shows, as written-out SQL in one round trip.


@dataclass(frozen=True)
class FrontPage:
    """What Growth's front page shows beside its fixed words."""

    steps: list[brave.Step]  # every brave step, as brave_steps() gives them
    fired_on: date | None  # as safety_fired_on()
    active: list[goals.Goal]  # as goals_with_steps(user, ("active",))
    ladder: dict | None  # the newest unfinished ladder: id, set_index, prompt_index, name
    waiting: int  # things to bring up at the next therapy session


def front_page(user, today: date) -> FrontPage:
    """The reads of Growth's front page as plain values, each what the functions above (and
    the ORM's queries of the page before) gave: one round trip, where building six queries
    through the ORM cost the page several times what running them did."""
    me = user.pk
    steps_sql, goals_sql, ladder_sql = _front_page_sqls()
    step_rows, goal_rows, ladder_rows = read_together(
        [
            (steps_sql, [*fired_cte_params(user, today), me]),
            (goals_sql, [me, *_statuses(("active",)), me]),
            (ladder_sql, [me, me]),
        ]
    )
    fired_on, steps = _fired_and_steps_of(user, step_rows)
    return FrontPage(
        steps=steps,
        fired_on=fired_on,
        active=_goals_of_rows(goal_rows),
        ladder=_ladder_of_rows(ladder_rows),
        waiting=ladder_rows[0][0] if ladder_rows else 0,
    )


def all_goals(user) -> list[goals.Goal]:
    """Every goal of the person with its steps, as goals_with_steps(user) gives them, in one
    written-out query (the goals page: two ORM queries cost it more than their rows)."""
    _, goals_sql, _ = _front_page_sqls()
    (rows,) = read_together([(goals_sql, [user.pk, *_statuses(tuple(goals.STATUSES)), user.pk])])
    return _goals_of_rows(rows)


def _statuses(chosen: tuple[str, ...]) -> list[str]:
    """The goals SQL's status parameters: the statuses chosen, the last repeated to fill."""
    return [*chosen, *[chosen[-1]] * (len(goals.STATUSES) - len(chosen))]


def _goals_of_rows(rows: list[tuple]) -> list[goals.Goal]:
    """Goals, newest first, each with its steps in the order added, from rows of a goal
    joined to each of its steps (or to none)."""
    found: dict[int, tuple[tuple, list[goals.GoalStep]]] = {}
    for pk, title, area, why, target, status, step_id, text, due, done_on in rows:
        if pk not in found:
            found[pk] = ((pk, title, area, why, stored_day(target), status), [])
        if step_id is not None:
            found[pk][1].append(goals.GoalStep(step_id, text, stored_day(due), stored_day(done_on)))
    return [
        goals.Goal(pk, title, area, why, target, status, tuple(steps))
        for (pk, title, area, why, target, status), steps in found.values()
    ]


def _ladder_of_rows(rows: list[tuple]) -> dict | None:
    if not rows or rows[0][1] is None:
        return None
    _, pk, set_index, prompt_index, name = rows[0]
    return {"id": pk, "set_index": set_index, "prompt_index": prompt_index, "name": name}


def stored_step(row) -> brave.Step:
    """A step from its STEP_FIELDS read by written-out SQL: days and flags as stored."""
    pk, text, hardness, belief, added_on, done_on, set_aside, felt, came_true, belief_after = row
    return brave.Step(
        pk, text, hardness, belief, stored_day(added_on), stored_day(done_on), bool(set_aside),
        felt, None if came_true is None else bool(came_true), belief_after,
    )  # fmt: skip


def fired_cte_params(user, today: date) -> list:
    """The parameters of fired_cte(), in its order."""
    since = datetime.combine(today - timedelta(days=brave.PAUSE_DAYS), time(), user.zone)
    return [user.pk, user.pk, user.pk, since, True]


@lru_cache(maxsize=1)
def fired_cte() -> str:
    """`WITH RECURSIVE …`: a table `fired` of one row, the newest time a check-in's safety
    rule fired since a brave step's pause began (NULL if none), for a query to follow.

    The person's instruments are found one index step each, then each one's days since then
    one step down the (owner, instrument, taken_at) index: filtered by owner and time alone,
    every check-in of the years was read. Its parameters: fired_cte_params()."""
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return f"c.{quote(CheckIn._meta.get_field(name).column)}"

    checkins = quote(CheckIn._meta.db_table)
    owner, kind, taken_at = column("owner"), column("instrument_id"), column("taken_at")
    return (
        f"WITH RECURSIVE kinds(kind) AS ("
        f"SELECT MIN({kind}) FROM {checkins} c WHERE {owner} = %s "
        f"UNION ALL SELECT (SELECT MIN({kind}) FROM {checkins} c "
        f"WHERE {owner} = %s AND {kind} > kinds.kind) FROM kinds WHERE kinds.kind IS NOT NULL), "
        f"fired AS (SELECT MAX({taken_at}) AS fired FROM kinds JOIN {checkins} c "
        f"ON {owner} = %s AND {kind} = kinds.kind AND {taken_at} >= %s "
        f"WHERE {column('safety_fired')} = %s) "
    )


@lru_cache(maxsize=1)
def _front_page_sqls() -> tuple[str, str, str]:
    quote = connection.ops.quote_name

    def column(model, name: str, alias: str) -> str:
        return f"{alias}.{quote(model._meta.get_field(name).column)}"

    def table(model) -> str:
        return quote(model._meta.db_table)

    fired = fired_cte()
    dated = ("added_on", "done_on")
    fields = ", ".join(
        as_stored(column(BraveStep, name, "s")) if name in dated else column(BraveStep, name, "s")
        for name in STEP_FIELDS
    )
    steps = (
        f"{fired}SELECT {as_stored('f.fired')}, {fields} FROM fired f "
        f"LEFT JOIN {table(BraveStep)} s ON {column(BraveStep, 'owner', 's')} = %s "
        f"ORDER BY {column(BraveStep, 'added_on', 's')}, {column(BraveStep, 'id', 's')}"
    )

    def goal(name: str) -> str:
        return column(Goal, name, "g")

    def step(name: str) -> str:
        return column(GoalStep, name, "s")

    goals_sql = (
        f"SELECT {goal('id')}, {goal('title')}, {goal('area')}, {goal('why')}, "
        f"{as_stored(goal('target'))}, {goal('status')}, {step('id')}, {step('text')}, "
        f"{as_stored(step('due'))}, {as_stored(step('done_on'))} FROM {table(Goal)} g "
        f"LEFT JOIN {table(GoalStep)} s ON {step('goal')} = {goal('id')} "
        f"AND {step('owner')} = %s "
        # A status of those asked for: STATUSES' length of them, repeated to fill if fewer.
        f"WHERE {goal('status')} IN ({', '.join(['%s'] * len(goals.STATUSES))}) "
        f"AND {goal('owner')} = %s "
        f"ORDER BY {goal('created_at')} DESC, {goal('id')} DESC, {step('id')}"
    )

    def ladder(name: str) -> str:
        return column(LadderSession, name, "l")

    # The things to bring up, counted, with the newest unfinished ladder (if any) beside.
    ladder_sql = (
        f"SELECT (SELECT COUNT(*) FROM {table(BringUp)} b "
        f"WHERE {column(BringUp, 'owner', 'b')} = %s "
        f"AND {column(BringUp, 'raised_in', 'b')} IS NULL), "
        f"n.id, n.set_index, n.prompt_index, n.name FROM (SELECT 1 AS one) o LEFT JOIN "
        f"(SELECT {ladder('id')} AS id, {ladder('set_index')} AS set_index, "
        f"{ladder('prompt_index')} AS prompt_index, {column(Person, 'name', 'p')} AS name "
        f"FROM {table(LadderSession)} l JOIN {table(Person)} p "
        f"ON {column(Person, 'id', 'p')} = {ladder('person')} "
        f"AND {column(Person, 'owner', 'p')} = {ladder('owner')} "
        f"WHERE {ladder('owner')} = %s AND {ladder('finished_at')} IS NULL "
        f"ORDER BY {ladder('updated_at')} DESC LIMIT 1) n ON 1 = 1"
    )
    return steps, goals_sql, ladder_sql
