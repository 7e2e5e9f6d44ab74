"""The SQLite file is opened so that an acknowledged write survives a crash."""

import os
import subprocess
import sys


def test_pragmas_on_the_real_database_file(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment["TENDING_DATA_DIR"] = str(tmp_path)
    code = (
        "import os, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'tending.settings'\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "c = connection.cursor()\n"
        "print([c.execute(f'PRAGMA {p}').fetchone()[0] for p in "
        "('journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout')])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    # synchronous 2 is FULL.
    assert result.stdout.strip() == "['wal', 2, 1, 20000]"
    assert (tmp_path / "tending.sqlite3").exists()
