"""The data folder and everything tending writes in it are readable by their owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tending.bench.server import ServerProcess, child_environment
from tending.datadir import keep_private

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
# What a typical login shell uses: without tending's own care, files come out 0644.
SHELL_UMASK = 0o022


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def createuser(data_dir: Path, name: str) -> subprocess.CompletedProcess:
    made = subprocess.run(
        [sys.executable, "-m", "tending", "createuser", name, "--password-stdin"],
        env=child_environment(data_dir),
        input="a-long-quiet-password\n",
        capture_output=True,
        text=True,
        timeout=120,
        umask=SHELL_UMASK,
    )
    assert made.returncode == 0, made.stderr
    return made


def test_item_4_a_first_start_makes_everything_private(tmp_path):
    data_dir = tmp_path / "data"
    server = ServerProcess(data_dir, log_path=tmp_path / "server.log")
    before = os.umask(SHELL_UMASK)  # the server inherits it, as from a shell
    try:
        server.start()
    finally:
        os.umask(before)
    try:
        # While the server runs, SQLite keeps its -wal and -shm files open beside the database.
        names = sorted(path.name for path in data_dir.iterdir())
        assert {"tending.sqlite3", "tending.sqlite3-wal", "tending.sqlite3-shm"} <= set(names)
        assert mode(data_dir) == 0o700
        assert {name: mode(data_dir / name) for name in names} == dict.fromkeys(names, 0o600)
    finally:
        server.stop()
    assert "private" not in server.output()  # nothing was open to others, so nothing to say


def test_item_4_an_existing_install_is_tightened_and_says_so_once(tmp_path):
    data_dir = tmp_path / "data"
    createuser(data_dir, "robin")
    # As an older tending left it: readable by everyone on the computer.
    data_dir.chmod(0o755)
    for path in data_dir.iterdir():
        path.chmod(0o644)
    (data_dir / "notes from before").write_text("private", encoding="utf-8")
    (data_dir / "notes from before").chmod(0o644)

    said = createuser(data_dir, "kim").stderr
    assert said.count(f"made the data folder {data_dir} private") == 1
    assert mode(data_dir) == 0o700
    assert all(mode(path) == 0o600 for path in data_dir.iterdir())
    assert "private" not in createuser(data_dir, "sam").stderr


def test_item_4_keep_private_leaves_others_files_and_links_alone(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "link").symlink_to(elsewhere)
    before = os.umask(SHELL_UMASK)
    try:
        assert keep_private(data_dir) == []
        assert os.umask(SHELL_UMASK) == 0o077
    finally:
        os.umask(before)
    assert mode(elsewhere) == 0o755
