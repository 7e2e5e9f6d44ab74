#!/usr/bin/env python3
"""Mutation testing for tending's core logic: change one thing in a module, see its tests fail.

    .venv/bin/python scripts/mutate.py                       every module in scripts/mutants.toml
    .venv/bin/python scripts/mutate.py tending/today/reach_out.py
    .venv/bin/python scripts/mutate.py --postgres postgres://postgres@127.0.0.1:5432/tending_mut
    .venv/bin/python scripts/mutate.py --list tending/core/ownership.py   show mutants, run nothing

Each mutant is one small change a careless edit could make: a comparison turned around
(< and <=, == and !=, in and not in), arithmetic swapped (+ and -, * and /), a number moved by
one, True and False swapped, `and` and `or` swapped, a `not` dropped, `continue` and `break`
swapped, a max()/min() clamp removed, a returned value replaced by None. Words are never
changed: text and f-strings are left alone, so a mutant is always about behaviour.

Mutants are written into a throw-away copy of the project, never into the checkout, so an
interrupted run (Ctrl-C, a killed terminal) cannot leave a changed file behind. The copy writes
no bytecode, so a mutant the same size as the original is never hidden by a stale .pyc.

This is a command to run by hand before trusting a change to core logic, not part of CI.
Only the standard library is used; the tests run with the project's own Python.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP_FILE = Path(__file__).resolve().parent / "mutants.toml"

_COMPARE_SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_ARITHMETIC_SWAPS: dict[type, type] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
}


@dataclass(frozen=True)
class Mutant:
    line: int
    start: tuple[int, int]  # (line, column) where the replaced source begins
    end: tuple[int, int]
    kind: str
    before: str
    after: str

    def describe(self) -> str:
        return f"line {self.line}: {self.kind}: {self.before}  ->  {self.after}"


class _Finder:
    """Walks a module and yields every mutant with the exact source span it replaces."""

    def __init__(self, source: str):
        self.source = source
        self.tree = ast.parse(source)
        self.protected = self._protected_nodes()

    def _protected_nodes(self) -> set[int]:
        protected: set[int] = set()
        for node in ast.walk(self.tree):
            inner: list[ast.AST] = []
            if isinstance(node, ast.JoinedStr):
                inner = [node]
            elif isinstance(node, ast.AnnAssign | ast.arg) and node.annotation is not None:
                inner = [node.annotation]
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
                inner = [node.returns]
            elif isinstance(node, ast.ImportFrom | ast.Import):
                inner = [node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                # Decorators declare (frozen=True, a property): not logic a test pins.
                inner = [*inner, *node.decorator_list]
            for top in inner:
                protected.update(id(n) for n in ast.walk(top))
        return protected

    def mutants(self) -> Iterator[Mutant]:
        for node in ast.walk(self.tree):
            if id(node) in self.protected or not hasattr(node, "lineno"):
                continue
            yield from self._for(node)

    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or ast.unparse(node)

    def _make(self, node: ast.AST, kind: str, replacement: str) -> Mutant:
        return Mutant(
            line=node.lineno,
            start=(node.lineno, node.col_offset),
            end=(node.end_lineno, node.end_col_offset),
            kind=kind,
            before=self._segment(node),
            after=replacement,
        )

    def _swapped(self, node: ast.AST, change) -> str:
        twin = copy.deepcopy(node)
        change(twin)
        return f"({ast.unparse(twin)})"

    def _for(self, node: ast.AST) -> Iterator[Mutant]:
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swap = _COMPARE_SWAPS.get(type(op))
                if swap is not None:

                    def change(twin, i=i, swap=swap):
                        twin.ops[i] = swap()

                    yield self._make(node, "comparison", self._swapped(node, change))
        elif isinstance(node, ast.BinOp):
            swap = _ARITHMETIC_SWAPS.get(type(node.op))
            if swap is not None:

                def change(twin, swap=swap):
                    twin.op = swap()

                yield self._make(node, "arithmetic", self._swapped(node, change))
        elif isinstance(node, ast.AugAssign):
            swap = _ARITHMETIC_SWAPS.get(type(node.op))
            if swap is not None:

                def change(twin, swap=swap):
                    twin.op = swap()

                twin = copy.deepcopy(node)
                change(twin)
                yield self._make(node, "arithmetic", ast.unparse(twin))
        elif isinstance(node, ast.BoolOp):
            other = ast.Or() if isinstance(node.op, ast.And) else ast.And()

            def change(twin, other=other):
                twin.op = other

            yield self._make(node, "boolean", self._swapped(node, change))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield self._make(node, "boolean", f"({self._segment(node.operand)})")
        elif isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                yield self._make(node, "constant", repr(not value))
            elif isinstance(value, int | float):
                yield self._make(node, "constant", repr(value + 1))
                yield self._make(node, "constant", repr(value - 1))
        elif isinstance(node, ast.Continue):
            yield self._make(node, "loop", "break")
        elif isinstance(node, ast.Break):
            yield self._make(node, "loop", "continue")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("max", "min")
            and len(node.args) >= 2
            and not node.keywords
        ):
            for arg in node.args:
                yield self._make(node, "clamp", f"({self._segment(arg)})")
        elif isinstance(node, ast.Return) and node.value is not None:
            returns_none = isinstance(node.value, ast.Constant) and node.value.value is None
            if not returns_none:
                yield self._make(node, "return", "return None")


def find_mutants(source: str) -> list[Mutant]:
    found = sorted(_Finder(source).mutants(), key=lambda m: (m.start, m.kind, m.after))
    return [m for m in found if m.before != m.after]


def apply(source: str, mutant: Mutant) -> str:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()))
    data = source.encode()

    def at(position: tuple[int, int]) -> int:
        line, column = position
        return offsets[line - 1] + column  # ast columns are byte offsets

    start, end = at(mutant.start), at(mutant.end)
    changed = (data[:start] + mutant.after.encode() + data[end:]).decode()
    ast.parse(changed)  # a mutant must still be valid Python
    return changed


# Tests of a pure module need neither Django nor the shared fixtures; leaving them out makes
# each mutant cost a fraction of a second instead of a Django start-up.
PURE = ["-p", "no:django", "--noconftest"]


@dataclass(frozen=True)
class Equivalent:
    """A mutant that cannot change what anyone sees, listed in mutants.toml with the reason."""

    change: str  # "before -> after", as the mutant is described
    on: str  # text of the line it is on, so the entry follows the line when lines move
    why: str

    def matches(self, mutant: Mutant, source_lines: list[str]) -> bool:
        line = source_lines[mutant.line - 1]
        return f"{mutant.before} -> {mutant.after}" == self.change and self.on in line


@dataclass(frozen=True)
class Guard:
    tests: list[str]
    django: bool  # False: the tests are pure and run without Django and the shared fixtures
    equivalent: tuple[Equivalent, ...] = ()

    def arguments(self, tests: list[str] | None = None) -> list[str]:
        return [*([] if self.django else PURE), *(tests or self.tests)]


def load_map() -> dict[str, Guard]:
    with MAP_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        module: Guard(
            list(entry["tests"]),
            bool(entry.get("django", True)),
            tuple(Equivalent(**known) for known in entry.get("equivalent", [])),
        )
        for module, entry in data["modules"].items()
    }


def _copy_project(into: Path) -> Path:
    """A copy of the checkout without .git, .venv or bytecode, for the mutants to be written to."""
    target = into / "project"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", "*.pyc", "node_modules", "*.egg-info", "docs"
    )
    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    return target


def _preload() -> None:
    """Import the heavy libraries once, before forking, so each mutant pays only for its tests.

    Nothing of tending is imported here: every child imports the project copy afresh.
    """
    import django.db.models  # noqa: F401
    import django.test  # noqa: F401
    import pytest  # noqa: F401

    for name in ("pytest_django", "hypothesis", "factory", "time_machine"):
        with contextlib.suppress(ImportError):
            __import__(name)


def _steady_hypothesis() -> None:
    """The same examples on every run and no time limit: a busy machine must not kill a mutant."""
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:
        return
    settings.register_profile(
        "mutants",
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile("mutants")


def _run_tests(project: Path, tests: list[str], env: dict[str, str], timeout: float):
    """Run pytest on the project copy: (exit code or "timeout", seconds, output)."""
    args = ["-x", "-q", "-p", "no:cacheprovider", *tests]
    started = time.monotonic()
    if not hasattr(os, "fork"):  # a platform without fork pays the start-up on every mutant
        command = [sys.executable, "-m", "pytest", *args]
        try:
            done = subprocess.run(
                command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return "timeout", time.monotonic() - started, ""
        return done.returncode, time.monotonic() - started, done.stdout[-2000:]
    with tempfile.TemporaryFile() as log:
        pid = os.fork()
        if pid == 0:  # the child: run the tests and leave without running the parent's cleanup
            code = 70
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                os.chdir(project)
                os.environ.clear()
                os.environ.update(env)
                sys.dont_write_bytecode = True
                sys.path.insert(0, str(project))
                _steady_hypothesis()
                import pytest

                code = int(pytest.main(args))
            finally:
                os._exit(code)
        deadline = started + timeout
        done_pid, code = 0, None
        try:
            while True:
                done_pid, status = os.waitpid(pid, os.WNOHANG)
                if done_pid:
                    code = os.waitstatus_to_exitcode(status)
                    break
                if time.monotonic() > deadline:
                    code = "timeout"
                    break
                time.sleep(0.05)
        finally:
            if code == "timeout" or not done_pid:  # timed out, or we are being stopped
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        log.seek(0)
        output = log.read().decode(errors="replace")[-2000:]
    return code, time.monotonic() - started, output


def _environment(postgres: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("DATABASE_URL", None)
    if postgres:
        env["DATABASE_URL"] = postgres
    return env


@dataclass
class Outcome:
    module: str
    total: int = 0
    killed: int = 0
    survivors: list[Mutant] = field(default_factory=list)
    equivalent: list[tuple[Mutant, str]] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Killed out of the mutants that could matter (known equivalents left out)."""
        counted = self.total - len(self.equivalent)
        return 100.0 * self.killed / counted if counted else 100.0


def run_module(
    module: str,
    guard: Guard,
    tests: list[str],
    project: Path,
    env: dict[str, str],
    only_line: int | None,
    shard: tuple[int, int] | None = None,
) -> Outcome:
    path = project / module
    original = (ROOT / module).read_text()
    lines = original.splitlines()
    mutants = [m for m in find_mutants(original) if only_line is None or m.line == only_line]
    if shard is not None:
        k, n = shard
        mutants = mutants[k - 1 :: n]
    code, took, output = _run_tests(project, tests, env, timeout=900)
    if code != 0:
        print(output)
        raise SystemExit(f"{module}: its tests fail before any change; fix them first.")
    timeout = max(30.0, took * 4)
    print(f"{module}: {len(mutants)} mutants, tests take {took:.1f}s", flush=True)
    outcome = Outcome(module, total=len(mutants))
    try:
        for n, mutant in enumerate(mutants, 1):
            path.write_text(apply(original, mutant))
            code, _, _ = _run_tests(project, tests, env, timeout)
            if code != 0:
                outcome.killed += 1
                note = " (timeout)" if code == "timeout" else ""
                print(f"  [{n}/{len(mutants)}] killed{note} {mutant.describe()}", flush=True)
                continue
            known = next((e for e in guard.equivalent if e.matches(mutant, lines)), None)
            if known is not None:
                outcome.equivalent.append((mutant, known.why))
                print(f"  [{n}/{len(mutants)}] equivalent {mutant.describe()}", flush=True)
            else:
                outcome.survivors.append(mutant)
                print(f"  [{n}/{len(mutants)}] SURVIVED {mutant.describe()}", flush=True)
    finally:
        path.write_text(original)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module paths (default: all in mutants.toml)")
    parser.add_argument("--postgres", metavar="URL", help="run the tests on this PostgreSQL")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    parser.add_argument("--line", type=int, help="only mutants on this line")
    parser.add_argument("--tests", nargs="+", help="run these tests instead of the mapped ones")
    parser.add_argument(
        "--shard", metavar="K/N", help="only every N-th mutant from the K-th (run N at once)"
    )
    args = parser.parse_args(argv)

    mapping = load_map()
    modules = args.modules or list(mapping)
    for module in modules:
        if module not in mapping:
            known = ", ".join(mapping)
            parser.error(f"{module} has no tests listed in {MAP_FILE.name} (known: {known})")
    if args.list:
        for module in modules:
            for mutant in find_mutants((ROOT / module).read_text()):
                if args.line is None or mutant.line == args.line:
                    print(f"{module}: {mutant.describe()}")
        return 0

    shard = None
    if args.shard:
        try:
            k, n = (int(part) for part in args.shard.split("/"))
        except ValueError:
            parser.error("--shard takes K/N, e.g. 1/3")
        if not 1 <= k <= n:
            parser.error("--shard K/N needs 1 <= K <= N")
        shard = (k, n)
    env = _environment(args.postgres)
    # A terminal closed or `kill` must still put the copy away, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    if hasattr(os, "fork"):
        _preload()
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="tending-mutants-") as scratch:
        project = _copy_project(Path(scratch))
        for module in modules:
            guard = mapping[module]
            tests = guard.arguments(args.tests)
            outcomes.append(run_module(module, guard, tests, project, env, args.line, shard))
    print()
    print("| module | killed | equivalent | score |")
    print("|---|---|---|---|")
    for o in outcomes:
        counted = o.total - len(o.equivalent)
        print(f"| `{o.module}` | {o.killed}/{counted} | {len(o.equivalent)} | {o.score:.1f}% |")
    for o in outcomes:
        for mutant in o.survivors:
            print(f"survived in {o.module}: {mutant.describe()}")
        for mutant, why in o.equivalent:
            print(f"equivalent in {o.module}: {mutant.describe()} ({why})")
    return 0 if all(not o.survivors for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
