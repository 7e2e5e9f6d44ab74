"""The layout mirrors for a right-to-left language: the stylesheets name sides logically
(start and end), never left and right, so `dir="rtl"` turns every page around."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "tending"
SHEETS = sorted(p for p in STATIC.rglob("*.css") if "vendor" not in p.parts)
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)|left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)"
)


@pytest.mark.parametrize("sheet", SHEETS, ids=[p.name for p in SHEETS])
def test_no_side_is_named_left_or_right(sheet):
    css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
    found = [match.group(0) for match in PHYSICAL.finditer(css)]
    assert not found, f"{sheet.name} names physical sides: {found} (use inline-start/end)"


def test_the_check_sees_a_physical_side():
    assert PHYSICAL.search(".a { margin-left: 1px }")
    assert PHYSICAL.search(".a { position: absolute; right: 0 }")
    assert PHYSICAL.search("th { text-align: left }")
    assert not PHYSICAL.search(".a { margin-inline-start: 1px; inset-inline-end: 0 }")
    assert not PHYSICAL.search(".a { border-top-left-radius: 2px }")
