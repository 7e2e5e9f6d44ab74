"""Brave steps for the pages: the person's steps with their words and the hard-day pause,
read in one written-out query and sorted by the pure module; one step and the people it can
be toward, as plain values; and the few changes the pages make (write, take, set aside).

The reads are written-out SQL (filtered by owner) because building them through the ORM
cost the pages more than running them (docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection
from django.http import Http404
from django.utils.translation import gettext_lazy, ngettext_lazy

from tending.circle.models import Person
from tending.core.dates import stored_day, stored_time
from tending.core.ownership import is_row_id
from tending.core.reads import Read, as_stored, read_together
from tending.growth import brave, brave_chart, queries
from tending.growth.models import BraveStep

ALREADY_DONE = gettext_lazy("That step is already done, so it stays with your steps done.")


@dataclass(slots=True)
class ShownStep:
    """A step as a page shows it: the pure module's step and the words written with it."""

    step: brave.Step
    fear: str
    person: str | None  # the name of the one it is toward; None: closeness in general
    learned: str

    @property
    def easier_by(self) -> int | None:
        """How many points easier than expected it felt (below 0: harder)."""
        felt = self.step.felt
        return None if felt is None else self.step.hardness - felt


@dataclass(frozen=True)
class BravePage:
    offered: ShownStep | None
    paused_until: date | None
    open_steps: list[ShownStep]  # easiest first
    set_aside: list[ShownStep]  # easiest first
    done: list[ShownStep]  # newest first
    in_order_done: list[ShownStep]  # with an outcome, oldest first: the chart's order
    summary: str
    chart: brave_chart.PredictionChart | None

    @property
    def has_steps(self) -> bool:
        return bool(self.open_steps or self.set_aside or self.done)


def brave_read(user, today: date) -> tuple[list[ShownStep], date | None]:
    """All of the person's steps with their words (in no particular order), and the day of
    the newest hard-day check-in within the pause before `today` (as
    `queries.safety_fired_on`), or None: one written-out query.

    Through the ORM this was two queries whose building cost ten times their running."""
    with connection.cursor() as cursor:
        cursor.execute(_brave_sql(), [*queries.fired_cte_params(user, today), user.pk])
        rows = cursor.fetchall()
    fired = stored_time(rows[0][0]) if rows else None
    shown = []
    for row in rows:
        if row[1] is None:  # the one row of no steps
            continue
        step = queries.stored_step(row[1:11])
        fear, person, learned = row[11:14]
        shown.append(ShownStep(step, fear, person, learned))
    return shown, None if fired is None else fired.astimezone(user.zone).date()


@lru_cache(maxsize=1)
def _brave_sql() -> str:
    quote = connection.ops.quote_name

    def column(model, name: str, alias: str) -> str:
        return f"{alias}.{quote(model._meta.get_field(name).column)}"

    def step(name: str) -> str:
        return column(BraveStep, name, "s")

    fired = queries.fired_cte()  # the hard day, if any, as its one row
    fields = ", ".join(
        [
            step("id"),
            step("text"),
            step("hardness"),
            step("belief"),
            as_stored(step("added_on")),
            as_stored(step("done_on")),
            # As numbers: a bool column read from SQLite goes through a converter per value.
            f"CAST({step('set_aside')} AS INTEGER)",
            step("felt"),
            f"CAST({step('fear_came_true')} AS INTEGER)",
            step("belief_after"),
            step("fear"),
            column(Person, "name", "p"),
            step("learned"),
        ]
    )
    return (
        f"{fired}SELECT {as_stored('f.fired')}, {fields} FROM fired f "
        f"LEFT JOIN {quote(BraveStep._meta.db_table)} s ON {step('owner')} = %s "
        f"LEFT JOIN {quote(Person._meta.db_table)} p "
        f"ON {column(Person, 'id', 'p')} = {step('person')} "
        f"AND {column(Person, 'owner', 'p')} = {step('owner')}"
    )


def brave_page(user, today: date) -> BravePage:
    """Everything the brave steps page shows: one query, however many steps."""
    shown, fired_on = brave_read(user, today)
    steps = [item.step for item in shown]
    by_key = {item.step.key: item for item in shown}
    open_steps = [by_key[step.key] for step in brave.easiest_first(steps)]
    offered = brave.step_to_offer([item.step for item in open_steps], today, fired_on)
    until = brave.paused_until(fired_on)
    done = sorted(
        (item for item in shown if item.step.done_on is not None),
        key=lambda item: (item.step.done_on, item.step.key),
    )
    in_order_done = [item for item in done if item.step.has_outcome]
    done.reverse()  # newest first
    aside = [item for item in shown if item.step.set_aside and item.step.done_on is None]
    return BravePage(
        offered=None if offered is None else by_key[offered.key],
        paused_until=until if until is not None and today < until else None,
        open_steps=open_steps,
        set_aside=sorted(aside, key=lambda item: (item.step.hardness, item.step.key)),
        done=done,
        in_order_done=in_order_done,
        summary=brave.prediction_words(brave.predictions(steps)),
        chart=brave_chart.prediction_chart(
            [(item.step.hardness, item.step.felt) for item in in_order_done]
        ),
    )


@dataclass(slots=True)
class StepRow:
    """One step as its own pages show it (the form, what happened, deleting), as plain
    values: read in one written-out query, where the ORM cost more to build than to run."""

    pk: int
    text: str
    person_id: int | None
    hardness: int
    fear: str
    belief: int
    added_on: date
    done_on: date | None
    set_aside: bool
    what_happened: str
    felt: int | None
    fear_came_true: bool | None
    belief_after: int | None
    learned: str


# StepRow's columns, in its order.
_STEP_COLUMNS = (
    *("id", "text", "person", "hardness", "fear", "belief", "added_on", "done_on", "set_aside"),
    *("what_happened", "felt", "fear_came_true", "belief_after", "learned"),
)
_DAYS = _STEP_COLUMNS.index("added_on")  # and done_on after it


def _step_read(user, step_id: int) -> Read:
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return quote(BraveStep._meta.get_field(name).column)

    fields = [column(name) for name in _STEP_COLUMNS]
    for at in (_DAYS, _DAYS + 1):  # read as SQLite stores them: see as_stored
        fields[at] = as_stored(fields[at])
    sql = (
        f"SELECT {', '.join(fields)} FROM {quote(BraveStep._meta.db_table)} "
        f"WHERE {column('owner')} = %s AND {column('id')} = %s"
    )
    return sql, [user.pk, step_id]


def _as_step_row(rows: list[tuple]) -> StepRow:
    if not rows:
        raise Http404("No brave step here.")
    values = list(rows[0])
    values[_DAYS] = stored_day(values[_DAYS])
    values[_DAYS + 1] = stored_day(values[_DAYS + 1])
    return StepRow(*values)


def step_row(user, step_id: int) -> StepRow:
    """The person's step `step_id`, or 404 (another account's step is not there)."""
    if not is_row_id(step_id):
        raise Http404("No brave step here.")
    (rows,) = read_together([_step_read(user, step_id)])
    return _as_step_row(rows)


def step_and_people(user, step_id: int) -> tuple[StepRow, list[tuple[int, str]]]:
    """The person's step `step_id` (or 404) and the people it can be toward, as
    `brave_forms.people_to_choose` gives them, read together."""
    if not is_row_id(step_id):
        raise Http404("No brave step here.")
    rows, people = read_together([_step_read(user, step_id), people_read(user, step_id)])
    return _as_step_row(rows), people


def people_read(user, step_id: int | None = None) -> Read:
    """(id, name) of the person's active people by name, and the one step `step_id` names
    (kept even if they were archived since, so editing the step does not drop them)."""
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    sql = (
        f"SELECT {column(Person, 'id')}, {column(Person, 'name')} "
        f"FROM {quote(Person._meta.db_table)} WHERE {column(Person, 'owner')} = %s "
        f"AND (NOT {column(Person, 'is_archived')} OR {column(Person, 'id')} IN "
        f"(SELECT {column(BraveStep, 'person')} FROM {quote(BraveStep._meta.db_table)} "
        f"WHERE {column(BraveStep, 'owner')} = %s AND {column(BraveStep, 'id')} = %s)) "
        f"ORDER BY {column(Person, 'name')}, {column(Person, 'id')}"
    )
    return sql, [user.pk, user.pk, step_id]


# What a step's outcome says, by how it felt against what was expected and whether what was
# feared happened (None: no fear was written). Whole sentences, each with its count.
OUTCOMES = {
    ("same", None): gettext_lazy("It felt about as hard as you expected."),
    ("easier", None): ngettext_lazy(
        "It felt %(points)d point easier than you expected.",
        "It felt %(points)d points easier than you expected.",
        "points",
    ),
    ("harder", None): ngettext_lazy(
        "It felt %(points)d point harder than you expected.",
        "It felt %(points)d points harder than you expected.",
        "points",
    ),
    ("same", True): gettext_lazy(
        "It felt about as hard as you expected, and what you feared did happen."
    ),
    ("easier", True): ngettext_lazy(
        "It felt %(points)d point easier than you expected, and what you feared did happen.",
        "It felt %(points)d points easier than you expected, and what you feared did happen.",
        "points",
    ),
    ("harder", True): ngettext_lazy(
        "It felt %(points)d point harder than you expected, and what you feared did happen.",
        "It felt %(points)d points harder than you expected, and what you feared did happen.",
        "points",
    ),
    ("same", False): gettext_lazy(
        "It felt about as hard as you expected, and what you feared did not happen."
    ),
    ("easier", False): ngettext_lazy(
        "It felt %(points)d point easier than you expected, and what you feared did not happen.",
        "It felt %(points)d points easier than you expected, and what you feared did not happen.",
        "points",
    ),
    ("harder", False): ngettext_lazy(
        "It felt %(points)d point harder than you expected, and what you feared did not happen.",
        "It felt %(points)d points harder than you expected, and what you feared did not happen.",
        "points",
    ),
}


def outcome_words(expected: int, felt: int, fear_came_true: bool | None) -> str:
    """What a step's outcome says, plainly: "It felt 30 points easier than you expected, and
    what you feared did not happen." Never a verdict."""
    points = abs(expected - felt)
    way = "same" if points == 0 else ("easier" if felt < expected else "harder")
    said = OUTCOMES[way, fear_came_true]
    return str(said) if way == "same" else said % {"points": points}


def write_step(user, *, today: date, **fields) -> BraveStep:
    """A new step of the person's, written today (in their zone)."""
    return BraveStep.objects.create(owner=user, added_on=today, **fields)


def change_step(step: BraveStep, **fields) -> BraveStep:
    for name, value in fields.items():
        setattr(step, name, value)
    step.save()
    return step


def record_outcome(step: BraveStep, **fields) -> str:
    """Keep what happened; a step set aside and then taken is simply done. Returns the
    comparison in words, for the message after saving."""
    fields.setdefault("fear_came_true", None)
    fields.setdefault("belief_after", None)
    change_step(step, set_aside=False, **fields)
    return outcome_words(step.hardness, step.felt, step.fear_came_true)


def toggle_aside(step: BraveStep) -> bool:
    """ "Too much right now", or back again: no penalty either way. Returns the new state."""
    step.set_aside = not step.set_aside
    step.save(update_fields=["set_aside", "updated_at"])
    return step.set_aside


def texts_written(user) -> set[str]:
    """The words of the person's steps still to take or set aside, to mark ideas taken: one
    written-out query."""
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return quote(BraveStep._meta.get_field(name).column)

    sql = (
        f"SELECT {column('text')} FROM {quote(BraveStep._meta.db_table)} "
        f"WHERE {column('owner')} = %s AND {column('done_on')} IS NULL"
    )
    (rows,) = read_together([(sql, [user.pk])])
    return {text for (text,) in rows}


def starter_step(
    barrier_key: str, index: int, language: str | None = None
) -> brave.StarterStep | None:
    """One of tending's starter steps, by its barrier and place, in `language` (the page's);
    None if there is none."""
    for barrier in brave.starter_steps(language):
        if barrier.key == barrier_key and 0 <= index < len(barrier.steps):
            return barrier.steps[index]
    return None


def starters_taken(written: set[str]) -> set[tuple[str, int]]:
    """The starters (barrier key, place) already among the person's steps still to take, in
    any language the person read them in: `written` as texts_written gives it."""
    return {
        (barrier.key, index)
        for barriers in brave.starter_languages().values()
        for barrier in barriers
        for index, step in enumerate(barrier.steps)
        if step.text in written
    }
