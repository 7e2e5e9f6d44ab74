"""How fast the `tending` command starts, side by side with jrnl doing the same thing.

jrnl is a journal at the terminal that people know; each of tending's everyday terminal
commands is timed against jrnl doing the comparable thing, as whole processes started from
scratch, alternating so both see the same machine:

    tending journal search walk      vs  jrnl -contains walk   (both print the same 100 entries)
    tending log Alex --note ...      vs  jrnl "today: ..."     (both add one entry)
    tending checkin --help           vs  jrnl --help

Each side gets a fresh folder of its own with the same 100 journal entries (tending: an
account with one person and 100 entries, in a temporary TENDING_DATA_DIR; jrnl: a plain-text
journal with a temporary config, no encryption). Your own data is never touched.

jrnl (4.x) goes in an environment of its own, not in tending's:

    python3 -m venv /tmp/jrnl-venv && /tmp/jrnl-venv/bin/pip install 'jrnl>=4,<5'
    python scripts/cli_speed.py --jrnl /tmp/jrnl-venv/bin/jrnl

(--install-jrnl /tmp/jrnl-venv does that first step for you.) Prints the median time of each
command and the ratio tending ÷ jrnl, and exits with 1 when a ratio is over the limit (1.2).
The verdict is on CPU time (user + system) of the whole process, which other work on the
machine barely moves; wall time is shown beside it. Both run with bytecode caching on, as
installed programs do, after warm-up runs. POSIX only (it reads the children's CPU time).
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

LIMIT = 1.2
ENTRIES = 100
WORD = "walk"
WARM_UP = 2
MAX_RUNS = 200

THINGS = [
    "a slow walk by the river before work",
    "the walk home with Alex, talking about nothing much",
    "a walk in the rain that turned into a good day",
    "a short walk at lunch, and a call with my sister after",
]

# Run by `tending manage shell -c`: the same 100 entries jrnl gets, and one person to log with.
FILL_TENDING = """
from datetime import date
from tending.circle.models import Person
from tending.core.models import User
from tending.journal.models import Entry
from tending.journal.services import save_entry
user = User.objects.get(username="sam")
Person.objects.create(owner=user, name="Alex")
for day, title, body in {entries!r}:
    save_entry(user, Entry(title=title, body=body, written_on=date.fromisoformat(day)))
"""

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default: {{journal: {journal}}}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


@dataclass
class Pair:
    what: str
    tending: list[str]
    jrnl: list[str]


@dataclass
class Row:
    """One command's medians, in milliseconds: CPU time (user + system) and wall time."""

    what: str
    tending_ms: float
    jrnl_ms: float
    tending_wall_ms: float = 0.0
    jrnl_wall_ms: float = 0.0

    @property
    def ratio(self) -> float:
        return ratio(self.tending_ms, self.jrnl_ms)

    @property
    def wall_ratio(self) -> float:
        return ratio(self.tending_wall_ms, self.jrnl_wall_ms)


def ratio(tending_ms: float, jrnl_ms: float) -> float:
    return tending_ms / jrnl_ms if jrnl_ms > 0 else float("inf")


def over_limit(rows: list[Row], limit: float = LIMIT) -> list[Row]:
    """The rows whose ratio is over `limit`: any one of them fails the run."""
    return [row for row in rows if row.ratio > limit]


def sample_entries(count: int = ENTRIES) -> list[tuple[str, str, str]]:
    """(day, title, body) for `count` days up to yesterday, every one mentioning WORD."""
    first = date.today() - timedelta(days=count)
    return [
        (
            (first + timedelta(days=n)).isoformat(),
            f"Day {n + 1}",
            f"Today: {THINGS[n % len(THINGS)]}. Grateful for small things, and for rest.",
        )
        for n in range(count)
    ]


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("DATABASE_URL", None)  # tending's own SQLite file in the temporary folder
    env.update(extra)
    return env


def prepare(tending: list[str], jrnl: str, folder: Path) -> tuple[dict, dict]:
    entries = sample_entries()
    tending_env = child_env({"TENDING_DATA_DIR": str(folder / "tending")})
    subprocess.run(
        [*tending, "createuser", "sam", "--password-stdin"],
        input="a long enough password\n",
        text=True,
        env=tending_env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    code = FILL_TENDING.format(entries=entries)
    subprocess.run(
        [*tending, "manage", "shell", "-c", code],
        env=tending_env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    home = folder / "jrnl-home"
    (home / ".config" / "jrnl").mkdir(parents=True)
    journal = home / "journal.txt"
    journal.write_text(
        "\n".join(f"[{day} 09:00] {title}.\n{body}\n" for day, title, body in entries),
        encoding="utf-8",
    )
    (home / ".config" / "jrnl" / "jrnl.yaml").write_text(
        JRNL_CONFIG.format(journal=journal), encoding="utf-8"
    )
    jrnl_env = child_env({"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")})
    return tending_env, jrnl_env


def pairs(tending: list[str], jrnl: str) -> list[Pair]:
    return [
        Pair(
            f"journal search {WORD}",
            [*tending, "journal", "search", WORD],
            [jrnl, "-contains", WORD],
        ),
        Pair(
            "log (a moment)",
            [*tending, "log", "Alex", "--note", "Coffee and a walk"],
            [jrnl, "today: Coffee and a walk with Alex."],
        ),
        Pair("checkin --help", [*tending, "checkin", "--help"], [jrnl, "--help"]),
    ]


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """(CPU, wall) milliseconds of one whole process, from start to exit.

    CPU time (user + system, of the process and anything it waited for) is what the verdict
    uses: other work on the machine barely moves it, while wall time follows the load.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{shlex.join(command)} failed ({result.returncode}):\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return cpu, wall


def measure(pair: Pair, runs: int, tending_env: dict, jrnl_env: dict) -> Row:
    sides = [(pair.tending, tending_env, []), (pair.jrnl, jrnl_env, [])]
    for _ in range(WARM_UP):
        for command, env, _ in sides:
            timed(command, env)
    for run in range(runs):
        # Alternating which goes first, so neither always follows the other.
        for command, env, times in sides if run % 2 == 0 else sides[::-1]:
            times.append(timed(command, env))
    (_, _, mine), (_, _, theirs) = sides

    def median(times: list[tuple[float, float]], which: int) -> float:
        return statistics.median(t[which] for t in times)

    return Row(pair.what, median(mine, 0), median(theirs, 0), median(mine, 1), median(theirs, 1))


def table(rows: list[Row], limit: float = LIMIT) -> str:
    lines = [
        f"{'':<22} {'CPU ms':^22} {'':>6} {'wall ms':^22}",
        f"{'command':<22} {'tending':>8} {'jrnl':>6} {'ratio':>6} {'tending':>9} {'jrnl':>6}"
        f" {'ratio':>6}",
        "-" * 70,
    ]
    for row in rows:
        mark = "" if row.ratio <= limit else f"  over {limit}"
        lines.append(
            f"{row.what:<22} {row.tending_ms:>8.0f} {row.jrnl_ms:>6.0f} {row.ratio:>6.2f}"
            f" {row.tending_wall_ms:>9.0f} {row.jrnl_wall_ms:>6.0f} {row.wall_ratio:>6.2f}{mark}"
        )
    return "\n".join(lines)


def install_jrnl(venv: Path) -> str:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "jrnl>=4,<5"], check=True)
    return str(venv / "bin" / "jrnl")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jrnl", help="the jrnl program (default: jrnl on PATH)")
    parser.add_argument(
        "--install-jrnl", metavar="DIR", type=Path, help="make a venv at DIR with jrnl 4.x first"
    )
    parser.add_argument(
        "--tending",
        default=shlex.join([sys.executable, "-m", "tending"]),
        help="how to run tending (default: this Python's -m tending)",
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    parser.add_argument("--limit", type=float, default=LIMIT, help=f"ratio allowed ({LIMIT})")
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= MAX_RUNS:
        parser.error(f"--runs: please choose from 1 to {MAX_RUNS}")
    jrnl = install_jrnl(args.install_jrnl) if args.install_jrnl else args.jrnl
    jrnl = jrnl or shutil.which("jrnl")
    if not jrnl:
        print(__doc__.split("jrnl (4.x) goes")[1].join(["jrnl (4.x) goes", ""]), file=sys.stderr)
        return 2
    tending = shlex.split(args.tending)
    with tempfile.TemporaryDirectory(prefix="tending-cli-speed-") as folder:
        tending_env, jrnl_env = prepare(tending, jrnl, Path(folder))
        rows = [measure(p, args.runs, tending_env, jrnl_env) for p in pairs(tending, jrnl)]
    print(
        f"Median of {args.runs} runs each, alternating; ratio = tending ÷ jrnl (CPU time judged)."
    )
    print(table(rows, args.limit))
    slow = over_limit(rows, args.limit)
    if slow:
        print(f"Over {args.limit}×: {', '.join(row.what for row in slow)}.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
