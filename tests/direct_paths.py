"""Running a command both ways, in one test database: the Django path and the quick one.

Each side runs inside a savepoint that is then rolled back, so both start from the same
rows and the same sequences; what each leaves is read as SQL text (quote()), every column
of every table, FTS5's own tables included, so '2026-03-14 18:30:00' never passes for
'2026-03-14T18:30:00' and 1 never for '1'.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from unittest import mock

from django.db import connection, transaction
from django.utils import timezone

from tending.cli import build_parser, main
from tending.core.direct import NotSure


@dataclass
class Outcome:
    code: int  # the Django path's exit status; for the quick path, 0, or -1 when not sure
    out: str
    err: str
    rows: dict[str, list[tuple]]


def every_row(raw: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [
        name
        for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    found = {}
    for table in tables:
        columns = [row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')]
        values = ", ".join(f'quote("{column}")' for column in columns)
        found[table] = sorted(raw.execute(f'SELECT {values} FROM "{table}"').fetchall())
    return found


def in_savepoint(work: Callable[[], Outcome]) -> Outcome:
    point = transaction.savepoint()
    try:
        return work()
    finally:
        transaction.savepoint_rollback(point)
        timezone.deactivate()


def django_path(argv: list[str], now: datetime) -> Outcome:
    def work() -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        with (
            mock.patch("django.utils.timezone.now", lambda: now),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            code = main(argv)
        return Outcome(code, out.getvalue(), err.getvalue(), every_row(connection.connection))

    return in_savepoint(work)


def quick_path(argv: list[str], run: Callable) -> Outcome:
    """`run(raw connection, args)` gives the lines the command prints."""

    def work() -> Outcome:
        args = build_parser().parse_args(argv)
        raw = connection.connection
        try:
            lines = run(raw, args)
        except NotSure:
            return Outcome(-1, "", "", {})
        out = "".join(f"{line}\n" for line in lines)
        return Outcome(0, out, "", every_row(raw))

    return in_savepoint(work)


def assert_same(django: Outcome, quick: Outcome) -> None:
    """The quick path steps aside exactly when the Django path refuses; else, the same."""
    if quick.code == -1:
        assert django.code != 0, f"the quick path stepped aside from a success: {django.out}"
        return
    assert django.code == 0, f"the quick path did what Django refused: {django.err}"
    assert quick.out == django.out
    differing = [t for t in django.rows if django.rows[t] != quick.rows.get(t)]
    assert differing == [], {t: (django.rows[t], quick.rows.get(t)) for t in differing}
    assert set(quick.rows) == set(django.rows)
