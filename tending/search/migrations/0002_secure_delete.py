"""SQLite 3.42 and later: the search indexes remove a deleted row's words at once.

FTS5's 'secure-delete' option is kept in the index itself. On an older SQLite nothing is
set, and tending.search.forget merges the indexes after each delete instead.
"""

import sqlite3

from django.db import migrations

from tending.search.forget import INDEXES, secure_delete_supported


def turn_on(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite" or not secure_delete_supported(
        sqlite3.sqlite_version
    ):
        return
    for table in INDEXES:
        schema_editor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 1)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("journal", "0006_body_plain")]

    operations = [migrations.RunPython(turn_on, migrations.RunPython.noop)]
