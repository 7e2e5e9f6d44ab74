"""Everything tending needs besides its Python code goes into an installed copy of it.

setuptools puts a non-Python file into the wheel only when `package-data` in pyproject.toml
names it; a page template left out would be a server error on every page of an installed
tending, while the tests (run from the checkout) pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent


def packages() -> set[Path]:
    return {init.parent for init in (ROOT / "tending").rglob("__init__.py")}


def shipped(path: Path, patterns: list[str], homes: set[Path]) -> bool:
    """Whether a pattern of the nearest package above `path` names it (as setuptools globs)."""
    for home in sorted((h for h in homes if h in path.parents), key=lambda h: -len(h.parts)):
        relative = PurePosixPath(path.relative_to(home).as_posix())
        return any(_match(relative, pattern) for pattern in patterns)
    return False


def _match(relative: PurePosixPath, pattern: str) -> bool:
    """`**/` as zero or more folders, `*` within one name, as setuptools reads them."""
    import re

    expression = re.escape(pattern).replace(r"\*\*/", "(?:[^/]+/)*").replace(r"\*", "[^/]*")
    return re.fullmatch(expression, str(relative)) is not None


def test_every_file_that_is_not_python_is_in_the_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    homes = packages()
    left_out = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tending").rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and not shipped(path, patterns, homes)
    ]
    assert not left_out, f"not in pyproject.toml's package-data: {left_out}"


def test_the_matching_reads_patterns_as_setuptools_does():
    assert _match(PurePosixPath("jinja2/base.html"), "jinja2/**/*")
    assert _match(PurePosixPath("jinja2/journal/list.html"), "jinja2/**/*")
    assert not _match(PurePosixPath("templates/base.html"), "jinja2/**/*")
    assert _match(PurePosixPath("pulse.toml"), "*.toml")
    assert not _match(PurePosixPath("definitions/pulse.toml"), "*.toml")
