"""Several reads a page needs at once, in one round trip to PostgreSQL.

Each query sent to PostgreSQL and waited for costs the page about 0.1 ms of CPU in the
network calls alone, whatever the query; a page that reads six kinds of rows spent more on
the trips than on the rows. On PostgreSQL the reads go in one pipeline: sent together,
answered together. SQLite is in the same process, so there they simply run one by one.
Every read still passes through Django's cursor, so query counts and logs see each one."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

Read = tuple[str, Sequence]  # SQL with %s placeholders, and its parameters


def columns_of(model, alias: str = "") -> str:
    """A model's columns, quoted and named one by one, for written-out SQL: never `*`, whose
    meaning a migration changes under a statement PostgreSQL has already prepared (it then
    refuses to run it: "cached plan must not change result type")."""
    quote = connection.ops.quote_name
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + quote(field.column) for field in model._meta.concrete_fields)


def table(model) -> str:
    """A model's table, quoted, for written-out SQL."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model, name: str, alias: str = "") -> str:
    """A model field's column, quoted (after `alias.` when given), for written-out SQL."""
    found = connection.ops.quote_name(model._meta.get_field(name).column)
    return f"{alias}.{found}" if alias else found


def as_stored(column: str) -> str:
    """A date or time column as written-out SQL should read it when the code reading it takes
    text too (`stored_time`, `date.fromisoformat`): on SQLite, as its stored text, read in one
    step. Read as itself, Python's sqlite3 passes each value to Django's converter, which
    parses it the long way first (a few microseconds a value: a third of a millisecond for a
    circle's people). PostgreSQL's driver makes the time in C, so there it is left as it is."""
    return f"CAST({column} AS TEXT)" if connection.vendor == "sqlite" else column


def read_together(reads: Sequence[Read]) -> list[list[tuple]]:
    """Each read's rows, in the order given."""
    if connection.vendor != "postgresql" or len(reads) < 2:
        with connection.cursor() as cursor:
            found = []
            for sql, params in reads:
                cursor.execute(sql, params)
                found.append(cursor.fetchall())
            return found
    cursors = [connection.cursor() for _ in reads]  # one per result: a pipeline's way
    try:
        with connection.wrap_database_errors, connection.connection.pipeline():
            for cursor, (sql, params) in zip(cursors, reads, strict=True):
                cursor.execute(sql, params)
        with connection.wrap_database_errors:
            return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()
