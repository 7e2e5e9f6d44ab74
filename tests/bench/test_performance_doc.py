"""docs/performance.md's table is made from the committed reports, and its searches find text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tending.bench.pages import SEARCH_WORDS
from tending.bench.report import TABLE_END, TABLE_START, markdown_table, read_json
from tending.demo import fill_demo
from tending.journal.search import search_entries
from tests.demo.common import TODAY, make_user

ROOT = Path(__file__).resolve().parent.parent.parent


def committed_table() -> str:
    document = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    return document.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0].lstrip("\n")


def test_item_24_the_performance_table_is_what_the_reports_make():
    sqlite = read_json(ROOT / "docs" / "bench" / "sqlite.json")
    postgresql = read_json(ROOT / "docs" / "bench" / "postgresql.json")
    assert committed_table() == markdown_table(sqlite, postgresql)
    lines = committed_table().splitlines()
    # The floor comes first; each row gives CPU ms, ratio, queries and wall ms per database.
    floor = sqlite["floor"]
    assert lines[2].startswith(f"| the floor (empty layout) | {floor['cpu_ms']:.2f} | 1.00 |")
    [walk] = [p for p in sqlite["pages"] if p["key"] == "/journal/search/ for walk"]
    row = next(line for line in lines if "for walk" in line)
    assert f"| {walk['cpu_ms']:.2f} | {walk['ratio']:.2f} | {walk['queries']} |" in row
    assert len(row.split("|")) == len(lines[0].split("|")) == 11
    empty = next(line for line in lines if "`/journal/search/` |" in line)
    assert row.split("|")[2:] != empty.split("|")[2:]


@pytest.mark.django_db
def test_item_24_the_benchmark_searches_for_words_the_demo_writes():
    user = make_user()
    fill_demo(user, years=1, seed=1, today=TODAY)
    for words in SEARCH_WORDS:
        assert len(search_entries(user, words)) >= 5, words
