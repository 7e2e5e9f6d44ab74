"""The built wheel, installed into a clean virtual environment, is a working tending.

The wheel is built from a copy of the source (the checkout is left as it was), installed with
its dependencies into a new virtual environment, and run from there: `tending check`, then
the container's own entry script (docker/entrypoint.sh) in hosted mode, asked for /healthz,
the login page and a static file, and the container's health check run against it. Nothing
from the checkout may be imported: PYTHONSAFEPATH keeps the working folder off sys.path.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tending
from tending.bench.server import ServerProcess, child_environment, free_port

pytestmark = pytest.mark.one_database  # a child process on its own SQLite file

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "tending.example.org"
# What the wheel is built from; nothing else of the checkout is in it.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "tending")


def run(command: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A new virtual environment with the wheel and its dependencies (from the package index)."""
    place = tmp_path_factory.mktemp("wheel")
    source = place / "source"
    source.mkdir()
    for name in SOURCES:
        found = ROOT / name
        if found.is_dir():
            shutil.copytree(found, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(found, source / name)
    wheels = place / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(source)], 600)
    [wheel] = wheels.glob("tending-*.whl")
    environment = place / "venv"
    run([sys.executable, "-m", "venv", str(environment)], 300)
    run([str(environment / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], 900)
    return environment


def clean_environment(venv: Path, data_dir: Path, extra: dict[str, str] | None = None) -> dict:
    environment = child_environment(data_dir, extra)
    environment["PATH"] = f"{venv / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
    environment["PYTHONSAFEPATH"] = "1"  # the working folder (the checkout) is not importable
    environment.pop("PYTHONPATH", None)
    environment.pop("VIRTUAL_ENV", None)
    return environment


def test_the_wheel_runs_tending_check_from_its_own_install(venv, tmp_path):
    environment = clean_environment(venv, tmp_path / "data")
    where = run(
        [str(venv / "bin" / "python"), "-c", "import tending; print(tending.__file__)"],
        60,
        env=environment,
        cwd=ROOT,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), f"tending came from {where}, not the wheel"
    checked = run([str(venv / "bin" / "tending"), "check"], 300, env=environment, cwd=tmp_path)
    assert "No problems found." in checked.stdout


class EntryScript(ServerProcess):
    """The container's entry script in place of `python -m tending serve`."""

    def command(self) -> list[str]:
        return [str(ROOT / "docker" / "entrypoint.sh")]


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path, headers={"Host": HOST, **headers})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def health_check(venv: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    """The image's HEALTHCHECK command, run with the wheel's Python."""
    command = [str(venv / "bin" / "python"), str(ROOT / "docker" / "healthcheck.py")]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=30)


def test_the_entry_script_serves_tending_from_the_wheel(venv, tmp_path):
    port = free_port()
    hosted = {
        "TENDING_HOSTED": "true",
        "TENDING_SECRET_KEY": secrets.token_urlsafe(50),
        # The first name is the one the health check sends, as in the container.
        "TENDING_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "TENDING_STATIC_ROOT": str(tmp_path / "static"),
        "TENDING_LISTEN_ADDRESS": "127.0.0.1",
        "TENDING_PORT": str(port),
        "TENDING_WORKERS": "2",
    }
    environment = clean_environment(venv, tmp_path / "data", hosted)
    server = EntryScript(tmp_path / "data", port=port, start_timeout=180)
    server.environment = environment
    with server:
        status, headers, body = get(port, "/healthz")  # plain HTTP, as a proxy probes
        assert (status, body) == (200, b'{"status": "ok"}'), server.output(tail=3000)
        assert "Set-Cookie" not in headers
        status, _, body = get(port, "/login/", **{"X-Forwarded-Proto": "https"})
        assert status == 200, server.output(tail=3000)
        page = body.decode()
        assert 'name="password"' in page
        # Static files were collected (hashed names, served by whitenoise).
        [stylesheet] = re.findall(r'href="(/static/tending/tending\.[0-9a-f]+\.css)"', page)
        status, headers, _ = get(port, stylesheet, **{"X-Forwarded-Proto": "https"})
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert get(port, "/login/")[0] == 301  # every page but /healthz goes to HTTPS
        check = health_check(venv, environment)
        assert check.returncode == 0, check.stdout + check.stderr
        assert '"ok"' in check.stdout
    assert not server.running
    # Once stopped, the health check says so and fails.
    check = health_check(venv, environment)
    assert check.returncode == 1 and "did not answer" in check.stdout


def test_the_entry_script_runs_a_command_it_is_given(venv, tmp_path):
    environment = clean_environment(venv, tmp_path / "data")
    result = run(
        [str(ROOT / "docker" / "entrypoint.sh"), "tending", "--version"],
        60,
        env=environment,
        cwd=tmp_path,
    )
    assert result.stdout.strip() == f"tending {tending.__version__}"
