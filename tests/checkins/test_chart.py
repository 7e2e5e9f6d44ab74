"""Geometry of the check-in history chart."""

from datetime import datetime, timedelta

from tending.checkins.chart import HEIGHT, PAD_Y, history_chart

START = datetime(2026, 1, 1, 9, 0)


def test_no_chart_before_there_is_a_history():
    assert history_chart([], 0, 100) is None
    assert history_chart([(START, 50)], 0, 100) is None


def test_points_are_placed_by_value_and_time():
    chart = history_chart(
        [(START, 0), (START + timedelta(days=7), 50), (START + timedelta(days=14), 100)], 0, 100
    )
    bottom, top = HEIGHT - PAD_Y, PAD_Y
    ys = [d.y for d in chart["dots"]]
    assert ys == [bottom, (bottom + top) / 2, top]
    xs = [d.x for d in chart["dots"]]
    assert xs == sorted(xs) and xs[0] == chart["left"] and xs[-1] == chart["right"]
    assert chart["line"].count(",") == 3


def test_bands_shade_their_ranges():
    chart = history_chart(
        [(START, 40), (START, 60)], 0, 100, [(0, 28, "low"), (29, 50, "poor"), (51, 100, "good")]
    )
    low, poor, good = chart["bands"]
    assert low.y + low.height == HEIGHT - PAD_Y
    assert good.y == PAD_Y
    assert [b.shade for b in chart["bands"]] == [0, 1, 2]
    assert poor.label == "poor"
