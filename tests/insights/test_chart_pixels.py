"""The daily pulse as a year in pixels and weekly lines. Pure: no Django."""

from __future__ import annotations

from datetime import date

from tending.insights.charts.pixels import day_means, level_of, year_in_pixels
from tending.insights.charts.pulse import chosen_year, pulse_year, years_to_pick

ITEMS = [("mood", "Mood"), ("calm", "Calm")]


def test_a_days_answer_is_a_colour_step_rounded_half_up():
    assert [level_of(v) for v in (1, 1.49, 1.5, 2.5, 4.5, 5)] == [1, 1, 2, 3, 5, 5]
    assert [level_of(v) for v in (0, 0.4, 7)] == [1, 1, 5]


def test_two_answers_on_a_day_are_averaged():
    day, other = date(2026, 1, 5), date(2026, 1, 6)
    assert day_means([(day, 2), (other, 5), (day, 3)]) == {day: 2.5, other: 5}
    assert day_means([]) == {}


def test_each_day_is_a_square_in_its_months_row():
    grid = year_in_pixels(2026, {date(2026, 1, 1): 5, date(2026, 3, 31): 2, date(2026, 3, 5): 2})
    assert grid["paths"] == {5: "M30 14h9v9h-9z", 2: "M74 36h9v9h-9zM360 36h9v9h-9z"}
    assert grid["counts"] == {1: 0, 2: 2, 3: 0, 4: 0, 5: 1} and grid["answered"] == 3
    assert (grid["width"], grid["height"], grid["left"], grid["cell"], grid["square"]) == (
        371, 146, 30, 11, 9
    )  # fmt: skip
    assert grid["label_y"] == 10
    assert grid["day_labels"] == [(34.5, 1), (133.5, 10), (243.5, 20), (364.5, 31)]


def test_each_month_is_as_long_as_its_days():
    rows = year_in_pixels(2024, {})["rows"]
    assert [r.first for r in rows] == [date(2024, m, 1) for m in range(1, 13)]
    assert [r.blank_width // 11 for r in rows] == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert (rows[0].y, rows[0].text_y, rows[11].y, rows[11].text_y) == (14, 22, 135, 143)
    assert year_in_pixels(2025, {})["rows"][1].blank_width == 28 * 11


def test_other_years_days_are_left_out():
    grid = year_in_pixels(2026, {date(2025, 12, 31): 3, date(2027, 1, 1): 3})
    assert grid["paths"] == {} and grid["answered"] == 0


def test_years_to_pick_run_from_the_first_pulse_to_now():
    today = date(2026, 6, 1)
    assert years_to_pick(date(2023, 5, 1), today) == [2026, 2025, 2024, 2023]
    assert years_to_pick(None, today) == [2026]
    assert years_to_pick(date(2027, 1, 1), today) == [2026]  # a clock set ahead


def test_the_year_asked_for_or_the_newest_with_a_word_why():
    years = [2026, 2025]
    assert chosen_year(None, years) == (2026, False)
    assert chosen_year("", years) == (2026, False)
    assert chosen_year("2025", years) == (2025, False)
    assert chosen_year("1990", years) == (2026, True)
    assert chosen_year("last", years) == (2026, True)


def test_a_pulse_year_draws_each_question():
    answers = [
        (date(2026, 1, 5), {"mood": 5, "calm": 4}),
        (date(2026, 1, 6), {"mood": 4}),
        (date(2026, 1, 6), {"mood": 3, "calm": None}),
        (date(2026, 3, 10), {"mood": 1, "calm": 2}),
    ]
    year = pulse_year(2026, answers, ITEMS, date(2026, 6, 1))
    mood, calm = year["charts"]
    assert (mood["key"], mood["title"], mood["days"]) == ("mood", "Mood", 3)
    assert mood["grid"]["paths"] == {
        5: "M74 14h9v9h-9z", 4: "M85 14h9v9h-9z", 1: "M129 36h9v9h-9z"
    }  # fmt: skip
    assert calm["days"] == 2 and calm["grid"]["counts"][4] == 1
    # The weekly line: the week of 5 January (5 and 3.5 make 4.25), then March's week.
    points = mood["line"]["lines"][0].line.split()
    assert len(points) == 2 and points[0].endswith(",40.0") and points[1].endswith(",170.0")
    assert mood["line"]["lines"][0].key == "mood" and mood["line"]["low"] == 1
    assert year["months"] == [
        (date(2026, 1, 1), {"mood": (4.25, 2), "calm": (4.0, 1)}),
        (date(2026, 3, 1), {"mood": (1.0, 1), "calm": (2.0, 1)}),
    ]
    assert year["any"] is True


def test_a_year_without_answers_has_nothing_to_draw():
    year = pulse_year(2025, [], ITEMS, date(2025, 12, 31))
    assert year["any"] is False and year["months"] == []
    assert [c["line"] for c in year["charts"]] == [None, None]


def test_a_day_of_another_year_before_this_ones_does_not_stop_the_drawing():
    grid = year_in_pixels(2026, {date(2025, 12, 31): 3, date(2026, 1, 2): 3})
    assert grid["paths"] == {3: "M41 14h9v9h-9z"}


def test_the_weekly_line_starts_on_the_first_of_january_and_december_counts():
    answers = [
        (date(2026, 1, 5), {"mood": 5}),
        (date(2026, 1, 12), {"mood": 1}),
        (date(2026, 12, 30), {"mood": 2}),
    ]
    year = pulse_year(2026, answers, [("mood", "Mood")], date(2026, 12, 31))
    line = year["charts"][0]["line"]
    # The week of 5 January sits five days in: 316 px over 364 days.
    assert line["lines"][0].line.split()[0] == f"{round(30 + 316 * 4 / 364, 1)},10.0"
    assert line["lines"][0].dots == []
    assert [m.month for m, _ in year["months"]] == [1, 12]
