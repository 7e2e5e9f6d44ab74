"""No write lost: kill the real server again and again while it saves, then check the file.

A write the server acknowledged (the form answered "saved") must be in the database after
any number of crashes, exactly as sent, and the SQLite file must stay sound.
"""

from __future__ import annotations

import random
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tending.bench.client import HttpSession
from tending.bench.server import PERSONAL, ServerProcess, child_environment
from tending.bench.writes import Acknowledged, SentWrite, WriteStream, verify_database

_PERSON_ID = re.compile(r"/circle/people/(\d+)/$")


class HarnessError(Exception):
    """The harness itself could not set up (no account, no person); not a durability result."""


@dataclass
class DurabilityReport:
    kills: int
    attempted: int = 0
    acknowledged: int = 0
    connection_errors: int = 0
    missing: list[str] = field(default_factory=list)
    torn: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    integrity: str = "not checked"
    start_seconds: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Sound file, nothing acknowledged lost or changed, and something was written at all."""
        return (
            self.integrity == "ok" and not self.missing and not self.torn and self.acknowledged > 0
        )

    @property
    def mean_start_seconds(self) -> float:
        return sum(self.start_seconds) / len(self.start_seconds) if self.start_seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready values, for the benchmark's report file."""
        return {
            "ok": self.ok,
            "kills": self.kills,
            "attempted": self.attempted,
            "acknowledged": self.acknowledged,
            "connection_errors": self.connection_errors,
            "missing": list(self.missing),
            "torn": list(self.torn),
            "refused": list(self.refused),
            "integrity": self.integrity,
            "mean_start_seconds": round(self.mean_start_seconds, 3),
            "seconds": round(self.seconds, 1),
        }

    def summary(self) -> str:
        verdict = "no write lost" if self.ok else "PROBLEM"
        return (
            f"{verdict}: {self.kills} kills, {self.attempted} writes sent, "
            f"{self.acknowledged} acknowledged, {len(self.missing)} missing, "
            f"{len(self.torn)} not as sent, {len(self.refused)} refused; "
            f"integrity {self.integrity}; server start {self.mean_start_seconds:.2f} s on "
            f"average; {self.seconds:.1f} s in all"
        )


def create_account(
    data_dir: Path, username: str, password: str, environment: Mapping[str, str] | None = None
) -> None:
    """Make an account with the real `tending createuser` (which also creates the database)."""
    made = subprocess.run(
        [sys.executable, "-m", "tending", "createuser", username, "--password-stdin"],
        env=child_environment(data_dir, environment),
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    if made.returncode != 0:
        raise HarnessError(f"createuser failed: {made.stderr.strip() or made.stdout.strip()}")


def add_person(session: HttpSession, name: str) -> int:
    """Add someone to the circle through the real form; returns their id."""
    answer = session.post_form("/circle/add/", {"name": name, "kind": "friend", "ring": "inner"})
    found = _PERSON_ID.search(answer.location or "") if answer.status == 302 else None
    if found is None:
        raise HarnessError(f"Adding {name!r} answered {answer.status}: {answer.text[:300]}")
    return int(found.group(1))


@dataclass
class Account:
    """A logged-in account with one person, on a running server."""

    server: ServerProcess
    session: HttpSession
    person_id: int


def prepare_account(
    data_dir: Path,
    *,
    arguments: Sequence[str] = PERSONAL,
    environment: Mapping[str, str] | None = None,
    https_origin: bool = False,
) -> Account:
    """Create an account, start the server, log in and add one person."""
    username, password = "bench", secrets.token_urlsafe(18)
    create_account(data_dir, username, password, environment)
    server = ServerProcess(data_dir, arguments=arguments, environment=environment)
    server.start()
    try:
        session = HttpSession(server.host, server.port, https_origin=https_origin)
        session.login(username, password)
        person_id = add_person(session, "Sam Rivera ✿")
    except BaseException:
        server.kill()
        raise
    return Account(server=server, session=session, person_id=person_id)


def run_durability(
    kills: int,
    data_dir: Path,
    seed: int,
    *,
    kill_after: tuple[float, float] = (0.2, 1.5),
    writers: int = 2,
    arguments: Sequence[str] = PERSONAL,
    environment: Mapping[str, str] | None = None,
    https_origin: bool = False,
    max_writes_per_round: int = 5000,
    time_limit: float = 600.0,
) -> DurabilityReport:
    """Write, SIGKILL the server at a random moment, restart; `kills` times. Then check.

    Stops early (with fewer kills in the report) if `time_limit` seconds have passed.
    """
    if kills < 1:
        raise ValueError("kills must be at least 1")
    began = time.monotonic()
    rng = random.Random(seed)
    report = DurabilityReport(kills=0)
    account = prepare_account(
        data_dir, arguments=arguments, environment=environment, https_origin=https_origin
    )
    server = account.server
    sent: dict[str, SentWrite] = {}
    acknowledged: list[Acknowledged] = []
    try:
        for round_number in range(kills):
            if round_number:
                report.start_seconds.append(server.start())
            stream = WriteStream(
                account.session,
                account.person_id,
                seed=rng.getrandbits(32),
                label=f"r{round_number}",
                threads=writers,
                max_writes=max_writes_per_round,
            )
            stream.start()
            time.sleep(rng.uniform(*kill_after))
            server.kill()
            stream.stop()
            report.kills += 1
            sent.update(stream.sent)
            acknowledged.extend(stream.acknowledged)
            report.refused.extend(stream.refused)
            report.connection_errors += stream.connection_errors
            if time.monotonic() - began > time_limit:
                break
    finally:
        server.kill()
        account.session.close()
    checked = verify_database(
        data_dir / "tending.sqlite3", acknowledged, sent, person_id=account.person_id
    )
    report.attempted = len(sent)
    report.acknowledged = len(acknowledged)
    report.missing = checked.missing
    report.torn = checked.torn
    report.integrity = checked.integrity
    report.seconds = time.monotonic() - began
    return report
