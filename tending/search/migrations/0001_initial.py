"""Searching everything: word forms and prefixes on both databases.

SQLite: one FTS5 table with the porter tokenizer over journal entries, moment notes,
people's names and notes, and safety plan lines, kept by triggers (tending/search/index.py).
PostgreSQL: a stored 'english' vector with a GIN index for the two kinds that grow for
years (journal entries and moments); people and plan lines are few per person and are
matched as they are. The journal's own 'simple' vector (journal 0004) is left as it is.
"""

from django.db import migrations

from tending.search.index import create_statements, drop_statements

STORED = {
    "journal_entry": "coalesce(title, '') || ' ' || coalesce(body, '')",
    "moments_moment": "coalesce(note, '')",
}
POSTGRESQL_FORWARD = [
    statement
    for table, text in STORED.items()
    for statement in (
        f"ALTER TABLE {table} ADD COLUMN search_words tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('english'::regconfig, {text})) STORED",
        f"CREATE INDEX {table}_search_words ON {table} USING GIN (search_words)",
    )
]
POSTGRESQL_BACKWARD = [
    statement
    for table in STORED
    for statement in (
        f"DROP INDEX IF EXISTS {table}_search_words",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_words",
    )
]


def run(sqlite, postgresql):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in {"sqlite": sqlite, "postgresql": postgresql}.get(vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0004_search_vector"),
        ("moments", "0002_logged_index"),
        ("circle", "0002_last_moment_at"),
        ("safety", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            run(create_statements(), POSTGRESQL_FORWARD),
            run(drop_statements(), POSTGRESQL_BACKWARD),
        )
    ]
