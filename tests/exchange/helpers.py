"""Run the real `tending` command in a data folder of its own, and look inside SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from tending.bench.server import child_environment

PASSWORD = "a-long-quiet-password"


def run_tending(
    data_dir: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tending", *args],
        env=child_environment(data_dir, env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_account(data_dir: Path, name: str) -> None:
    made = run_tending(data_dir, "createuser", name, "--password-stdin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr


def query(path: Path, sql: str, *params) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def usernames(path: Path) -> list[str]:
    return [row[0] for row in query(path, "SELECT username FROM core_user ORDER BY username")]


def fingerprint(path: Path) -> str:
    """The bytes of a database file and its -wal, to prove nothing was written."""
    digest = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The single line a refusal prints; fails if it is a traceback or several lines."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tending: ")
    return lines[0]
