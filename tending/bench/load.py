"""The load run: tending under gunicorn on loopback, several logged-in clients, reads and writes.

Bounded in count (a fixed number of requests) and in time (a deadline), it reports
throughput, latency percentiles and errors, then checks that every write the server
acknowledged is in the database exactly as sent.
"""

from __future__ import annotations

import http.client
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tending.bench.client import HttpSession
from tending.bench.pages import percentile
from tending.bench.server import PRODUCTION, ServerProcess, hosted_environment
from tending.bench.writes import WriteMaker, acknowledged_row

WRITE_SHARE = 5  # one request in five is a write
DEADLINE_SECONDS = 600


@dataclass
class LoadReport:
    clients: int
    requests: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    statuses: Counter = field(default_factory=Counter)
    connection_errors: int = 0
    writes_acknowledged: int = 0
    writes_lost: list[str] = field(default_factory=list)
    database: str = "SQLite"
    stopped_by_deadline: bool = False

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def ok(self) -> bool:
        return (
            self.server_errors == 0
            and self.connection_errors == 0
            and not self.writes_lost
            and self.writes_acknowledged > 0
        )

    def as_dict(self) -> dict:
        return {
            "database": self.database,
            "clients": self.clients,
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "per_second": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(percentile(self.latencies_ms, 0.50), 1) if self.latencies_ms else 0,
            "p95_ms": round(percentile(self.latencies_ms, 0.95), 1) if self.latencies_ms else 0,
            "p99_ms": round(percentile(self.latencies_ms, 0.99), 1) if self.latencies_ms else 0,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_errors": self.server_errors,
            "connection_errors": self.connection_errors,
            "writes_acknowledged": self.writes_acknowledged,
            "writes_lost": len(self.writes_lost),
            "stopped_by_deadline": self.stopped_by_deadline,
            "ok": self.ok,
        }

    def summary(self) -> str:
        seen = self.as_dict()
        verdict = "no 5xx, no write lost" if self.ok else "PROBLEM"
        return (
            f"Load run on {self.database} under gunicorn, {self.clients} clients: {verdict}.\n"
            f"  {seen['requests']} requests in {seen['seconds']} s ({seen['per_second']}/s); "
            f"latency p50 {seen['p50_ms']} ms, p95 {seen['p95_ms']} ms, p99 {seen['p99_ms']} ms\n"
            f"  answers {seen['statuses']}; {self.server_errors} server errors, "
            f"{self.connection_errors} connection errors; {self.writes_acknowledged} writes "
            f"acknowledged, {len(self.writes_lost)} lost"
            + (" (stopped at the deadline)" if self.stopped_by_deadline else "")
        )


def _read_paths(user) -> list[str]:
    from tending.circle.models import Person
    from tending.core.ownership import owned

    person = owned(Person, user).filter(ring="inner", is_archived=False).order_by("pk").first()
    paths = ["/today/", "/circle/", "/moments/", "/journal/", "/checkins/"]
    if person is not None:
        paths.append(f"/circle/people/{person.pk}/")
    return paths


def run_load(
    data_dir: Path,
    username: str,
    user,
    requests: int = 2000,
    clients: int = 4,
    deadline_seconds: float = DEADLINE_SECONDS,
) -> LoadReport:
    """Serve the benchmark's database with gunicorn and drive `requests` requests through it."""
    import os

    from django.db import connections

    from tending.circle.models import Person
    from tending.core.ownership import owned

    password = secrets.token_urlsafe(16)
    user.set_password(password)
    user.save(update_fields=["password"])
    person = owned(Person, user).filter(is_archived=False).order_by("pk").first()
    paths = _read_paths(user)
    environment = hosted_environment()
    database = "SQLite"
    if os.environ.get("DATABASE_URL"):
        environment["DATABASE_URL"] = os.environ["DATABASE_URL"]
        database = "PostgreSQL"
    connections.close_all()  # the server gets the database to itself while it runs

    report = LoadReport(clients=clients, database=database)
    lock = threading.Lock()
    budget = iter(range(requests))
    acknowledged: list[tuple[str, int, dict]] = []
    server = ServerProcess(data_dir / "load", arguments=PRODUCTION, environment=environment)
    # The server must use the benchmark's database, not a fresh one in its own folder.
    server.environment["TENDING_DATA_DIR"] = str(data_dir)
    print(f"Load run: {requests} requests from {clients} clients under gunicorn…", flush=True)
    server.start()
    try:
        sessions = []
        for _ in range(clients):
            session = HttpSession(server.host, server.port, timeout=30, https_origin=True)
            session.login(username, password)
            sessions.append(session)
        stop_at = time.monotonic() + deadline_seconds
        began = time.monotonic()

        def client(number: int, session: HttpSession) -> None:
            maker = WriteMaker(person.pk, seed=number, label=f"load{number}")
            searched = session.post_form("/journal/search/", {"q": "walk"})
            mine = [*paths, searched.location or "/journal/search/"]
            while True:
                with lock:
                    turn = next(budget, None)
                if turn is None:
                    return
                if time.monotonic() > stop_at:
                    report.stopped_by_deadline = True
                    return
                write = maker.next() if turn % WRITE_SHARE == 0 else None
                started = time.perf_counter()
                try:
                    if write is not None:
                        answer = session.post_form(write.path, write.fields)
                    else:
                        answer = session.get(mine[turn % len(mine)])
                except (OSError, http.client.HTTPException):
                    with lock:
                        report.connection_errors += 1
                    continue
                took = (time.perf_counter() - started) * 1000
                with lock:
                    report.requests += 1
                    report.latencies_ms.append(took)
                    report.statuses[answer.status] += 1
                    row_id = acknowledged_row(answer) if write is not None else None
                    if row_id is not None:
                        acknowledged.append((write.kind, row_id, write.expected))

        threads = [
            threading.Thread(target=client, args=(n, s), daemon=True)
            for n, s in enumerate(sessions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(deadline_seconds + 60)
        report.seconds = time.monotonic() - began
        for session in sessions:
            session.close()
    finally:
        server.stop()
    report.writes_acknowledged = len(acknowledged)
    report.writes_lost = _lost(user, acknowledged)
    return report


def _lost(user, acknowledged: list[tuple[str, int, dict]]) -> list[str]:
    """Every acknowledged write that is not in the database exactly as it was sent."""
    from tending.core.ownership import owned
    from tending.journal.models import Entry
    from tending.moments.models import Moment

    moments = {m.pk: {"note": m.note} for m in owned(Moment, user).filter(note__startswith="[")}
    entries = {
        e.pk: {"title": e.title, "body": e.body}
        for e in owned(Entry, user).filter(title__startswith="[")
    }
    lost = []
    for kind, row_id, expected in acknowledged:
        stored = (moments if kind == "moment" else entries).get(row_id)
        if stored != dict(expected):
            lost.append(f"{kind} {row_id}")
    return lost


# The login page is the yardstick: it does the least work a hosted tending can do per request.
THROUGHPUT_PAGES = (("login", "/login/"), ("today", "/today/"), ("moments", "/moments/"))
THROUGHPUT_DEADLINE_SECONDS = 120
# The pages take turns, a share of the requests each: a spell of noise on a shared machine
# then slows every page alike, instead of whichever page it fell on.
THROUGHPUT_ROUNDS = 5
WARMUP_PER_CLIENT = 5


@dataclass
class Throughput:
    """Requests per second of each page, served by gunicorn to concurrent clients, the pages
    taking turns."""

    clients: int
    requests: int
    per_second: dict[str, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    not_ok: int = 0  # answers other than 200, and connection errors
    stopped_by_deadline: bool = False
    database: str = "SQLite"

    @property
    def ratios(self) -> dict[str, float]:
        login = self.per_second.get("login", 0.0)
        return {
            name: round(rate / login, 3) if login else 0.0
            for name, rate in self.per_second.items()
            if name != "login"
        }

    def as_dict(self) -> dict:
        return {
            "database": self.database,
            "clients": self.clients,
            "requests_per_page": self.requests,
            "per_second": {k: round(v, 1) for k, v in self.per_second.items()},
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "ratios": self.ratios,
            "not_ok": self.not_ok,
            "stopped_by_deadline": self.stopped_by_deadline,
        }

    def summary(self) -> str:
        rates = ", ".join(f"{name} {rate:.0f}/s" for name, rate in self.per_second.items())
        ratios = ", ".join(f"{name} ÷ login {ratio:.2f}" for name, ratio in self.ratios.items())
        return (
            f"Throughput on {self.database} under gunicorn, the pages in turn, {self.clients} "
            f"clients, {self.requests} requests each: {rates}.\n  {ratios}"
            + (f"; {self.not_ok} answers not 200" if self.not_ok else "")
            + (" (stopped at the deadline)" if self.stopped_by_deadline else "")
        )


def run_throughput(
    data_dir: Path,
    username: str,
    user,
    requests: int = 500,
    clients: int = 4,
    deadline_seconds: float = THROUGHPUT_DEADLINE_SECONDS,
) -> Throughput:
    """Serve the benchmark's database with gunicorn; time `requests` GETs of each page in turn.

    The login page is asked for logged out, the others logged in; each page gets a warm-up
    first. The pages take turns in THROUGHPUT_ROUNDS rounds; all stop at `deadline_seconds`
    whatever they have done by then.
    """
    import os

    from django.db import connections

    password = secrets.token_urlsafe(16)
    user.set_password(password)
    user.save(update_fields=["password"])
    environment = hosted_environment()
    result = Throughput(clients=clients, requests=requests)
    if os.environ.get("DATABASE_URL"):
        environment["DATABASE_URL"] = os.environ["DATABASE_URL"]
        result.database = "PostgreSQL"
    connections.close_all()  # the server gets the database to itself while it runs
    server = ServerProcess(data_dir / "throughput", arguments=PRODUCTION, environment=environment)
    server.environment["TENDING_DATA_DIR"] = str(data_dir)
    print(f"Throughput: {requests} requests per page from {clients} clients…", flush=True)
    server.start()
    try:
        clients_of = {}
        for name, path in THROUGHPUT_PAGES:
            sessions = []
            for _ in range(clients):
                session = HttpSession(server.host, server.port, timeout=30, https_origin=True)
                if name != "login":
                    session.login(username, password)
                sessions.append(session)
            for session in sessions:
                for _ in range(WARMUP_PER_CLIENT):
                    session.get(path)
            clients_of[name] = sessions
        done_of, seconds_of = Counter(), Counter()
        stop_at = time.monotonic() + deadline_seconds
        for share in _rounds(requests, THROUGHPUT_ROUNDS):
            for name, path in THROUGHPUT_PAGES:
                left = max(0.0, stop_at - time.monotonic())
                done, seconds, not_ok, late = _drive(clients_of[name], path, share, left)
                done_of[name] += done
                seconds_of[name] += seconds
                result.not_ok += not_ok
                result.stopped_by_deadline = result.stopped_by_deadline or late
        for name, _ in THROUGHPUT_PAGES:
            seconds = seconds_of[name]
            result.per_second[name] = done_of[name] / seconds if seconds else 0.0
            result.seconds[name] = seconds
            for session in clients_of[name]:
                session.close()
    finally:
        server.stop()
    return result


def _rounds(requests: int, rounds: int) -> list[int]:
    """`requests` split into `rounds` nearly equal shares (fewer when there are fewer)."""
    rounds = max(1, min(rounds, requests))
    return [requests // rounds + (turn < requests % rounds) for turn in range(rounds)]


def _drive(
    sessions: list[HttpSession], path: str, requests: int, deadline_seconds: float
) -> tuple[int, float, int, bool]:
    """GET `path` `requests` times across the sessions: (answered, seconds, not ok, late)."""
    lock = threading.Lock()
    budget = iter(range(requests))
    counts = Counter()
    stop_at = time.monotonic() + deadline_seconds

    def client(session: HttpSession) -> None:
        while True:
            with lock:
                turn = next(budget, None)
            if turn is None:
                return
            if time.monotonic() > stop_at:
                with lock:
                    counts["late"] = 1
                return
            try:
                status = session.get(path).status
            except (OSError, http.client.HTTPException):
                status = 0
            with lock:
                counts["done"] += 1
                counts["not_ok"] += status != 200

    threads = [threading.Thread(target=client, args=(s,), daemon=True) for s in sessions]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(deadline_seconds + 60)
    seconds = time.monotonic() - began
    return counts["done"], seconds, counts["not_ok"], bool(counts["late"])
