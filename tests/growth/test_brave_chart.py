"""The prediction chart's geometry (tending/growth/brave_chart.py): a column per step done, in
order, 100 at the top and 0 on the bottom line, a ring and a dot joined edge to edge."""

from hypothesis import given
from hypothesis import strategies as st

from tending.growth.brave_chart import (
    BOTTOM,
    HEIGHT,
    LEFT,
    MOST_SHOWN,
    RIGHT,
    TOP,
    WIDTH,
    gap_between,
    label_every,
    prediction_chart,
    way_of,
    y_of,
)

ratings = st.integers(min_value=0, max_value=100)
pairs = st.lists(st.tuples(ratings, ratings), min_size=1, max_size=120)


def test_no_steps_done_no_chart():
    assert prediction_chart([]) is None


def test_the_scale_runs_from_0_on_the_bottom_line_to_100_at_the_top():
    assert y_of(100) == TOP
    assert y_of(0) == HEIGHT - BOTTOM
    assert y_of(50) == (TOP + HEIGHT - BOTTOM) / 2
    assert y_of(150) == y_of(100) and y_of(-5) == y_of(0)
    assert y_of(33) == 121.9  # a tenth of a point is as fine as it gets


def test_one_step_sits_in_the_middle_with_its_two_marks_apart():
    chart = prediction_chart([(60, 30)])
    (mark,) = chart.marks
    assert mark.x == (LEFT + WIDTH - RIGHT) / 2
    assert (mark.expected, mark.felt, mark.number, mark.way) == (60, 30, 1, "easier")
    assert mark.expected_y == y_of(60) and mark.felt_y == y_of(30)
    assert mark.gap == (y_of(60) + chart.radius, y_of(30) - chart.radius)
    assert mark.labelled and chart.total == 1 and chart.first_shown == 1
    assert [value for _, value in chart.grid] == [0, 50, 100]


def test_how_it_felt_against_what_was_expected():
    assert way_of(60, 30) == "easier"
    assert way_of(30, 60) == "harder"
    assert way_of(40, 40) == "same"


def test_marks_that_touch_have_no_line_between_them():
    assert gap_between(50.0, 58.0, 5.0) is None
    assert gap_between(50.0, 50.0, 5.0) is None
    assert gap_between(80.0, 40.0, 5.0) == (45.0, 75.0)


def test_steps_go_left_to_right_in_the_order_done():
    chart = prediction_chart([(10, 20), (90, 10), (50, 50)])
    xs = [mark.x for mark in chart.marks]
    assert xs == sorted(xs) and [m.number for m in chart.marks] == [1, 2, 3]
    assert [m.way for m in chart.marks] == ["harder", "easier", "same"]
    assert chart.marks[2].gap is None


def test_many_steps_show_the_latest_numbered_as_in_the_whole_list():
    chart = prediction_chart([(n % 100, 50) for n in range(MOST_SHOWN + 5)])
    assert len(chart.marks) == MOST_SHOWN and chart.total == MOST_SHOWN + 5
    assert chart.first_shown == 6 and chart.marks[0].number == 6
    assert chart.marks[-1].number == MOST_SHOWN + 5


def test_numbers_are_written_often_enough_and_never_crowded():
    assert label_every(1) == 1 and label_every(12) == 1
    assert label_every(13) == 2 and label_every(40) == 5
    chart = prediction_chart([(50, 50)] * 20)
    assert [m.number for m in chart.marks if m.labelled] == list(range(2, 21, 2))


@given(pairs)
def test_every_mark_is_inside_the_drawing(found):
    chart = prediction_chart(found)
    assert len(chart.marks) == min(len(found), MOST_SHOWN)
    for mark in chart.marks:
        assert chart.left + chart.radius <= mark.x <= chart.right - chart.radius
        for y in (mark.expected_y, mark.felt_y):
            assert chart.top <= y <= chart.bottom
        if mark.gap is not None:
            top, bottom = mark.gap
            assert top < bottom
            assert min(mark.expected_y, mark.felt_y) < top and bottom < max(
                mark.expected_y, mark.felt_y
            )
    labels = [m.x for m in chart.marks if m.labelled]
    assert all(b - a >= 20 for a, b in zip(labels, labels[1:], strict=False))
    assert chart.label_y < chart.height


def test_the_whole_drawing_of_one_step_in_numbers():
    # Worked by hand: a 360 x 200 drawing, 30 on the left for the scale, 8 on the right and
    # at the top, 22 under the 0 line for the numbers; 170 points of height for 0-100.
    chart = prediction_chart([(60, 30)])
    assert (chart.width, chart.height, chart.left, chart.right) == (360, 200, 30, 352)
    assert (chart.top, chart.bottom, chart.label_y) == (8, 178.0, 194.0)
    assert chart.grid == ((178.0, 0), (93.0, 50), (8.0, 100))
    (mark,) = chart.marks
    assert (mark.x, mark.expected_y, mark.felt_y) == (191.0, 76.0, 127.0)
    assert chart.radius == 6.0 and mark.gap == (82.0, 121.0)


def test_marks_shrink_with_more_steps_but_never_below_a_size_one_can_see():
    sizes = {count: prediction_chart([(50, 50)] * count).radius for count in (1, 20, 30, 40)}
    assert sizes == {1: 6.0, 20: 4.0, 30: 2.7, 40: 2.5}


def test_each_step_sits_in_the_middle_of_its_column():
    chart = prediction_chart([(10, 20), (90, 10), (50, 50)])
    assert [mark.x for mark in chart.marks] == [83.7, 191.0, 298.3]


def test_forty_steps_are_drawn_at_most():
    chart = prediction_chart([(50, 50)] * 41)
    assert len(chart.marks) == 40 and chart.first_shown == 2 and chart.total == 41


def test_numbers_thin_out_in_steps_of_one_two_five_ten_and_twenty():
    assert [label_every(n) for n in (24, 25, 60, 61, 120, 121, 1000)] == [2, 5, 5, 10, 10, 20, 20]


def test_marks_exactly_touching_or_just_apart():
    assert gap_between(50.0, 60.0, 5.0) is None
    assert gap_between(50.0, 61.0, 5.0) == (55.0, 56.0)
    assert gap_between(10.0, 30.0, 2.25) == (12.2, 27.8)
