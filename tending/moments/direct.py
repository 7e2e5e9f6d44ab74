"""`tending log` without Django: the same moment, written with Python's own sqlite3.

Used only when it can be sure (see `tending.core.direct`); every refusal, every message to
the person, is left to the Django path in `tending.moments.terminal`. What is written is
what `moments.services.log_moment` and the signals write, statement for statement: the
moment, its people (and each one's `last_moment_at`), its tags (made when new), in one
transaction; rows in the same order, times stored as Django stores them.
"""

from __future__ import annotations

import argparse
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.exceptions import ValidationError

from tending.core.direct import (
    NotSure,
    in_transaction,
    pick_account,
    run_quickly,
    stored_time,
)
from tending.core.tag_names import parse_tag_names, validate_tag_names
from tending.core.terminal_support import CommandError
from tending.core.terminal_words import terminal_language
from tending.moments.rules import NOTE_LIMIT, check_moment_time
from tending.moments.terminal import CHANNELS, SHARING, choose_people, logged_lines, parse_when

INITIATORS = ("me", "them", "both")
SCALES = {"understood": 5, "validated": 5, "cared": 5, "closeness": 7, "safe": 5}
MOMENT_COLUMNS = (
    "owner_id",
    "occurred_at",
    "duration_minutes",
    "channel",
    "initiated_by",
    "self_disclosure",
    "other_disclosure",
    "felt_understood",
    "felt_validated",
    "felt_cared_for",
    "closeness_after",
    "felt_safe",
    "note",
    "created_at",
    "updated_at",
)
# As circle.services.refresh_last_moments: each person's latest moment, as it is now.
REFRESH_LAST_MOMENTS = (
    "UPDATE circle_person SET last_moment_at = (SELECT m.occurred_at FROM moments_moment m "
    "JOIN moments_moment_people mp ON m.id = mp.moment_id "
    "WHERE mp.person_id = circle_person.id ORDER BY m.occurred_at DESC LIMIT 1) "
    "WHERE circle_person.id IN ({})"
)


@dataclass(frozen=True)
class Person:
    id: int
    name: str


def log_quickly(args: argparse.Namespace) -> int | None:
    """Log the moment without Django and say so; None when the Django path must do it."""
    try:
        lines = run_quickly(
            lambda connection, options: in_transaction(
                connection, options, lambda: log_directly(connection, args, datetime.now(UTC))
            )
        )
    except NotSure:
        return None
    for line in lines:
        print(line)
    return 0


def log_directly(connection: sqlite3.Connection, args: argparse.Namespace, now: datetime):
    """Write the moment `args` describe (inside a transaction the caller holds); the lines to
    print. `now` is aware. NotSure, having written nothing, for anything to refuse."""
    account = pick_account(connection, args.user)
    circle = [
        Person(pk, name)
        for pk, name in connection.execute(
            "SELECT id, name FROM circle_person WHERE owner_id = ? AND NOT is_archived "
            "ORDER BY name, id",
            [account.id],
        )
    ]
    try:
        people = choose_people(args.names, circle)
        when = parse_when(args.when, now.astimezone(account.zone))
        tag_names = parse_tag_names(",".join(args.tag))
        validate_tag_names(tag_names)
        check_moment_time(when.when, now)
    except (CommandError, ValidationError) as exc:
        raise NotSure("the Django path says what is wrong") from exc
    if when.note and terminal_language() != "en":
        # The note names the day of a clock change, which only Django writes in another language.
        raise NotSure("a day to write out in the terminal's language")
    if not people:
        raise NotSure("nobody")
    values = [account.id, stored_time(when.when), *detail_values(args)]
    values += [stored_time(now), stored_time(now)]
    (moment_id,) = connection.execute(
        f"INSERT INTO moments_moment ({', '.join(MOMENT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(MOMENT_COLUMNS))}) RETURNING id",
        values,
    ).fetchone()
    person_ids = in_djangos_order([p.id for p in people])
    connection.executemany(
        "INSERT OR IGNORE INTO moments_moment_people (moment_id, person_id) VALUES (?, ?)",
        [(moment_id, pk) for pk in person_ids],
    )
    ids = sorted(person_ids)
    connection.execute(REFRESH_LAST_MOMENTS.format(", ".join("?" * len(ids))), ids)
    if tag_names:
        connection.executemany(
            "INSERT OR IGNORE INTO moments_moment_tags (moment_id, tag_id) VALUES (?, ?)",
            [
                (moment_id, pk)
                for pk in in_djangos_order(tag_ids(connection, account.id, tag_names))
            ],
        )
    return logged_lines(people, when.when.astimezone(account.zone), when.note)


def detail_values(args: argparse.Namespace) -> list:
    """duration_minutes to note, as the Django path fills them; NotSure for a value the
    command line's own checks would not have let through."""
    if args.minutes is not None and not 1 <= args.minutes <= 24 * 60:
        raise NotSure("minutes")
    if args.how not in (None, *CHANNELS) or args.reached_out not in (None, *INITIATORS):
        raise NotSure("a choice")
    if args.shared not in (None, *SHARING) or args.they_shared not in (None, *SHARING):
        raise NotSure("a choice")
    scales = [getattr(args, name) for name in SCALES]
    if any(
        v is not None and not 1 <= v <= top for v, top in zip(scales, SCALES.values(), strict=True)
    ):
        raise NotSure("a scale")
    if not isinstance(args.note, str) or len(args.note) > NOTE_LIMIT:
        raise NotSure("a note")  # the Django path says what is wrong
    return [
        args.minutes,
        args.how or "",
        args.reached_out or "",
        SHARING.index(args.shared) if args.shared else None,
        SHARING.index(args.they_shared) if args.they_shared else None,
        *scales,
        args.note,
    ]


def in_djangos_order(ids: list[int]) -> list[int]:
    """The ids in the order Django's many-to-many add() inserts them: a set's, made as it
    makes it. The join rows then get the same ids on both paths."""
    found: set[int] = set()
    for pk in ids:
        found.add(pk)
    return list(found.difference([]))


def tag_ids(connection: sqlite3.Connection, owner_id: int, names: list[str]) -> list[int]:
    """The owner's tags with these names, the missing ones made: as core.tags.tags_for."""
    marks = ", ".join("?" * len(names))
    select = f"SELECT name, id FROM core_tag WHERE name IN ({marks}) AND owner_id = ?"
    existing = dict(connection.execute(select, [*names, owner_id]))
    missing = [name for name in names if name not in existing]
    if missing:
        connection.executemany(
            "INSERT OR IGNORE INTO core_tag (owner_id, name) VALUES (?, ?)",
            [(owner_id, name) for name in missing],
        )
        existing = dict(connection.execute(select, [*names, owner_id]))
    if any(name not in existing for name in names):
        raise NotSure("a tag went missing")
    return [existing[name] for name in names]
