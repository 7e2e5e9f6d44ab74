"""The schema tending's own migrations make for a given migration state, built for real.

To judge a backup, tending migrates an empty scratch SQLite file to exactly the migrations
the backup records, runs the same post-migrate hooks as `migrate`, and reads back what
SQLite holds. The scratch file lives in a temporary folder and is gone afterwards.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tending.core.words import gettext as _
from tending.exchange.backup import ExchangeError
from tending.exchange.schema import read_schema

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.utils import ConnectionHandler

Node = tuple[str, str]


def latest_per_app(graph, recorded: Collection[Node]) -> list[Node]:
    """For each app, the recorded migration that every other recorded one of it leads to."""
    targets = []
    for node in recorded:
        later = [
            other
            for other in recorded
            if other != node and other[0] == node[0] and node in graph.forwards_plan(other)
        ]
        if not later:
            targets.append(node)
    return sorted(targets)


def expected_schema(recorded: Collection[Node], where: Path) -> dict[tuple[str, str], str]:
    """The schema migrations make for exactly `recorded`; ExchangeError when no state is it."""
    from django.core.management.sql import emit_post_migrate_signal
    from django.db.migrations.executor import MigrationExecutor

    recorded = set(recorded)
    with tempfile.TemporaryDirectory(prefix="tending-restore-check-") as folder:
        scratch = Path(folder) / "scratch.sqlite3"
        with _default_database_at(scratch) as connection:
            executor = MigrationExecutor(connection)
            graph = executor.loader.graph
            needed = {step for node in recorded for step in graph.forwards_plan(node)}
            if needed - recorded:
                app, name = min(needed - recorded)
                raise ExchangeError(
                    _(
                        "%(where)s is not a sound tending database: it records changes "
                        "without those they build on (it lacks %(change)s). Nothing was "
                        "changed."
                    )
                    % {"where": where, "change": f"{app}.{name}"}
                )
            executor.migrate(latest_per_app(graph, recorded))
            emit_post_migrate_signal(0, False, connection.alias)
        reader = sqlite3.connect(scratch)
        try:
            return read_schema(reader)
        finally:
            reader.close()


@contextlib.contextmanager
def _default_database_at(scratch: Path) -> Iterator[BaseDatabaseWrapper]:
    """Point Django's default database at `scratch` for a while.

    Data migrations reach for the default database whatever connection migrates, so the
    scratch file must be the default one, or they would read and write the live database.
    """
    from django.db import connections

    original = connections.databases["default"]
    _forget_default(connections)
    connections.databases["default"] = {**original, "NAME": str(scratch)}
    try:
        yield connections["default"]
    finally:
        _forget_default(connections)
        connections.databases["default"] = original


def _forget_default(connections: ConnectionHandler) -> None:
    connections["default"].close()
    with contextlib.suppress(AttributeError):
        del connections["default"]
