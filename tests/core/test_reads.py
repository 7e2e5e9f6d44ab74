"""Reads sent together: each one's rows, in order, each seen by Django's query log."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tending.core.reads import read_together
from tending.moments.models import Moment
from tests.factories import MomentFactory

pytestmark = pytest.mark.django_db


def test_each_reads_rows_in_the_order_given(owner):
    mine = MomentFactory(owner=owner)
    table = Moment._meta.db_table
    reads = [
        (f"SELECT id FROM {table} WHERE owner_id = %s", [owner.pk]),  # noqa: S608
        ("SELECT %s, %s", [2, "two"]),
        (f"SELECT id FROM {table} WHERE owner_id = %s", [-1]),  # noqa: S608
        ("SELECT 3", []),
    ]
    with CaptureQueriesContext(connection) as queries:
        found = read_together(reads)
    assert found == [[(mine.pk,)], [(2, "two")], [], [(3,)]]
    logged = [" ".join(q["sql"].split()) for q in queries]  # PostgreSQL writes "= -1" wider
    assert logged[1:] == [
        "SELECT 2, 'two'",
        f"SELECT id FROM {table} WHERE owner_id = -1",
        "SELECT 3",
    ]


def test_one_read_alone_and_none_at_all():
    assert read_together([("SELECT %s", [7])]) == [[(7,)]]
    assert read_together([]) == []


def test_a_read_that_fails_raises_djangos_error_and_the_next_reads_work():
    with pytest.raises(DatabaseError), transaction.atomic():
        read_together([("SELECT 1", []), ("SELECT * FROM no_such_table", []), ("SELECT 2", [])])
    assert read_together([("SELECT 4", []), ("SELECT 5", [])]) == [[(4,)], [(5,)]]


@pytest.mark.parametrize("how_many", [1, 2, 3])
def test_postgresql_gets_them_in_one_pipeline_sqlite_one_by_one(monkeypatch, how_many):
    """PostgreSQL: a cursor per read, all sent in one pipeline (one read alone: no pipeline).
    SQLite: one cursor, the reads one after another."""
    opened, pipelines = [], []
    cursor = connection.cursor
    monkeypatch.setattr(connection, "cursor", lambda: opened.append(1) or cursor())
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        pipeline = connection.connection.pipeline
        monkeypatch.setattr(
            connection.connection, "pipeline", lambda: pipelines.append(1) or pipeline()
        )
    reads = [("SELECT %s", [n]) for n in range(how_many)]
    assert read_together(reads) == [[(n,)] for n in range(how_many)]
    together = connection.vendor == "postgresql" and how_many > 1
    assert (len(opened), len(pipelines)) == ((how_many, 1) if together else (1, 0))


def test_columns_of_names_every_column_in_the_models_order():
    from tending.core.reads import columns_of
    from tending.moments.models import Moment

    names = [f.column for f in Moment._meta.concrete_fields]
    assert columns_of(Moment) == ", ".join(f'"{name}"' for name in names)
    assert columns_of(Moment, "m").split(", ")[0] == 'm."id"'


def test_no_written_out_sql_reads_a_table_as_star():
    """A prepared `SELECT *` (or `p.*`) fails once a migration adds a column to its table
    ("cached plan must not change result type"): written-out SQL names its columns."""
    import re
    from pathlib import Path

    star = re.compile(r"SELECT\s+(?:\w+\.)?\*\s*(?:,|FROM\s+\"?\w)", re.IGNORECASE)
    root = Path(__file__).resolve().parents[2] / "tending"
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.rglob("*.py")
        for match in star.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_time_read_as_stored_is_the_time_the_orm_gives(owner):
    """On SQLite the stored text, which stored_time reads; on PostgreSQL the time itself."""
    from datetime import UTC, datetime

    from tending.core.dates import stored_time
    from tending.core.reads import as_stored

    at = datetime(2026, 3, 14, 23, 30, 5, 123456, tzinfo=UTC)
    moment = MomentFactory(owner=owner, occurred_at=at)
    MomentFactory(owner=owner, occurred_at=datetime(2026, 3, 14, 23, 30, tzinfo=UTC))
    sql = f"SELECT {as_stored('occurred_at')} FROM moments_moment WHERE id = %s"  # noqa: S608
    [[(value,)]] = read_together([(sql, [moment.pk])])
    assert isinstance(value, str if connection.vendor == "sqlite" else datetime)
    assert stored_time(value) == at == Moment.objects.get(pk=moment.pk).occurred_at
    whole = read_together(
        [(f"SELECT {as_stored('occurred_at')} FROM moments_moment ORDER BY id", [])]  # noqa: S608
    )[0]
    assert [stored_time(v) for (v,) in whole] == [at, datetime(2026, 3, 14, 23, 30, tzinfo=UTC)]
