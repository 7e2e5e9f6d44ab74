"""Paging counted up to a cap, over a plain list: the pure rules, without a database."""

from __future__ import annotations

import pytest

from tending.core.capped_pages import capped_page, page_number


def pages_of(total: int, cap: int, size: int = 10):
    rows = range(total)
    asked_counts: list[int | None] = []

    def count(limit):
        asked_counts.append(limit)
        return total if limit is None else min(total, limit + 1)

    def read(offset, limit):
        assert offset >= 0 and limit > 0, "a database refuses a negative offset"
        return list(rows[offset : offset + limit])

    return (lambda asked: capped_page(count, read, asked, size, cap)), asked_counts


def test_under_the_cap_the_count_and_pages_are_exact():
    page, counts = pages_of(25, cap=30)
    first = page(None)
    assert first.object_list == list(range(10)) and first.count == 25 and first.num_pages == 3
    assert first.has_next and not first.has_previous and first.has_other_pages
    last = page("3")
    assert last.object_list == [20, 21, 22, 23, 24] and not last.has_next and last.has_previous
    assert counts == [30, 30]


def test_exactly_at_the_cap_is_still_counted():
    page, _ = pages_of(30, cap=30)
    assert page("1").count == 30 and page("1").num_pages == 3
    assert not page("3").has_next


def test_one_page_has_no_other_pages():
    page, _ = pages_of(10, cap=30)
    only = page("1")
    assert only.count == 10 and only.num_pages == 1 and not only.has_other_pages


def test_an_empty_list_is_page_one_of_one():
    page, _ = pages_of(0, cap=30)
    empty = page("5")
    assert empty.object_list == [] and empty.number == 1 and empty.num_pages == 1


def test_past_the_cap_only_a_next_page_is_known():
    page, counts = pages_of(45, cap=20)
    first = page(None)
    assert first.count is None and first.num_pages is None and first.cap == 20
    assert first.object_list == list(range(10)) and first.has_next
    assert counts == [20]  # nothing counted past the cap
    fifth = page("5")
    assert fifth.object_list == [40, 41, 42, 43, 44] and not fifth.has_next
    fourth = page("4")
    assert fourth.object_list == list(range(30, 40)) and fourth.has_next
    second = page("2")
    assert second.has_previous and second.object_list == list(range(10, 20))
    assert None not in counts  # a page that exists never counts everything


def test_past_the_cap_a_last_page_that_is_exactly_full_has_no_next():
    page, _ = pages_of(50, cap=20)
    fifth = page("5")
    assert fifth.object_list == list(range(40, 50)) and not fifth.has_next


@pytest.mark.parametrize("asked", ["6", "99", "0", "-2", str(10**9 + 1)])
def test_past_the_end_or_below_one_is_the_last_page(asked):
    page, counts = pages_of(45, cap=20)
    last = page(asked)
    assert last.number == 5 and last.object_list == [40, 41, 42, 43, 44]
    assert not last.has_next and last.count is None
    assert None in counts  # only now is everything counted


def test_the_last_page_looked_for_is_still_read():
    page, counts = pages_of(10**9 * 10 + 5, cap=20)
    far = page(str(10**9))
    assert far.number == 10**9 and far.has_next and None not in counts
    # One further is not looked for: it is read as past the end, and everything is counted.
    beyond = page(str(10**9 + 1))
    assert None in counts and beyond.number == 10**9 + 1  # the true last page of this list


def test_a_page_that_is_not_a_number_is_the_first():
    page, _ = pages_of(45, cap=20)
    assert page("abc").number == 1 and page(None).number == 1 and page("").number == 1
    assert page_number("7") == 7 and page_number("x") is None and page_number(None) is None


def pages_read_together(total: int, cap: int, size: int = 10):
    """As pages_of, with the count and the slice also readable in one go; what was asked."""
    rows = range(total)
    asked: list[str] = []

    def count(limit):
        asked.append("count")
        return total if limit is None else min(total, limit + 1)

    def read(offset, limit):
        asked.append("rows")
        return list(rows[offset : offset + limit])

    def together(limit, offset, how_many):
        assert offset >= 0 and how_many > 0, "a database refuses a negative offset"
        asked.append("together")
        found = list(rows[offset : offset + how_many])
        return (min(total, limit + 1) if found else 0), found

    return (lambda a: capped_page(count, read, a, size, cap, together=together)), asked


def fields(page) -> tuple:
    return (page.object_list, page.number, page.count, page.num_pages, page.has_next, page.cap)


@pytest.mark.parametrize("total", [0, 1, 9, 10, 11, 25, 30, 31, 45, 50])
@pytest.mark.parametrize("asked", [None, "1", "2", "3", "4", "5", "6", "0", "-1", "x"])
@pytest.mark.parametrize("cap", [20, 30])
def test_reading_count_and_rows_together_gives_the_same_page(total, asked, cap):
    apart, _ = pages_of(total, cap)
    together, _ = pages_read_together(total, cap)
    assert fields(together(asked)) == fields(apart(asked))


@pytest.mark.parametrize("total", [1, 25, 45])
def test_a_page_that_is_there_takes_one_read(total):
    page, asked = pages_read_together(total, cap=20)
    page("1")
    assert asked == ["together"]


def test_past_the_end_the_page_is_found_as_before():
    page, asked = pages_read_together(45, cap=20)
    last = page("9")
    assert last.number == 5 and last.object_list == [40, 41, 42, 43, 44]
    assert asked[0] == "together" and "count" in asked
