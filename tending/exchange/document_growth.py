"""Growth's kinds of the export: ladder sessions, brave steps, therapy sessions, goals and
their steps, and what is flagged to bring up at the next session. Plain data, no Django."""

from __future__ import annotations

from tending.exchange.document_fields import (
    KEY,
    SMALL,
    STAMPS,
    Field,
    Kind,
    flag,
    number,
    text,
    when,
)

AREAS = ("connection", "support", "body", "new", "self-compassion")  # tending.growth.goals
STATUSES = ("active", "paused", "done", "let-go")


def rating(name: str, nullable: bool = False, **more) -> Field:
    """0-100: how hard a step feels, how strongly a fear is believed."""
    return number(name, 0, 100, nullable=nullable, **more)


LADDER_SESSIONS = Kind(
    "ladder_sessions",
    (
        Field("person", "ref", target="people"),
        number("starter", 0, 1, default=0),
        number("set_index", 0, 3, default=0),
        number("prompt_index", 0, SMALL, default=0),
        number("answered", 0, SMALL, default=0),
        number("passed", 0, SMALL, default=0),
        when("started_at"),
        when("updated_at"),
        when("finished_at"),
    ),
    noun="ladder session",
)
BRAVE_STEPS = Kind(
    "brave_steps",
    (
        KEY,
        Field("text", "text", max_length=200),
        Field("person", "ref", default=None, nullable=True, target="people"),
        rating("hardness"),
        text("fear", 500),
        rating("belief", default=50),
        Field("added_on", "date"),
        flag("set_aside"),
        Field("done_on", "date", default=None, nullable=True),
        text("what_happened", 1000),
        rating("felt", nullable=True),
        Field("fear_came_true", "boolean", default=None, nullable=True),
        rating("belief_after", nullable=True),
        text("learned", 1000),
        *STAMPS,
    ),
    key_prefix="brave-step",
    noun="brave step",
)
THERAPY_SESSIONS = Kind(
    "therapy_sessions",
    (
        KEY,
        Field("held_on", "date"),
        text("with_whom", 80),
        text("notes", 10000),
        *STAMPS,
    ),
    key_prefix="session",
    noun="therapy session",
)
GOALS = Kind(
    "goals",
    (
        KEY,
        Field("title", "text", max_length=120),
        Field("area", "text", max_length=20, choices=AREAS),
        text("why", 1000),
        Field("target", "date", default=None, nullable=True),
        Field("status", "text", max_length=10, choices=STATUSES, default="active"),
        Field("people", "refs", default=(), target="people"),
        Field("brave_steps", "refs", default=(), target="brave_steps"),
        *STAMPS,
    ),
    key_prefix="goal",
    noun="goal",
)
GOAL_STEPS = Kind(
    "goal_steps",
    (
        Field("goal", "ref", target="goals"),
        Field("text", "text", max_length=200),
        Field("due", "date", default=None, nullable=True),
        Field("done_on", "date", default=None, nullable=True),
        Field("session", "ref", default=None, nullable=True, target="therapy_sessions"),
        when("created_at"),
    ),
    noun="goal step",
)
BRING_UPS = Kind(
    "bring_ups",
    (
        # Exactly one of the three (tending.exchange.checking).
        Field("entry", "ref", default=None, nullable=True, target="journal_entries"),
        Field("moment", "ref", default=None, nullable=True, target="moments"),
        Field("checkin", "ref", default=None, nullable=True, target="checkins"),
        text("note", 300),
        when("added_at"),
        Field("raised_in", "ref", default=None, nullable=True, target="therapy_sessions"),
    ),
    noun="thing to bring up",
)

GROWTH_KINDS = (LADDER_SESSIONS, BRAVE_STEPS, THERAPY_SESSIONS, GOALS, GOAL_STEPS, BRING_UPS)
