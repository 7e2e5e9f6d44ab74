"""PostgreSQL: keep each entry's search vector in a stored column, so ranking reads it.

The expression index of 0002 found matches, but ranking them computed every matching
entry's vector again: a hundred milliseconds for a common word on ten years. A generated
column is kept by PostgreSQL on every insert and update; titles weigh more than bodies, as
in SQLite's ranking. SQLite keeps its FTS5 index (0002); nothing changes there.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'B')"
)
FORWARD = [
    f"ALTER TABLE journal_entry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX journal_entry_search_vector ON journal_entry USING GIN (search_vector)",
    "DROP INDEX IF EXISTS journal_entry_search",
]
BACKWARD = [
    "DROP INDEX IF EXISTS journal_entry_search_vector",
    "ALTER TABLE journal_entry DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX journal_entry_search ON journal_entry USING GIN (to_tsvector("
    "'simple'::regconfig, COALESCE(title, '') || ' ' || COALESCE(body, '')))",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("journal", "0003_hiddenprompt")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
