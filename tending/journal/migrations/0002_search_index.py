"""The full-text search index: FTS5 kept in step by triggers on SQLite, GIN on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE journal_entry_fts USING fts5(
        title, body, tokenize = "unicode61 remove_diacritics 2"
    )""",
    """CREATE TRIGGER journal_entry_fts_insert AFTER INSERT ON journal_entry BEGIN
        INSERT INTO journal_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER journal_entry_fts_update AFTER UPDATE ON journal_entry BEGIN
        DELETE FROM journal_entry_fts WHERE rowid = old.id;
        INSERT INTO journal_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER journal_entry_fts_delete AFTER DELETE ON journal_entry BEGIN
        DELETE FROM journal_entry_fts WHERE rowid = old.id;
    END""",
    "INSERT INTO journal_entry_fts(rowid, title, body) SELECT id, title, body FROM journal_entry",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS journal_entry_fts_insert",
    "DROP TRIGGER IF EXISTS journal_entry_fts_update",
    "DROP TRIGGER IF EXISTS journal_entry_fts_delete",
    "DROP TABLE IF EXISTS journal_entry_fts",
]


def _postgres_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    # Must stay the same expression as search._ranked_postgresql uses, or it goes unused.
    return GinIndex(SearchVector("title", "body", config="simple"), name="journal_entry_search")


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.add_index(apps.get_model("journal", "Entry"), _postgres_index())


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("journal", "Entry"), _postgres_index())


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
