"""Two tending servers on one database keep no state of their own: a person's requests may go
to either, as behind a proxy that spreads them, and logins, writes, reads, logging out and
login throttling all hold across both.

On the PostgreSQL run the servers use a new PostgreSQL database of their own (made and
dropped here), each with its own data folder, so nothing can pass between them but the
database. On the SQLite run they share one SQLite file, and so its folder.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tending.bench.server import ServerProcess, child_environment, hosted_environment

# One worker each, hosted mode as behind a proxy: HTTPS said by X-Forwarded-Proto.
ARGUMENTS = ("serve", "--production", "--host", "{host}", "--port", "{port}", "--workers", "1")
HOST = "localhost"  # the one name the proxy passes on, whichever server it picks
NAME, PASSWORD = "robin", "a long walk by the river"


@contextmanager
def database_for_servers() -> Iterator[str | None]:
    """A new PostgreSQL database on the run's server (dropped after), or None on SQLite."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        yield None
        return
    import psycopg

    name = f"tending_two_servers_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Person:
    """One browser: one cookie jar, whichever server a request reaches."""

    def __init__(self, address: str) -> None:
        self.address = address  # where the proxy says they came from
        self.cookies: dict[str, str] = {}

    def send(
        self, server: ServerProcess, method: str, path: str, form: dict | None = None
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
        connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
            for line in answer.headers.get_all("Set-Cookie") or []:
                self._keep(line)
            return answer.status, dict(answer.getheaders()), text
        finally:
            connection.close()

    def _keep(self, line: str) -> None:
        for name, morsel in SimpleCookie(line).items():
            if morsel["max-age"] == "0" or not morsel.value or "1970" in morsel["expires"]:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def csrf_from(self, server: ServerProcess, path: str) -> str:
        status, _, page = self.send(server, "GET", path)
        assert status == 200, (path, status)
        [token] = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[:1]
        return token

    def post(self, server: ServerProcess, form_page: str, path: str, form: dict):
        token = self.csrf_from(server, form_page)
        return self.send(server, "POST", path, {"csrfmiddlewaretoken": token, **form})

    def log_in(self, server: ServerProcess, password: str = PASSWORD):
        return self.post(server, "/login/", "/login/", {"username": NAME, "password": password})


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    tmp_path = tmp_path_factory.mktemp("two-servers")
    with ExitStack() as stack:
        database = stack.enter_context(database_for_servers())
        shared = hosted_environment()  # one secret key: sessions and throttle keys agree
        shared["TENDING_ALLOWED_HOSTS"] = f"{HOST},127.0.0.1"  # 127.0.0.1: the start's probe
        if database:
            shared["DATABASE_URL"] = database
        made = []
        began = time.monotonic()
        for name in ("a", "b"):
            data_dir = tmp_path / (name if database else "shared")
            data_dir.mkdir(exist_ok=True)
            server = ServerProcess(
                data_dir,
                arguments=ARGUMENTS,
                environment=shared,
                log_path=tmp_path / f"{name}.log",
                start_timeout=120,
            )
            stack.callback(server.stop)  # and killed if need be, on the way out
            # Both start at once on a new database, as a deployment of two would: one runs
            # the migrations, the other waits for them and finds nothing left to do.
            server.launch()
            made.append(server)
        for server in made:
            server.wait_until_answering(began)  # a server that stopped over them says so
        make_account(made[0].data_dir, shared)
        yield made[0], made[1]


def make_account(data_dir: Path, shared: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tending", "createuser", NAME, "--password-stdin"],
        input=PASSWORD + "\n",
        env=child_environment(data_dir, shared),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_person_moves_between_servers_and_stays_who_they_are(servers):
    a, b = servers
    person = Person("203.0.113.7")
    status, headers, _ = person.log_in(a)
    assert status == 302 and headers["Location"] == "/today/", a.output(tail=2000)
    assert "sessionid" in person.cookies

    # Logged in on A; B knows it from the same cookie.
    status, _, page = person.send(b, "GET", "/today/")
    assert status == 200 and NAME in page

    # A write on B is read on A.
    sam = {"name": "Sam Riverside", "kind": "friend", "ring": "inner"}
    status, _, _ = person.post(b, "/circle/add/", "/circle/add/", sam)
    assert status == 302, b.output(tail=2000)
    status, _, page = person.send(a, "GET", "/circle/")
    assert status == 200 and "Sam Riverside" in page

    # Logging out on B ends the session on A too, even with the old cookie sent again.
    cookie = person.cookies["sessionid"]
    status, _, _ = person.post(b, "/today/", "/logout/", {})
    assert status == 302
    person.cookies["sessionid"] = cookie
    status, headers, _ = person.send(a, "GET", "/today/")
    assert status == 302 and headers["Location"].startswith("/login/")


def test_login_throttling_counts_across_both_servers(servers):
    a, b = servers
    person = Person("203.0.113.8")  # counted apart from the other test's logins
    for server in (a, b, a, b, a):  # five wrong passwords, split between the servers
        status, _, _ = person.log_in(server, password="not the password")
        assert status == 200  # the form again, with its message
    # The sixth try waits, on either server, even with the right password.
    for server in (b, a):
        status, headers, _ = person.log_in(server)
        assert status == 429 and int(headers["Retry-After"]) > 0
    assert "sessionid" not in person.cookies
