#!/usr/bin/env python3
"""Set up tending in a local virtual environment, then run it or its tests.

    python3 dev.py start [tending options]   set up, then start tending on SQLite
    python3 dev.py test  [pytest options]    set up, then run the whole test suite
    python3 dev.py screenshots               set up, then take every page's picture again
                                             into docs/screenshots/ (and docs/screenshots.md)

`test` also takes --postgres URL (run the suite a second time on PostgreSQL) and
--require-browser (fail, rather than skip, when Chromium is missing).
Only the Python standard library is used here, so it works on a fresh machine.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("TENDING_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def ensure_environment(extras: str) -> None:
    """Create the virtual environment and install tending, again only when pyproject changes.

    One environment serves both commands: `start` is happy with what `test` installed (a
    superset), and `test` after `start` adds only the test tools, once.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit(f"tending needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / ".tending-installed"
    previous = stamp.read_text() if stamp.exists() else ""
    wanted = extras_to_install(previous, digest, extras)
    if wanted is None:
        return
    if not previous:
        say("installing tending and what it needs (first time only)")
    elif previous.partition(" ")[0] != digest:
        say("pyproject.toml has changed: bringing the environment up to date")
    else:
        say("adding the test tools to the same environment (once)")
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}{wanted}"], check=True)
    stamp.write_text(stamp_text(digest, wanted))


def stamp_text(digest: str, extras: str) -> str:
    """What the stamp file says: the pyproject it was installed from, and with which extras."""
    return f"{digest} {extras}".rstrip()


def extras_to_install(stamp: str, digest: str, extras: str) -> str | None:
    """The extras to install now (e.g. "[test]"), or None when what is installed will do.

    An install for the same pyproject with every wanted extra serves; otherwise install the
    wanted extras together with the ones installed before, so switching between `start` and
    `test` never installs twice.
    """
    installed_digest, _, installed = stamp.partition(" ")
    have = _names(installed) if installed_digest == digest else set()
    want = _names(extras)
    if installed_digest == digest and want <= have:
        return None
    every = want | _names(installed)
    return f"[{','.join(sorted(every))}]" if every else ""


def _names(extras: str) -> set[str]:
    return {name.strip() for name in extras.strip("[]").split(",") if name.strip()}


def start(args: list[str]) -> int:
    ensure_environment("")
    tending = BIN / ("tending.exe" if os.name == "nt" else "tending")
    return subprocess.call([str(tending), *args])


def test(args: list[str]) -> int:
    postgres = None
    if "--postgres" in args:
        at = args.index("--postgres")
        postgres = args[at + 1]
        del args[at : at + 2]
    env = dict(os.environ)
    if "--require-browser" in args:
        args.remove("--require-browser")
        env["TENDING_REQUIRE_BROWSER"] = "1"
    ensure_environment("[test]")
    env.pop("DATABASE_URL", None)
    for name in [k for k in env if k.startswith("TENDING_") and k != "TENDING_REQUIRE_BROWSER"]:
        env.pop(name)
    env["TENDING_DATA_DIR"] = tempfile.mkdtemp(prefix="tending-test-")

    say("ruff: checking style")
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", "--quiet", str(ROOT)])
    runs = [("SQLite", None)] + ([("PostgreSQL", postgres)] if postgres else [])
    # The runs go side by side on their own data folders: the SQLite run waits on the browser
    # much of the time, so on two cores both finish in about the time of the longer one. The
    # PostgreSQL run's output is kept in a file and shown once the SQLite run has finished.
    started = []
    for label, url in runs:
        run_env = dict(env)
        run_env["TENDING_DATA_DIR"] = tempfile.mkdtemp(prefix=f"tending-test-{label.lower()}-")
        if url:
            run_env["DATABASE_URL"] = url
        if len(runs) > 1:  # tests/conftest.py shares the browser tests out between the runs
            run_env["TENDING_RUNS_ALONGSIDE"] = "1"
        report = Path(env["TENDING_DATA_DIR"]) / f"junit-{label}.xml"
        command = [str(PYTHON), "-m", "pytest", f"--junitxml={report}", *args]
        if started:
            log_path = Path(env["TENDING_DATA_DIR"]) / f"pytest-{label}.log"
            log = log_path.open("w")
            say(f"pytest on {label}, alongside (its output follows the first run's)")
            process = subprocess.Popen(
                command, cwd=ROOT, env=run_env, stdout=log, stderr=subprocess.STDOUT
            )
            started.append((label, process, report, log_path, log))
        else:
            say(f"pytest on {label}")
            process = subprocess.Popen(command, cwd=ROOT, env=run_env)
            started.append((label, process, report, None, None))
    results = []
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    for label, process, report, log_path, log in started:
        code = process.wait()
        if log is not None:
            log.close()
            say(f"pytest on {label}: its output")
            sys.stdout.write(log_path.read_text(errors="replace"))
            sys.stdout.flush()
        results.append((label, code))
        for key, value in count_results(report).items():
            totals[key] += value
    for label, code in results:
        say(f"{label}: {'passed' if code == 0 else f'FAILED (exit {code})'}")
    if lint:
        say("ruff found problems (see above)")
    failed = bool(lint or any(code for _, code in results))
    if failed and totals["failed"] == 0:
        totals["failed"] = 1  # a lint failure or a crashed run still counts as a failure
    # One closing line over every run, for people and for CI.
    print(f"all: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if failed else 0


SCREENSHOTS_TEST = "tests/browser/test_screenshots.py"


def screenshots_command(args: list[str]) -> list[str]:
    """The pytest run that takes every page's picture (the test reads TENDING_SCREENSHOTS)."""
    return [str(PYTHON), "-m", "pytest", SCREENSHOTS_TEST, "-q", "-p", "no:cacheprovider", *args]


def screenshots(args: list[str]) -> int:
    ensure_environment("[test]")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    env.pop("DATABASE_URL", None)
    env.update(TENDING_SCREENSHOTS="1", TENDING_REQUIRE_BROWSER="1")
    env["TENDING_DATA_DIR"] = tempfile.mkdtemp(prefix="tending-screenshots-")
    say("taking every page's picture at 390 and 1280 px, light and dark (a few minutes)")
    code = subprocess.call(screenshots_command(args), cwd=ROOT, env=env)
    pictures = sorted((ROOT / "docs" / "screenshots").glob("*.png"))
    size = sum(p.stat().st_size for p in pictures)
    say(f"docs/screenshots/: {len(pictures)} pictures, {size / 1_000_000:.1f} MB")
    return code


def count_results(report: Path) -> dict[str, int]:
    """Passed, failed and skipped counts from a pytest JUnit XML report."""
    import xml.etree.ElementTree as ElementTree

    if not report.exists():
        return {}
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for suite in ElementTree.parse(report).getroot().iter("testsuite"):
        tests = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        counts["failed"] += bad
        counts["skipped"] += skipped
        counts["passed"] += tests - bad - skipped
    return counts


def main() -> int:
    commands = {"start": start, "test": test, "screenshots": screenshots}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
