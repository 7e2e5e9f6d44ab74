"""The data folder is for its owner's eyes only: folder 0700, every file in it 0600.

The database holds everything a person wrote, so nobody else on the computer may read it.
Every tending process sets a umask before it writes anything (SQLite then makes the
database and its -wal and -shm files 0600 too), and tightens a folder that an older
tending left readable, saying so once.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

PRIVATE_UMASK = 0o077
OTHERS = 0o077  # the group's and everyone else's permission bits


def keep_private(data_dir: Path) -> list[Path]:
    """Set the umask, then take others' access away inside `data_dir`; returns what changed."""
    os.umask(PRIVATE_UMASK)
    if os.name == "nt" or not data_dir.is_dir():  # pragma: no cover - Windows has ACLs instead
        return []
    changed = []
    for folder, folders, files in os.walk(data_dir):
        for path in [Path(folder), *(Path(folder, name) for name in files)]:
            if _tighten(path):
                changed.append(path)
        # Linked folders are someone's choice of place, not tending's to change.
        folders[:] = [name for name in folders if not Path(folder, name).is_symlink()]
    if changed:
        print(
            f"tending: made the data folder {data_dir} private: only your account can read it "
            f"now ({len(changed)} file(s) and folder(s) were open to others).",
            file=sys.stderr,
        )
    return changed


def _tighten(path: Path) -> bool:
    try:
        status = path.lstat()
    except FileNotFoundError:  # SQLite removes -wal and -shm as it closes
        return False
    mode = stat.S_IMODE(status.st_mode)
    if stat.S_ISLNK(status.st_mode) or not mode & OTHERS or status.st_uid != os.getuid():
        return False
    try:
        os.chmod(path, mode & ~OTHERS)
    except OSError:
        return False
    return True
