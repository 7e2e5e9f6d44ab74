"""Stream moments and journal entries through tending's forms, and check the database for them.

Each write carries a unique token at the start of its note or title, so a row found in the
database can be matched to exactly what was sent, byte for byte.
"""

from __future__ import annotations

import contextlib
import http.client
import random
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tending.bench.client import FormValue, HttpSession, Response
from tending.exchange.backup import integrity_problem

MARKER = "[bench "
_TOKEN = re.compile(r"^\[bench ([a-z0-9-]+)\]")
_ROW_ID = re.compile(r"/(\d+)/$")
# Words with accents, other scripts, emoji and Markdown: what a journal really holds.
_WORDS = (
    "walk", "tea", "river", "Grüße", "café", "naïve", "東京", "家族", "дружба", "שלום",
    "🌱", "☕", "✨", "½", "**kind**", "*slow*", "`quiet`", "—", "„hello“", "ça va",
)  # fmt: skip
# Each successful form leaves a message in the session; reading a page now and then
# clears them, as a person does by seeing the next page.
_DRAIN_EVERY = 25


@dataclass(frozen=True)
class SentWrite:
    """One form as sent: where, what, and the exact text each column should hold."""

    token: str
    kind: str  # "moment" or "entry"
    path: str
    fields: Mapping[str, FormValue]
    expected: Mapping[str, str]


@dataclass(frozen=True)
class Acknowledged:
    write: SentWrite
    row_id: int
    at: float  # time.monotonic() when the answer arrived


@dataclass
class Verification:
    integrity: str
    missing: list[str] = field(default_factory=list)
    torn: list[str] = field(default_factory=list)
    rows: int = 0


class WriteMaker:
    """Makes unique, varied writes from a seed; alternates moments and journal entries."""

    def __init__(self, person_id: int, seed: int, label: str) -> None:
        self.person_id = person_id
        self.rng = random.Random(seed)
        self.label = label
        self.count = 0
        # Yesterday: never "still to come" in any time zone.
        yesterday = datetime.now(UTC) - timedelta(days=1)
        self.when = yesterday.strftime("%Y-%m-%dT%H:%M")
        self.day = yesterday.strftime("%Y-%m-%d")

    def _words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(self.rng.randint(low, high)))

    def _long(self) -> str:
        # Now and then a long text, so rows spill onto SQLite's overflow pages.
        return self._words(400, 900) if self.rng.random() < 0.1 else self._words(3, 40)

    def next(self) -> SentWrite:
        self.count += 1
        token = f"{self.label}-{self.count}-{self.rng.getrandbits(32):08x}"
        if self.count % 2:
            note = f"{MARKER}{token}] Long walk, talked about 家族 ☕\n{self._long()}"
            fields: dict[str, FormValue] = {
                "people": [self.person_id],
                "occurred_at": self.when,
                "duration_minutes": self.rng.randint(5, 180),
                "note": note,
            }
            return SentWrite(token, "moment", "/moments/add/", fields, {"note": note})
        title = f"{MARKER}{token}] Évening, naïve thoughts ✍️"
        body = (
            f"# A day\n\nI felt **close** to *them* — {self._words(2, 12)}\n\n"
            f"- Grüße aus 東京\n- {self._words(1, 8)}\n\n> {self._long()}"
        )
        fields = {"written_on": self.day, "title": title, "body": body, "tag_names": ""}
        return SentWrite(token, "entry", "/journal/write/", fields, {"title": title, "body": body})


class WriteStream:
    """Threads that keep sending writes until stopped, remembering every acknowledged one.

    A write counts as acknowledged only when the form answered 302 to the new row: what a
    person sees as "saved". Connection errors (the server was killed) are not.
    """

    def __init__(
        self,
        session: HttpSession,
        person_id: int,
        seed: int,
        label: str,
        threads: int = 2,
        max_writes: int = 5000,
    ) -> None:
        self.session = session
        self.person_id = person_id
        self.seed = seed
        self.label = label
        self.max_writes = max_writes
        self.sent: dict[str, SentWrite] = {}
        self.acknowledged: list[Acknowledged] = []
        self.refused: list[str] = []
        self.connection_errors = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._write, args=(n,), name=f"writer-{label}-{n}", daemon=True)
            for n in range(threads)
        ]

    @property
    def attempted(self) -> int:
        return len(self.sent)

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)

    def acknowledged_before(self, moment: float) -> list[Acknowledged]:
        with self._lock:
            return [a for a in self.acknowledged if a.at < moment]

    def _write(self, number: int) -> None:
        session = self.session.copy()
        maker = WriteMaker(self.person_id, self.seed * 1000 + number, f"{self.label}w{number}")
        try:
            while not self._stop.is_set():
                with self._lock:
                    if len(self.sent) >= self.max_writes:
                        return
                    write = maker.next()
                    self.sent[write.token] = write
                self._send(session, write)
        finally:
            session.close()

    def _send(self, session: HttpSession, write: SentWrite) -> None:
        try:
            answer = session.post_form(write.path, write.fields)
        except (OSError, http.client.HTTPException):
            with self._lock:
                self.connection_errors += 1
            time.sleep(0.01)  # the server is down; the caller is about to stop us
            return
        row_id = acknowledged_row(answer)
        if row_id is None:
            with self._lock:
                self.refused.append(f"{write.kind} {write.token}: {answer.status}")
            return
        with self._lock:
            self.acknowledged.append(Acknowledged(write, row_id, time.monotonic()))
            drain = len(self.acknowledged) % _DRAIN_EVERY == 0
        if drain:
            with contextlib.suppress(OSError, http.client.HTTPException):
                session.get(answer.location or "/")


def acknowledged_row(answer: Response) -> int | None:
    """The new row's id when a form answered "saved" (302 to the row), else None."""
    found = _ROW_ID.search(answer.location or "") if answer.status == 302 else None
    return int(found.group(1)) if found else None


def integrity(connection: sqlite3.Connection) -> str:
    return integrity_problem(connection) or "ok"


def verify_database(
    path: Path,
    acknowledged: Iterable[Acknowledged],
    sent: Mapping[str, SentWrite],
    person_id: int | None = None,
) -> Verification:
    """Integrity, every acknowledged write present exactly, and no row other than as sent."""
    connection = sqlite3.connect(path, timeout=30)
    try:
        result = Verification(integrity=integrity(connection))
        for ack in acknowledged:
            problem = _check_row(connection, ack, person_id)
            if problem:
                result.missing.append(problem)
        for kind, query in (
            ("moment", "SELECT id, note FROM moments_moment"),
            ("entry", "SELECT id, title, body FROM journal_entry"),
        ):
            for row_id, *texts in connection.execute(query):
                found = _TOKEN.match(texts[0])
                if found is None:
                    continue
                result.rows += 1
                write = sent.get(found.group(1))
                if write is None or write.kind != kind or list(write.expected.values()) != texts:
                    result.torn.append(f"{kind} {row_id} is not exactly as any write sent")
    finally:
        connection.close()
    return result


def _check_row(connection: sqlite3.Connection, ack: Acknowledged, person_id: int | None) -> str:
    write = ack.write
    if write.kind == "moment":
        row = connection.execute("SELECT note FROM moments_moment WHERE id = ?", (ack.row_id,))
    else:
        row = connection.execute(
            "SELECT title, body FROM journal_entry WHERE id = ?", (ack.row_id,)
        )
    found = row.fetchone()
    if found is None:
        return f"{write.kind} {ack.row_id} ({write.token}) is gone"
    if list(found) != list(write.expected.values()):
        return f"{write.kind} {ack.row_id} ({write.token}) is not as sent"
    if write.kind == "moment" and person_id is not None:
        linked = connection.execute(
            "SELECT COUNT(*) FROM moments_moment_people WHERE moment_id = ? AND person_id = ?",
            (ack.row_id, person_id),
        ).fetchone()[0]
        if linked != 1:
            return f"moment {ack.row_id} ({write.token}) lost its person"
    return ""
