"""The maintainer's guides name real files: a rename that forgets them fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("docs/architecture.md", "docs/testing.md", "docs/design.md")
# Paths of this repository, written in backticks: `tending/core/ownership.py`, `tests/browser/`.
NAMED_PATH = re.compile(r"`((?:tending|tests|scripts|docs)/[^`\s<>…*]*)`")


def named_paths(guide: str) -> list[str]:
    found = NAMED_PATH.findall((ROOT / guide).read_text(encoding="utf-8"))
    return sorted({path.split("::")[0] for path in found})  # a test's id names its file


@pytest.mark.parametrize("guide", GUIDES)
def test_item_14_every_path_a_guide_names_exists(guide):
    paths = named_paths(guide)
    assert len(paths) >= 10, "the guide should point at real files"
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert missing == [], f"{guide} names files that are not there: {missing}"


def test_item_14_the_architecture_guide_names_each_part():
    text = (ROOT / "docs/architecture.md").read_text(encoding="utf-8")
    parts = sorted(p.name for p in (ROOT / "tending").iterdir() if (p / "__init__.py").exists())
    assert [part for part in parts if f"`tending/{part}/" not in text] == []


def test_item_15_every_picture_the_readme_shows_is_there():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r'src="([^"]+)"', text) + re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 4
    missing = [p for p in pictures if not (ROOT / p).is_file()]
    assert missing == [], f"the README shows pictures that are not there: {missing}"
