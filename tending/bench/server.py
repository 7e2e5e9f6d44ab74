"""Run the real tending server as a child process on a loopback port, and kill it on demand.

Used by the durability test and the benchmark. The server runs in its own process group, so
killing it takes gunicorn's workers down too, as a crash or a power cut would. POSIX only.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

# `{host}` and `{port}` are filled in at each start.
PERSONAL = ("serve", "--host", "{host}", "--port", "{port}")
PRODUCTION = ("serve", "--production", "--host", "{host}", "--port", "{port}", "--workers", "2")
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)
# Left behind by a shell or a test process; a real server starts without them.
SETTINGS_FROM_PARENT = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


class ServerError(Exception):
    """The server would not start or answer; the message includes what it printed."""


def hosted_environment(host: str = "127.0.0.1") -> dict[str, str]:
    """What `serve --production` needs to run on plain HTTP over loopback."""
    return {
        "TENDING_HOSTED": "true",
        "TENDING_SECRET_KEY": secrets.token_urlsafe(50),
        "TENDING_ALLOWED_HOSTS": f"{host},localhost",
        # No proxy terminates HTTPS here; the client says https with X-Forwarded-Proto.
        "TENDING_SSL_REDIRECT": "false",
        "TENDING_HSTS_SECONDS": "0",
    }


def child_environment(data_dir: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This process's environment without any tending settings, plus the ones given.

    A DATABASE_URL or TENDING_* variable left over in a shell must not send a test
    server to someone's real data.
    """
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TENDING_") and k not in SETTINGS_FROM_PARENT
    }
    environment["TENDING_DATA_DIR"] = str(data_dir)
    environment["PYTHONUNBUFFERED"] = "1"
    environment.update(extra or {})
    return environment


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def check_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"{host} is not a loopback address; test servers stay on this computer.")


class ServerProcess:
    """One tending server on loopback; start() it again after kill() to simulate a restart."""

    def __init__(
        self,
        data_dir: Path,
        *,
        arguments: Sequence[str] = PERSONAL,
        environment: Mapping[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int | None = None,
        log_path: Path | None = None,
        start_timeout: float = 30.0,
        python: str = sys.executable,
    ) -> None:
        check_loopback(host)
        self.data_dir = Path(data_dir)
        self.arguments = tuple(arguments)
        self.environment = child_environment(self.data_dir, environment)
        self.host = host
        self.port = port or free_port(host)
        self.log_path = log_path or self.data_dir / "server.log"
        self.start_timeout = start_timeout
        self.python = python
        self.starts = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def command(self) -> list[str]:
        filled = [a.format(host=self.host, port=self.port) for a in self.arguments]
        return [self.python, "-m", "tending", *filled]

    def start(self) -> float:
        """Start the server and wait until it answers; returns how many seconds that took."""
        began = time.monotonic()
        self.launch()
        self.wait_until_answering(began)
        return time.monotonic() - began

    def launch(self) -> None:
        """Start the server's process, not waiting for it (wait_until_answering does)."""
        if self.running:
            raise ServerError("This server is already running.")
        self.starts += 1
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            log.write(f"\n--- start {self.starts}: {' '.join(self.command())}\n".encode())
            log.flush()
            self._process = subprocess.Popen(
                self.command(),
                env=self.environment,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_answering(self, began: float) -> None:
        """Wait until the launched server answers, at most start_timeout after `began`."""
        deadline = began + self.start_timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise ServerError(
                    f"tending stopped before it answered (exit code {self._process.returncode})."
                    f" What it printed:\n{self.output(tail=4000)}"
                )
            connection = http.client.HTTPConnection(self.host, self.port, timeout=2)
            try:
                connection.request("GET", "/login/")
                connection.getresponse().read()
                return
            except OSError:
                time.sleep(0.02)
            finally:
                connection.close()
        self.kill()
        raise ServerError(
            f"tending did not answer on {self.url} within {self.start_timeout:g} s. "
            f"What it printed:\n{self.output(tail=4000)}"
        )

    def kill(self, sig: int = KILL) -> None:
        """Send `sig` to the server and everything it started, and wait for it to end."""
        process = self._process
        if process is None:
            return
        # Even when the first process has ended, workers it started may still be alive.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, KILL)
            process.wait(timeout=10)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to stop (SIGTERM); kill it if it has not stopped within `timeout`."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        except ProcessLookupError:
            pass

    def output(self, tail: int | None = None) -> str:
        """What the server printed, across all its starts (the last `tail` characters)."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        return text[-tail:] if tail else text

    def __enter__(self) -> ServerProcess:
        if not self.running:
            self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()
