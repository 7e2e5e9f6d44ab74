"""Turn a writer that pushes bytes into an iterator a streaming response pulls from.

An export format writes to a binary stream as it reads the account; a download must hand
the web server pieces as they are ready, never the whole file at once. The writer runs in a
greenlet on the request's own thread (so on its own database connection and transaction),
and every full piece it writes is handed back to the response. If the download is
abandoned, the writer is unwound where it stands, so its transaction ends.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from greenlet import GreenletExit, getcurrent, greenlet

PIECE = 64 * 1024  # bytes handed to the server at a time
_DONE = object()


class _Pipe(io.RawIOBase):
    """A write-only stream that hands each full piece to the greenlet that reads it."""

    def __init__(self, piece: int) -> None:
        self.piece = piece
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) >= self.piece:
            ready = bytes(self.buffer[: self.piece])
            del self.buffer[: self.piece]
            getcurrent().parent.switch(ready)
        return len(data)

    def rest(self) -> bytes:
        rest, self.buffer = bytes(self.buffer), bytearray()
        return rest


def pieces(write: Callable[[BinaryIO], object], piece: int = PIECE) -> Iterator[bytes]:
    """The bytes `write(out)` writes, in pieces of `piece` bytes (the last may be shorter)."""
    pipe = _Pipe(piece)

    def run() -> object:
        write(pipe)  # type: ignore[arg-type]
        return _DONE

    writer = greenlet(run)
    try:
        while True:
            got = writer.switch()
            if got is _DONE:
                break
            yield got
        rest = pipe.rest()
        if rest:
            yield rest
    finally:
        if not writer.dead:
            writer.throw(GreenletExit)
