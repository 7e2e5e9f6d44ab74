"""The sparkline: where each value goes, gaps, scale, and the SVG it makes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tending.core.sparkline import DOT, HEIGHT, PAD, WIDTH, _number, points, sparkline_svg

TOP, BOTTOM, LEFT, RIGHT = PAD, HEIGHT - PAD, PAD, WIDTH - PAD
MIDDLE = HEIGHT / 2


def test_values_spread_from_left_to_right_and_higher_is_higher():
    assert points([1, 2, 3]) == [(LEFT, BOTTOM), (WIDTH / 2, MIDDLE), (RIGHT, TOP)]


def test_a_falling_series_goes_down():
    assert points([5, 0]) == [(LEFT, TOP), (RIGHT, BOTTOM)]


def test_a_flat_series_runs_across_the_middle():
    assert points([4, 4, 4]) == [(LEFT, MIDDLE), (WIDTH / 2, MIDDLE), (RIGHT, MIDDLE)]


def test_one_value_is_a_dot_in_the_middle():
    assert points([7]) == [(WIDTH / 2, MIDDLE)]
    assert points([7], lo=0, hi=7) == [(WIDTH / 2, TOP)]


def test_nothing_to_draw():
    assert points([]) == []
    assert points([None, None]) == [None, None]
    assert sparkline_svg([]) == ""
    assert sparkline_svg([None]) == ""


def test_a_given_range_is_the_scale_and_outliers_stay_at_its_edges():
    assert points([2], lo=0, hi=4) == [(WIDTH / 2, MIDDLE)]
    assert points([0, 4], lo=0, hi=8) == [(LEFT, BOTTOM), (RIGHT, MIDDLE)]
    assert points([-3, 11], lo=0, hi=8) == [(LEFT, BOTTOM), (RIGHT, TOP)]
    assert points([3, 5], lo=3) == [(LEFT, BOTTOM), (RIGHT, TOP)]
    assert points([3, 5], hi=7) == [(LEFT, BOTTOM), (RIGHT, MIDDLE)]


def test_a_missing_value_keeps_its_place_and_breaks_the_line():
    placed = points([1, None, 3])
    assert placed == [(LEFT, BOTTOM), None, (RIGHT, TOP)]
    svg = sparkline_svg([1, 2, None, 3, 4, None, 5])
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 1


def test_the_svg_draws_the_line_and_marks_the_last_value():
    svg = sparkline_svg([1, 3, 2])
    assert svg == (
        f'<svg class="sparkline" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" '
        'focusable="false">'
        f'<polyline points="{LEFT},{BOTTOM} {_number(WIDTH / 2)},{TOP} {RIGHT},{_number(MIDDLE)}"/>'
        f'<circle cx="{RIGHT}" cy="{_number(MIDDLE)}" r="{DOT}"/></svg>'
    )


def test_the_last_dot_is_the_last_value_even_after_a_gap():
    svg = sparkline_svg([1, 5, None])
    assert f'<circle cx="{_number(WIDTH / 2)}" cy="{TOP}"' in svg


def test_a_single_value_has_a_dot_and_no_line():
    svg = sparkline_svg([3])
    assert "<polyline" not in svg and f'cx="{_number(WIDTH / 2)}"' in svg


def test_a_label_names_the_picture_and_is_escaped():
    svg = sparkline_svg([1, 2], label='Mood <this> "week"')
    assert 'role="img" aria-label="Mood &lt;this&gt; &quot;week&quot;"' in svg
    assert "aria-hidden" not in svg


@pytest.mark.parametrize(
    ("value", "text"),
    [(12.0, "12"), (12.5, "12.5"), (12.04, "12"), (12.06, "12.1"), (-0.01, "0"), (100, "100"),
     (0.0, "0"), (3.25, "3.2")],
)  # fmt: skip
def test_coordinates_are_written_short(value, text):
    assert _number(value) == text


@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=40))
def test_every_point_is_inside_the_drawing_in_order(values):
    placed = points(values)
    assert len(placed) == len(values)
    xs = [p[0] for p in placed if p is not None]
    assert xs == sorted(xs)
    for point, value in zip(placed, values, strict=True):
        assert (point is None) == (value is None)
        if point is not None:
            assert LEFT <= point[0] <= RIGHT and TOP <= point[1] <= BOTTOM
    svg = sparkline_svg(values)
    if any(v is not None for v in values):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", svg.split(">", 1)[1])]
        assert all(0 <= n <= WIDTH for n in numbers)
    else:
        assert svg == ""


def test_the_drawing_has_its_shape_in_plain_numbers():
    # 112 × 24 units, the stylesheet's 7 × 1.5 rem; 3 units of room at the edges; a 2.5 dot.
    assert sparkline_svg([1, 2]) == (
        '<svg class="sparkline" viewBox="0 0 112 24" aria-hidden="true" focusable="false">'
        '<polyline points="3,21 109,3"/><circle cx="109" cy="3" r="2.5"/></svg>'
    )


def test_a_small_rise_is_still_a_rise():
    assert points([0, 0.5]) == [(LEFT, BOTTOM), (RIGHT, TOP)]
    assert points([0.2, 0.2]) == [(LEFT, MIDDLE), (RIGHT, MIDDLE)]
