"""Files waiting between an import's preview and its confirmation, kept where only tending reads.

Never in the session or a cookie: each account has its own folder in the data folder
(0700), each file a random name and mode 0600, named `<token>.<source>`. A file is found
only in its own account's folder, so another account's token finds nothing. It is removed
when the import is confirmed or cancelled, and any left behind are swept after an hour.
Before a file is unlinked it is overwritten with zeros, so its words are not simply left
in free space (a file system may still keep older copies; see README, "Your data").
"""

from __future__ import annotations

import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_SECONDS = 3600
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,40}")
SOURCE = re.compile(r"[a-z][a-z0-9_]{0,30}")


@dataclass(frozen=True)
class Upload:
    token: str
    source: str
    path: Path

    @property
    def pk(self) -> str:  # as a URL argument, like a row's id
        return self.token

    def read(self) -> bytes:
        return self.path.read_bytes()

    def still_there(self) -> bool:
        return self.path.is_file()


def root(data_dir: Path) -> Path:
    return data_dir / "uploads"


def folder(data_dir: Path, user_id: int) -> Path:
    return root(data_dir) / str(int(user_id))


def keep(data_dir: Path, user_id: int, source: str, data: bytes) -> Upload:
    """Write `data` to a new private file in the account's folder; sweep stale files first."""
    if not SOURCE.fullmatch(source):
        raise ValueError(f"not a source name: {source!r}")
    sweep(data_dir)
    place = folder(data_dir, user_id)
    place.mkdir(mode=0o700, parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    path = place / f"{token}.{source}"
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return Upload(token, source, path)


def find(data_dir: Path, user_id: int, token: str) -> Upload | None:
    """The account's upload with this token, if it is there and not stale."""
    if not TOKEN.fullmatch(token):
        return None
    place = folder(data_dir, user_id)
    if not place.is_dir():
        return None
    for path in place.iterdir():
        name, dot, source = path.name.partition(".")
        if name == token and dot and SOURCE.fullmatch(source) and path.is_file():
            if _stale(path, time.time()):
                remove(path)
                return None
            return Upload(token, source, path)
    return None


def remove(path: Path) -> None:
    """Overwrite the file with zeros, then unlink it; a file already gone is fine."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            left = size
            while left > 0:
                step = min(left, 1 << 20)
                handle.write(bytes(step))
                left -= step
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except FileNotFoundError:
        pass


def forget_account(data_dir: Path, user_id: int) -> None:
    """Remove every file an account left waiting, and its folder."""
    place = folder(data_dir, user_id)
    if not place.is_dir():
        return
    for path in place.iterdir():
        remove(path)
    place.rmdir()


def sweep(data_dir: Path, now: float | None = None) -> int:
    """Remove every waiting file older than an hour, of every account; how many went."""
    now = time.time() if now is None else now
    base = root(data_dir)
    if not base.is_dir():
        return 0
    gone = 0
    for place in base.iterdir():
        if not place.is_dir():
            continue
        for path in place.iterdir():
            if _stale(path, now):
                remove(path)
                gone += 1
    return gone


def _stale(path: Path, now: float) -> bool:
    try:
        return now - path.stat().st_mtime > KEEP_SECONDS
    except FileNotFoundError:
        return False
