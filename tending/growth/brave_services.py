"""Brave steps for the pages: the person's steps with their words, read in one query and
sorted by the pure module, and the few changes the pages make (write, take, set aside)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tending.core.ownership import owned
from tending.growth import brave, brave_chart, queries
from tending.growth.models import BraveStep

WORD_FIELDS = ("fear", "person__name", "what_happened", "learned")


@dataclass(frozen=True)
class ShownStep:
    """A step as a page shows it: the pure module's step and the words written with it."""

    step: brave.Step
    fear: str
    person: str | None  # the name of the one it is toward; None: closeness in general
    what_happened: str
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


def shown_steps(user) -> list[ShownStep]:
    """All of the person's steps with their words, in the order written: one query."""
    rows = owned(BraveStep, user).order_by("added_on", "id")
    found = rows.values(*queries.STEP_FIELDS, *WORD_FIELDS)
    return [
        ShownStep(
            step=queries.as_step(row),
            fear=row["fear"],
            person=row["person__name"],
            what_happened=row["what_happened"],
            learned=row["learned"],
        )
        for row in found
    ]


def brave_page(user, today: date) -> BravePage:
    """Everything the brave steps page shows: two queries, however many steps."""
    shown = shown_steps(user)
    by_key = {item.step.key: item for item in shown}
    steps = [item.step for item in shown]
    offered, paused_until = queries.step_offer(user, today, steps)
    done = [item for item in shown if item.step.done_on is not None]
    in_order_done = sorted(
        (item for item in done if item.step.has_outcome),
        key=lambda item: (item.step.done_on, item.step.key),
    )
    aside = [item for item in shown if item.step.set_aside and item.step.done_on is None]
    return BravePage(
        offered=None if offered is None else by_key[offered.key],
        paused_until=paused_until,
        open_steps=[by_key[step.key] for step in brave.easiest_first(steps)],
        set_aside=sorted(aside, key=lambda item: (item.step.hardness, item.step.key)),
        done=sorted(done, key=lambda item: (item.step.done_on, item.step.key), reverse=True),
        in_order_done=in_order_done,
        summary=brave.prediction_words(brave.predictions(steps)),
        chart=brave_chart.prediction_chart(
            [(item.step.hardness, item.step.felt) for item in in_order_done]
        ),
    )


def outcome_words(expected: int, felt: int, fear_came_true: bool | None) -> str:
    """What a step's outcome says, plainly: "It felt 30 points easier than you expected, and
    what you feared did not happen." Never a verdict."""
    points = abs(expected - felt)
    if points == 0:
        compared = "It felt about as hard as you expected"
    else:
        way = "easier" if felt < expected else "harder"
        compared = f"It felt {points} point{'' if points == 1 else 's'} {way} than you expected"
    if fear_came_true is None:  # no fear was written for this step
        return f"{compared}."
    feared = "did happen" if fear_came_true else "did not happen"
    return f"{compared}, and what you feared {feared}."


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
    """The words of the person's steps still to take or set aside, to mark ideas taken."""
    found = owned(BraveStep, user).filter(done_on=None).values_list("text", flat=True)
    return set(found)


def starter_step(barrier_key: str, index: int) -> brave.StarterStep | None:
    """One of tending's starter steps, by its barrier and place; None if there is none."""
    for barrier in brave.starter_steps():
        if barrier.key == barrier_key and 0 <= index < len(barrier.steps):
            return barrier.steps[index]
    return None
