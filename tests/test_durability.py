"""No write lost: the real server, SIGKILLed while it saves, keeps every write it acknowledged.

These run a real `tending serve` in a child process on SQLite whatever DATABASE_URL says
(the harness strips it), since what is tested is SQLite's durability on this machine.
"""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from tending.bench.durability import prepare_account, run_durability
from tending.bench.server import child_environment
from tending.bench.writes import WriteStream, verify_database

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals"),
    pytest.mark.one_database,  # a child server on its own SQLite file
]

# A dozen random moments to die at in the suite; `tending bench --kills 100` is the long run
# (docs/performance.md: 100 kills, nothing lost).
KILLS = 12


def test_no_acknowledged_write_is_lost_across_a_dozen_kills(tmp_path):
    report = run_durability(KILLS, tmp_path, seed=20260314, kill_after=(0.2, 1.0))
    print(report.summary())  # shown with -s: writes, kills and the server's start time
    assert report.kills == KILLS, report.summary()
    assert report.integrity == "ok"
    assert report.missing == []
    assert report.torn == []
    assert report.refused == []
    # Many writes per life of the server: a harness that never wrote would fail here.
    assert report.acknowledged > KILLS, report.summary()
    assert report.ok


def wait_for(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.02)


def test_a_backup_taken_while_writing_holds_every_earlier_write(tmp_path):
    data = tmp_path / "data"
    copy = tmp_path / "during.sqlite3"
    account = prepare_account(data)
    stream = WriteStream(account.session, account.person_id, seed=7, label="b")
    try:
        stream.start()
        wait_for(lambda: len(stream.acknowledged) >= 40)
        started = time.monotonic()
        made = subprocess.run(
            [sys.executable, "-m", "tending", "backup", str(copy)],
            env=child_environment(data),
            capture_output=True,
            text=True,
            timeout=120,
        )
        finished = time.monotonic()
    finally:
        stream.stop()
        account.server.stop()
        account.session.close()
    assert made.returncode == 0, made.stderr
    before = stream.acknowledged_before(started)
    during = [a for a in stream.acknowledged if started <= a.at < finished]
    assert during, "writes should carry on while the backup is made"
    assert stream.refused == []

    checked = verify_database(copy, before, stream.sent, person_id=account.person_id)
    assert checked.integrity == "ok"
    assert checked.missing == []
    assert checked.torn == []  # every row in the copy is whole, exactly as sent
    assert checked.rows >= len(before)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # not WAL: one self-contained file

    # The check itself can fail: lose one acknowledged row and change another.
    spoiled = tmp_path / "spoiled.sqlite3"
    shutil.copy(copy, spoiled)
    moment = next(a for a in before if a.write.kind == "moment")
    entry = next(a for a in before if a.write.kind == "entry")
    connection = sqlite3.connect(spoiled)
    with connection:
        connection.execute(
            "DELETE FROM moments_moment_people WHERE moment_id = ?", (moment.row_id,)
        )
        connection.execute("DELETE FROM moments_moment WHERE id = ?", (moment.row_id,))
        connection.execute(
            "UPDATE journal_entry SET body = body || '!' WHERE id = ?", (entry.row_id,)
        )
    connection.close()
    spoilt = verify_database(spoiled, before, stream.sent, person_id=account.person_id)
    assert len(spoilt.missing) == 2 and len(spoilt.torn) == 1
