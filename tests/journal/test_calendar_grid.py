"""The calendar's month grid: weeks of seven, Monday first, each day with its entries."""

from __future__ import annotations

from datetime import date

from tending.journal.calendar_grid import CalendarDay, month_weeks, nearest_before


def days(weeks) -> list[list[int | None]]:
    return [[None if cell is None else cell.day.day for cell in week] for week in weeks]


def test_a_month_starting_on_a_sunday_fills_six_weeks_monday_first():
    # 1 March 2026 is a Sunday: six blank places before it, and 31 days end on a Tuesday.
    weeks = month_weeks(date(2026, 3, 14), {})
    assert days(weeks) == [
        [None] * 6 + [1],
        list(range(2, 9)),
        list(range(9, 16)),
        list(range(16, 23)),
        list(range(23, 30)),
        [30, 31, None, None, None, None, None],
    ]
    assert all(cell.day.month == 3 and cell.day.year == 2026 for w in weeks for cell in w if cell)


def test_a_month_starting_on_a_monday_with_whole_weeks_has_no_blanks():
    # February 2021: 28 days from Monday the 1st, exactly four weeks.
    assert days(month_weeks(date(2021, 2, 1), {})) == [
        list(range(n, n + 7)) for n in (1, 8, 15, 22)
    ]


def test_a_leap_february_and_a_december_end_where_they_should():
    assert days(month_weeks(date(2024, 2, 29), {}))[-1] == [26, 27, 28, 29, None, None, None]
    assert days(month_weeks(date(2025, 12, 1), {}))[-1] == [29, 30, 31, None, None, None, None]


def test_each_day_carries_its_entries_and_only_today_is_today():
    weeks = month_weeks(date(2026, 3, 1), {2: 1, 14: 3, 31: 2}, today=date(2026, 3, 14))
    cells = [cell for week in weeks for cell in week if cell is not None]
    assert len(cells) == 31
    assert {cell.day.day: cell.entries for cell in cells if cell.entries} == {2: 1, 14: 3, 31: 2}
    assert [cell.day for cell in cells if cell.today] == [date(2026, 3, 14)]
    assert cells[13] == CalendarDay(date(2026, 3, 14), 3, True)
    assert cells[0] == CalendarDay(date(2026, 3, 1), 0, False)


def test_today_in_another_month_marks_nothing():
    weeks = month_weeks(date(2026, 3, 1), {}, today=date(2026, 4, 14))
    assert not any(cell.today for week in weeks for cell in week if cell)
    assert not any(
        cell.today for week in month_weeks(date(2026, 3, 1), {}) for cell in week if cell
    )


def test_the_nearest_earlier_month_is_the_latest_before_and_never_the_same():
    months = [date(2026, 5, 1), date(2026, 2, 1), date(2025, 11, 1), date(2026, 3, 1)]
    assert nearest_before(months, date(2026, 5, 1)) == date(2026, 3, 1)
    assert nearest_before(months, date(2026, 3, 1)) == date(2026, 2, 1)
    assert nearest_before(months, date(2025, 11, 1)) is None
    assert nearest_before([], date(2026, 1, 1)) is None


def test_a_week_can_start_on_any_day():
    # 1 March 2026 is a Sunday: first in a Sunday-first week, last in a Monday-first one.
    assert days(month_weeks(date(2026, 3, 1), {}, first_weekday=6))[0] == [1, 2, 3, 4, 5, 6, 7]
    assert days(month_weeks(date(2026, 3, 1), {}, first_weekday=0))[0][-1] == 1
    assert days(month_weeks(date(2026, 3, 1), {}, first_weekday=5))[0] == [None, 1, 2, 3, 4, 5, 6]
