"""Geometry of the check-in history chart: dots, named bands, and dates along the bottom."""

from datetime import datetime, timedelta

from tending.checkins.chart import (
    HEIGHT,
    PAD_BOTTOM,
    PAD_LEFT,
    PAD_RIGHT,
    PAD_TOP,
    WIDTH,
    ChartDot,
    date_indexes,
    dates_for,
    history_chart,
)

START = datetime(2026, 1, 1, 9, 0)


def weekly(values, start=START):
    return [(start + timedelta(days=7 * i), v) for i, v in enumerate(values)]


def test_no_chart_before_there_is_a_history():
    assert history_chart([], 0, 100) is None
    assert history_chart([(START, 50)], 0, 100) is None
    assert history_chart(weekly([50, 60]), 0, 100) is not None


def test_the_drawing_leaves_room_for_the_dates_under_the_axis():
    chart = history_chart(weekly([1, 2]), 0, 4)
    assert (chart["width"], chart["height"]) == (320, 160)
    assert (chart["left"], chart["right"], chart["inner_width"]) == (30, 310, 280)
    assert (chart["top"], chart["bottom"]) == (10, 130)
    # The dates' baseline: under the axis, inside the drawing.
    assert chart["bottom"] + 12 <= chart["date_y"] == 148 <= HEIGHT - 4
    assert chart["label_x"] == 34


def test_points_are_placed_by_value_and_in_turn():
    chart = history_chart(weekly([0, 50, 100]), 0, 100)
    bottom, top = HEIGHT - PAD_BOTTOM, PAD_TOP
    assert [d.y for d in chart["dots"]] == [bottom, (bottom + top) / 2, top]
    assert [d.x for d in chart["dots"]] == [PAD_LEFT, (PAD_LEFT + WIDTH - PAD_RIGHT) / 2, 310]
    assert [d.value for d in chart["dots"]] == [0, 50, 100]
    assert chart["line"] == "30.0,130.0 170.0,70.0 310.0,10.0"
    assert (chart["low"], chart["high"]) == (0, 100)


def test_places_are_rounded_to_a_tenth():
    chart = history_chart(weekly([1, 2, 3, 4]), 0, 7, [(0, 2, "Low"), (3, 7, "High")])
    assert [(d.x, d.y) for d in chart["dots"]] == [
        (30, 112.9), (123.3, 95.7), (216.7, 78.6), (310, 61.4)
    ]  # fmt: skip
    low, high = chart["bands"]
    assert (low.y, low.height, low.text_y) == (95.7, 34.3, 112.8)
    assert (high.y, high.height, high.text_y) == (10, 68.6, 44.3)


def test_a_scale_that_does_not_start_at_zero():
    chart = history_chart(weekly([3, 9, 6]), 3, 9)
    assert [d.y for d in chart["dots"]] == [130, 10, 70]


def test_a_scale_of_one_value_does_not_divide_by_nothing():
    chart = history_chart(weekly([5, 5]), 5, 5)
    assert [d.y for d in chart["dots"]] == [10, 10]


def test_bands_shade_their_ranges_and_the_tall_ones_are_named():
    bands = [(0, 28, "Very low"), (29, 50, "Lower"), (51, 100, "Good")]
    chart = history_chart(weekly([40, 60]), 0, 100, bands)
    low, lower, good = chart["bands"]
    assert low.y + low.height == HEIGHT - PAD_BOTTOM
    assert good.y == PAD_TOP
    assert (low.y, low.height, lower.y, lower.height) == (96.4, 33.6, 70.0, 25.2)
    assert [b.shade for b in chart["bands"]] == [0, 1, 2]
    four = [(0, 24, "a"), (25, 49, "b"), (50, 74, "c"), (75, 100, "d")]
    assert [b.shade for b in history_chart(weekly([1, 2]), 0, 100, four)["bands"]] == [0, 1, 2, 0]
    assert [b.label for b in chart["bands"]] == ["Very low", "Lower", "Good"]
    # A name sits in the middle of its band.
    assert low.text_y == 113.2 and good.text_y == round(good.y + good.height / 2, 1)
    assert all(b.named for b in chart["bands"])


def test_a_band_too_thin_for_its_name_keeps_it_only_as_a_tooltip():
    chart = history_chart(weekly([1, 2]), 0, 100, [(0, 10, "Thin"), (11, 100, "Wide")])
    thin, wide = chart["bands"]
    assert thin.height == 12 and not thin.named and wide.named
    # Exactly as tall as a name needs is tall enough.
    chart = history_chart(weekly([1, 2]), 0, 120, [(0, 14, "Just"), (15, 120, "Rest")])
    assert chart["bands"][0].height == 14 and chart["bands"][0].named
    chart = history_chart(weekly([1, 2]), 0, 120, [(0, 13, "Not quite"), (14, 120, "Rest")])
    assert chart["bands"][0].height == 13 and not chart["bands"][0].named


def test_which_dots_get_a_date():
    assert date_indexes(0) == []
    assert date_indexes(2) == [0, 1]
    assert date_indexes(3) == [0, 1, 2]
    assert date_indexes(4) == [0, 2, 3]
    assert date_indexes(30) == [0, 14, 29]
    assert date_indexes(30, most=4) == [0, 10, 19, 29]
    assert date_indexes(5, most=5) == [0, 1, 2, 3, 4]
    assert date_indexes(1, most=1) == [0]


def test_dates_sit_under_their_dots_anchored_to_stay_inside():
    chart = history_chart(weekly([1, 2, 3, 4, 5]), 0, 5)
    dates = chart["dates"]
    assert [d.when for d in dates] == [START, START + timedelta(days=14), START + timedelta(28)]
    assert [d.x for d in dates] == [30, 170, 310]
    assert [d.anchor for d in dates] == ["start", "middle", "end"]


def test_two_results_on_one_day_get_one_date():
    morning, evening = START, START + timedelta(hours=9)
    chart = history_chart([(morning, 1), (evening, 2)], 0, 5)
    assert [(d.when, d.anchor) for d in chart["dates"]] == [(morning, "start")]
    later = START + timedelta(days=1)
    dots = [ChartDot(0, 0, 1, morning), ChartDot(1, 0, 1, evening), ChartDot(2, 0, 1, later)]
    assert [d.when for d in dates_for(dots)] == [morning, later]
    assert [d.anchor for d in dates_for(dots)] == ["start", "end"]


def test_the_year_is_shown_only_when_the_chart_spans_two():
    assert history_chart(weekly([1, 2]), 0, 5)["years_differ"] is False
    new_year = weekly([1, 2], start=datetime(2025, 12, 28))
    assert history_chart(new_year, 0, 5)["years_differ"] is True
