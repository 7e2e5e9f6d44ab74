"""The time axis of the charts over the years: dots placed by date, months or years along the
bottom, weekly and monthly means, ranges and meaningful changes. Pure: no Django."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tending.checkins.definitions import Band, Choice, Instrument, Item
from tending.insights.charts.scores import (
    DRAWN_WEEKS,
    TABLE_MONTHS,
    months_of_weeks,
    score_chart,
    years_of_months,
)
from tending.insights.charts.series import (
    meaningful_changes,
    monthly_means,
    needs_weekly,
    range_key,
    range_start,
    weekly_means,
)
from tending.insights.charts.timeline import day_number, month_steps, tick_days, time_chart

JAN = date(2026, 1, 1)


def test_a_day_and_a_time_share_one_number_line():
    assert day_number(date(2026, 1, 2)) - day_number(JAN) == 1
    assert day_number(datetime(2026, 1, 1, 12)) == day_number(JAN) + 0.5
    assert day_number(datetime(2026, 1, 1, 6, 30, 36)) == day_number(JAN) + 0.27125
    assert day_number(datetime(2026, 1, 1, 0, 0, 1)) > day_number(JAN)


def test_months_begin_after_the_start_up_to_the_end():
    assert month_steps(date(2026, 1, 15), date(2026, 4, 1), 1) == [
        date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)
    ]  # fmt: skip
    assert month_steps(date(2026, 1, 1), date(2026, 3, 31), 1) == [
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    # Every third month: the quarters, across a new year.
    assert month_steps(date(2025, 11, 20), date(2026, 8, 1), 3) == [
        date(2026, 1, 1),
        date(2026, 4, 1),
        date(2026, 7, 1),
    ]
    assert month_steps(date(2026, 5, 2), date(2026, 5, 30), 1) == []


def test_ticks_are_months_then_quarters_then_years():
    days, years = tick_days(date(2026, 1, 10), date(2026, 1, 10) + timedelta(days=140))
    assert not years and days[0] == date(2026, 2, 1) and len(days) == 4
    days, years = tick_days(date(2026, 1, 10), date(2026, 1, 10) + timedelta(days=141))
    assert not years and days == [date(2026, 4, 1)]
    days, years = tick_days(date(2025, 1, 10), date(2025, 1, 10) + timedelta(days=500))
    assert not years and days[0] == date(2025, 4, 1) and days[-1] == date(2026, 4, 1)
    days, years = tick_days(date(2025, 1, 10), date(2025, 1, 10) + timedelta(days=501))
    assert years and days == [date(2026, 1, 1)]
    # Ten years: at most six, counted back from the last.
    days, years = tick_days(date(2016, 3, 1), date(2026, 6, 1))
    assert years and days == [date(y, 1, 1) for y in (2018, 2020, 2022, 2024, 2026)]
    days, _ = tick_days(date(2020, 3, 1), date(2026, 6, 1))
    assert days == [date(y, 1, 1) for y in range(2021, 2027)]
    days, _ = tick_days(date(2019, 3, 1), date(2026, 6, 1))
    assert days == [date(y, 1, 1) for y in (2020, 2022, 2024, 2026)]
    days, _ = tick_days(date(2013, 3, 1), date(2026, 6, 1))  # thirteen years: every third
    assert days == [date(y, 1, 1) for y in (2014, 2017, 2020, 2023, 2026)]


def test_dots_are_placed_by_their_date_and_value():
    start, end = date(2026, 1, 1), date(2026, 1, 11)
    chart = time_chart([("s", [(start, 0), (date(2026, 1, 6), 5), (end, 10)])], 0, 10, start, end)
    assert (chart["width"], chart["height"]) == (360, 200)
    assert (chart["left"], chart["right"], chart["inner_width"]) == (30, 346, 316)
    assert (chart["top"], chart["bottom"], chart["date_y"], chart["label_x"]) == (10, 170, 188, 34)
    (line,) = chart["lines"]
    assert line.key == "s" and line.line == "30.0,170.0 188.0,90.0 346.0,10.0"
    assert [(d.x, d.y, d.value) for d in line.dots] == [(30, 170, 0), (188, 90, 5), (346, 10, 10)]
    assert (chart["low"], chart["high"], chart["marks"]) == (0, 10, [])


def test_points_outside_the_axis_stay_on_its_edge():
    start, end = date(2026, 1, 1), date(2026, 1, 11)
    chart = time_chart(
        [("s", [(date(2025, 12, 1), -3), (date(2026, 2, 1), 14)])], 0, 10, start, end
    )
    assert chart["lines"][0].line == "30.0,170.0 346.0,10.0"


def test_one_day_and_one_value_do_not_divide_by_nothing():
    chart = time_chart([("s", [(JAN, 5)])], 5, 5, JAN, JAN)
    assert chart["lines"][0].line == "30.0,10.0"
    # Each counts as one: half a day in is halfway, and one point below the top is the bottom.
    noon = datetime(JAN.year, JAN.month, JAN.day, 12)
    chart = time_chart([("s", [(noon, 4.5), (noon, 4)])], 5, 5, JAN, JAN)
    assert chart["lines"][0].line == "188.0,90.0 188.0,170.0"


def test_values_are_placed_between_a_low_and_a_high_to_a_tenth():
    chart = time_chart([("s", [(JAN, 3), (JAN, 2), (JAN, 1)])], 1, 4, JAN, JAN)
    assert chart["lines"][0].line == "30.0,63.3 30.0,116.7 30.0,170.0"


def test_nothing_to_draw_is_no_chart():
    assert time_chart([], 0, 10, JAN, JAN) is None
    assert time_chart([("a", []), ("b", [])], 0, 10, JAN, JAN) is None
    assert time_chart([("a", []), ("b", [(JAN, 1)])], 0, 10, JAN, JAN) is not None


def test_many_dots_become_a_line_but_a_lone_one_stays():
    days = [(JAN + timedelta(days=i), 1.0) for i in range(61)]
    end = JAN + timedelta(days=70)
    assert len(time_chart([("s", days[:60])], 0, 5, JAN, end)["lines"][0].dots) == 60
    assert time_chart([("s", days)], 0, 5, JAN, end)["lines"][0].dots == []
    lines = time_chart([("a", days[:2]), ("b", days[:1])], 0, 5, JAN, end, most_dots=0)["lines"]
    assert [len(line.dots) for line in lines] == [0, 1]
    assert len(time_chart([("s", days[:2])], 0, 5, JAN, end, most_dots=2)["lines"][0].dots) == 2


def test_ticks_marks_and_bands_are_placed_too():
    start, end = datetime(2025, 11, 20), datetime(2026, 2, 20)
    chart = time_chart(
        [("s", [(start, 1)])], 0, 10, start, end, [(0, 5, "Low"), (5, 10, "High")],
        marks=[(datetime(2026, 1, 1), 10)],
    )  # fmt: skip
    ticks = chart["ticks"]
    assert [t.when for t in ticks] == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert [t.with_year for t in ticks] == [True, True, False]
    assert ticks[1].x == round(
        30 + 316 * (day_number(date(2026, 1, 1)) - day_number(start)) / 92, 1
    )
    assert chart["whole_years"] is False
    (mark,) = chart["marks"]
    assert (mark.x, mark.y) == (ticks[1].x, 10)
    low, high = chart["bands"]
    assert (low.y, low.height, high.y, high.height) == (90, 80, 10, 80)
    years = time_chart([("s", [(start, 1)])], 0, 10, datetime(2020, 1, 1), end)
    assert years["whole_years"] is True and not any(t.with_year for t in years["ticks"])


def test_ranges_default_to_three_months():
    assert [range_key(k) for k in ("3m", "1y", "all", None, "", "5y")] == [
        "3m", "1y", "all", "3m", "3m", "3m"
    ]  # fmt: skip
    now = datetime(2026, 6, 1, 12)
    assert range_start("3m", now) == now - timedelta(days=91)
    assert range_start("1y", now) == now - timedelta(days=365)
    assert range_start("all", now) is None


def test_weekly_and_monthly_means():
    points = [
        (datetime(2026, 3, 1, 9), 1.0),  # a Sunday
        (datetime(2026, 3, 2, 9), 2.0),  # Monday: a new week
        (date(2026, 3, 8), 4.0),  # Sunday of that week
        (datetime(2026, 4, 1, 9), 5.0),
    ]
    assert weekly_means(points) == [
        (date(2026, 2, 23), 1.0, 1), (date(2026, 3, 2), 3.0, 2), (date(2026, 3, 30), 5.0, 1)
    ]  # fmt: skip
    assert monthly_means(points) == [(date(2026, 3, 1), 7 / 3, 3), (date(2026, 4, 1), 5.0, 1)]
    assert weekly_means([]) == []


def test_more_than_a_year_is_drawn_as_weeks():
    assert not needs_weekly(date(2025, 1, 1), date(2026, 1, 2))  # 366 days
    assert needs_weekly(date(2025, 1, 1), date(2026, 1, 3))


def instrument(meaningful_change=None, bands=()):
    return Instrument(
        id="t", version=1, title="Test", measures="", description="", time_frame="",
        frequency="weekly", scale=(Choice(0, "No"), Choice(10, "Yes")), method="sum",
        missing_policy="prorate", max_missing=0, factor=None, items=(Item("a", "A"),), subscales=(),
        bands=bands, safety_rules=(), meaningful_change=meaningful_change, higher_is="better",
        can_switch_off=True, path="",
    )  # fmt: skip


def test_meaningful_changes_are_between_results():
    days = [datetime(2026, 1, d) for d in (1, 8, 15, 22)]
    points = list(zip(days, [2.0, 6.0, 7.0, 3.0], strict=True))
    assert meaningful_changes(instrument(4), points) == [(days[1], 6.0, 4.0), (days[3], 3.0, -4.0)]
    assert meaningful_changes(instrument(5), points) == []
    assert meaningful_changes(instrument(None), points) == []
    assert meaningful_changes(instrument(1), points[:1]) == []


def test_a_score_chart_lists_each_result_or_each_month():
    inst = instrument(4, (Band(0, 4, "Low", ""), Band(5, 10, "High", "")))
    days = [datetime(2026, 1, 1) + timedelta(days=7 * i) for i in range(4)]
    points = list(zip(days, [2.0, 6.0, 7.0, 3.0], strict=True))
    found = score_chart(inst, points, days[0], days[-1])
    assert found["count"] == 4 and found["averages"] is None and not found["monthly"]
    assert not found["yearly"]
    assert found["rows"] == [(d, v, 1) for d, v in points]
    assert found["first"] == days[0] and not found["first_is_week"]
    assert found["defines_change"] and found["marked"] == 2 and len(found["changes"]) == 2
    assert [b.label for b in found["chart"]["bands"]] == ["Low", "High"]
    assert len(found["chart"]["lines"][0].dots) == 4
    assert score_chart(inst, [], days[0], days[-1]) is None
    assert score_chart(instrument(), points, days[0], days[-1])["defines_change"] is False


def test_a_long_score_chart_is_weekly_and_its_table_monthly():
    days = [datetime(2024, 1, 1) + timedelta(days=i) for i in range(400)]
    points = [(d, float(i % 10)) for i, d in enumerate(days)]
    found = score_chart(instrument(1), points, days[0], days[-1])
    assert found["averages"] == "weekly" and found["monthly"] and found["count"] == 400
    assert not found["yearly"]
    assert len(found["chart"]["lines"][0].line.split()) == len(weekly_means(points))
    assert found["rows"] == monthly_means(points)
    assert found["marked"] == 40 and len(found["changes"]) == 399  # the newest forty ringed
    assert found["chart"]["marks"][-1].when == found["changes"][-1][0]
    sixty = score_chart(instrument(), points[:60], days[0], days[59])
    assert not sixty["monthly"] and len(sixty["rows"]) == 60
    assert score_chart(instrument(), points[:61], days[0], days[60])["monthly"]


def test_weeks_summed_elsewhere_are_drawn_as_they_are():
    weeks = [(date(2024, 1, 1), 2.0, 7), (date(2024, 1, 29), 4.0, 3), (date(2024, 2, 5), 5.0, 1)]
    found = score_chart(instrument(), [], datetime(2024, 1, 1), datetime(2024, 3, 1), weeks)
    assert found["averages"] == "weekly" and found["count"] == 11
    assert found["first"] == date(2024, 1, 1)
    assert found["first_is_week"] and not found["monthly"] and found["rows"] == []
    assert len(found["chart"]["lines"][0].line.split()) == 3
    assert months_of_weeks(weeks) == [(date(2024, 1, 1), 26 / 10, 10), (date(2024, 2, 1), 5.0, 1)]


def test_decades_are_drawn_by_month_and_tabled_by_year():
    """Beyond DRAWN_WEEKS weeks the line goes through monthly means; beyond TABLE_MONTHS
    months the table gives each year: the page stays the same size as the years grow."""
    start = datetime(2000, 1, 3)  # a Monday
    days = [start + timedelta(days=i) for i in range(7 * (DRAWN_WEEKS + 1))]
    points = [(d, float(i % 7)) for i, d in enumerate(days)]
    found = score_chart(instrument(), points, days[0], days[-1])
    months = monthly_means(points)
    assert found["averages"] == "monthly" and found["monthly"] and found["yearly"]
    assert len(found["chart"]["lines"][0].line.split()) == len(months)
    assert found["rows"] == years_of_months(months) and len(found["rows"]) == 8
    assert sum(n for _, _, n in found["rows"]) == found["count"] == len(points)
    # One week fewer: drawn weekly, still tabled by year (more than five years of months).
    fewer = score_chart(instrument(), points[:-7], days[0], days[-8])
    assert fewer["averages"] == "weekly" and fewer["yearly"]
    assert len(fewer["chart"]["lines"][0].line.split()) == DRAWN_WEEKS


def test_weeks_summed_elsewhere_over_decades_are_drawn_by_month():
    weeks = [(date(2000, 1, 3) + timedelta(days=7 * i), float(i % 5), 7) for i in range(1600)]
    end = datetime.combine(weeks[-1][0], datetime.min.time())
    found = score_chart(instrument(), [], datetime(2000, 1, 3), end, weeks)
    months = months_of_weeks(weeks)
    assert found["averages"] == "monthly" and found["first_is_week"]
    assert len(found["chart"]["lines"][0].line.split()) == len(months)
    assert found["rows"] == years_of_months(months) and found["count"] == 1600 * 7


def test_five_years_of_months_are_tabled_by_month_and_one_more_by_year():
    firsts = [datetime(2020 + i // 12, i % 12 + 1, 1) for i in range(TABLE_MONTHS)]
    points = [(day + timedelta(days=d), 2.0) for day in firsts for d in (0, 10)]  # two a month
    found = score_chart(instrument(), points, points[0][0], points[-1][0])
    assert found["monthly"] and not found["yearly"] and len(found["rows"]) == TABLE_MONTHS
    later = (datetime(2025, 1, 1), 4.0)
    more = score_chart(instrument(), [*points, later], points[0][0], later[0])
    assert more["yearly"] and len(more["rows"]) == 6
    assert more["rows"][-1] == (date(2025, 1, 1), 4.0, 1)


def test_years_of_months_weigh_each_month_by_its_results():
    months = [(date(2024, 1, 1), 2.0, 3), (date(2024, 7, 1), 6.0, 1), (date(2025, 3, 1), 5.0, 2)]
    assert years_of_months(months) == [(date(2024, 1, 1), 3.0, 4), (date(2025, 1, 1), 5.0, 2)]
    assert years_of_months([]) == []
