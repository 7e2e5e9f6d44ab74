"""docs/importing.md gives the limits the code keeps (a file apart: mutation runs copy no docs)."""

from __future__ import annotations

from pathlib import Path


def test_the_zip_limits_are_the_ones_the_docs_give():
    from tending.exchange.foreign import dayone

    docs = (Path(__file__).parents[2] / "docs" / "importing.md").read_text(encoding="utf-8")
    assert f"at most {dayone.MOST_MEMBERS:,} files" in docs
    assert f"at most {dayone.MOST_JSON // 2**20} MB of JSON" in docs
    assert dayone.MOST_JSON % 2**20 == 0
