"""Paging through a long list without counting all of it: counted up to a cap, and past the
cap the page knows only whether there is a next one. Counting ten years of rows for one
number ("3,412 in all") costs more than the rest of a page, and grows with the years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# No page past this is looked for; a larger number is read as past the end.
LAST_PAGE_LOOKED_FOR = 10**9


@dataclass
class CappedPage:
    """One page of a list. `count` and `num_pages` are None when there are more rows than
    the cap: the page then knows only whether there is a next one."""

    object_list: list[Any]
    number: int
    count: int | None
    num_pages: int | None
    has_next: bool
    cap: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


def page_number(text: str | None) -> int | None:
    """The page asked for, as Django's paginator reads it; None when it is not a whole number."""
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def capped_page(
    count: Callable[[int | None], int],
    rows: Callable[[int, int], list],
    asked: str | None,
    size: int,
    cap: int,
    together: Callable[[int, int, int], tuple[int, list]] | None = None,
) -> CappedPage:
    """The page asked for: the first when it is not a number, the last when it is past the end
    (or below one), as Django's paginator gives them. Under the cap the count is exact.

    `count(cap)` counts no further than cap + 1 (`count(None)` counts everything);
    `rows(offset, limit)` reads a slice, newest first. `together(cap, offset, limit)`, if
    given, does both in one query, as (count, rows); it is asked first, and the page is done
    with it unless the page asked for is past the end."""
    number = page_number(asked)
    number = 1 if number is None else number
    if together is not None and 1 <= number <= LAST_PAGE_LOOKED_FOR:
        counted, found = together(cap, (number - 1) * size, size + 1)
        if found:  # the page is there, so it is not past the last, and counted is over 0
            if counted <= cap:
                pages = -(-counted // size)
                return CappedPage(found[:size], number, counted, pages, number < pages, cap)
            return CappedPage(found[:size], number, None, None, len(found) > size, cap)
    counted = count(cap)
    if counted <= cap:
        return _counted(rows, number, counted, size, cap)
    if 1 <= number <= LAST_PAGE_LOOKED_FOR:
        found = rows((number - 1) * size, size + 1)
        if found:
            return CappedPage(found[:size], number, None, None, len(found) > size, cap)
    # Past the end of more rows than the cap: only now are they all counted, to find it.
    return _counted(rows, number, count(None), size, cap)


def _counted(rows, number: int, count: int, size: int, cap: int) -> CappedPage:
    pages = max(1, -(-count // size))
    if not 1 <= number <= pages:
        number = pages
    found = rows((number - 1) * size, size)
    if count > cap:
        return CappedPage(found, number, None, None, number < pages, cap)
    return CappedPage(found, number, count, pages, number < pages, cap)
