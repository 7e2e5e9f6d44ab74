"""The circle charts' sums: the balance of sharing, who drifted this year, bars, and the page's
contents from the database's sums. Pure: no Django."""

from __future__ import annotations

from datetime import date

from tending.insights.charts.circle import (
    bars,
    day_of,
    drift_this_year,
    longer_than_rhythm,
    number_of,
    sharing_words,
)
from tending.insights.charts.circle_summary import (
    feelings_over_time,
    sharing_bars,
    sharing_overall,
    summary,
)

TODAY = number_of(date(2026, 6, 20))


def test_day_numbers_count_from_1970():
    assert number_of(date(1970, 1, 1)) == 0 and number_of(date(1970, 1, 2)) == 1
    assert day_of(number_of(date(2026, 6, 20))) == date(2026, 6, 20)


def test_sharing_in_words():
    assert sharing_words(12, 5, 3) == (
        "You shared more than they did in 12 of 20 moments, they shared more in 5, "
        "and about the same in 3."
    )
    assert sharing_words(0, 1, 0).startswith("You shared more than they did in 0 of 1 moment,")
    assert sharing_words(0, 0, 0) == "No moment yet notes how much both of you shared."


def test_drifting_is_longer_than_the_rhythm():
    assert not longer_than_rhythm(7, 7) and longer_than_rhythm(8, 7)
    assert not longer_than_rhythm(0, 1)


def test_who_drifted_this_year():
    # A gap of 41 days this year against a weekly rhythm, and 10 days since the last.
    state = drift_this_year(7, TODAY, TODAY - 10, 41, None)
    assert (state.drifted, state.longest, state.now) == (True, 41, True)
    # Close throughout: no stretch longer than a month.
    state = drift_this_year(30, TODAY, TODAY - 3, 20, None)
    assert (state.drifted, state.longest, state.now) == (False, 20, False)
    # The stretch into this year's first moment, from one long before.
    state = drift_this_year(180, TODAY, TODAY - 5, None, 400)
    assert (state.drifted, state.longest, state.now) == (True, 400, False)
    # Never a moment: not drifting, nothing to measure.
    state = drift_this_year(7, TODAY, None, None, None)
    assert (state.drifted, state.longest, state.now) == (False, None, False)
    # Drifting only now, since the last moment.
    state = drift_this_year(30, TODAY, TODAY - 31, 5, None)
    assert (state.drifted, state.longest, state.now) == (True, 31, True)
    # A moment dated tomorrow (another clock) counts as today.
    assert drift_this_year(7, TODAY, TODAY + 1, None, None).longest == 0


def test_stacked_bars_share_one_width():
    chart = bars([("Sam", [("you", 3), ("even", 1), ("they", 0)]), ("Ada", [("you", 1)])], True)
    assert (chart["width"], chart["left"], chart["bar_height"]) == (360, 96, 12)
    sam, ada = chart["rows"]
    assert (sam.label, sam.y, sam.text_y, ada.y) == ("Sam", 0, 7, 20)
    assert sam.parts == [("you", 96, 0, 192, 3), ("even", 288, 0, 64, 1), ("they", 352, 0, 0, 0)]
    assert ada.parts == [("you", 96, 20, 256, 1)]
    assert chart["height"] == 34


def test_side_by_side_bars_share_the_largest_value():
    chart = bars(
        [("Inner", [("this", 100), ("last", 50)]), ("Outer", [("this", 0), ("last", 0)])], False
    )
    inner, outer = chart["rows"]
    assert inner.parts == [("this", 96, 0, 256, 100), ("last", 96, 14, 128, 50)]
    assert (inner.text_y, outer.y, outer.parts[1]) == (14, 34, ("last", 96, 48, 0, 0))
    assert chart["height"] == 62
    assert bars([], False)["height"] == 1


def test_nothing_shared_draws_no_bars():
    assert sharing_bars([("Sam", 0, 0, 0)]) is None
    assert len(sharing_bars([("Sam", 0, 0, 0), ("Ada", 1, 0, 0)])["rows"]) == 1


MONTHS = [
    ("2025-03", 1, 2, None, None, 1, 0, 0),
    ("2026-01", 2, 4.5, 3, 5, 1, 1, 0),
]


def test_feelings_month_by_month():
    found = feelings_over_time(MONTHS, date(2025, 1, 1), date(2026, 6, 20))
    assert found["rows"] == [
        (date(2025, 3, 1), 1, [2.0, None, None]),
        (date(2026, 1, 1), 2, [4.5, 3.0, 5.0]),
    ]
    understood, accepted, cared = found["chart"]["lines"]
    assert [len(understood.line.split()), len(accepted.line.split()), len(cared.line.split())] == [
        2,
        1,
        1,
    ]
    assert understood.dots == [] and len(cared.dots) == 1  # a lone month keeps its dot
    assert cared.dots[0].when == date(2026, 1, 15)
    assert sharing_overall(MONTHS) == (2, 1, 0)
    assert sharing_overall([("2026-01", 1, None, None, None, None, None, None)]) == (0, 0, 0)


def test_the_page_adds_up_people_rings_and_drift():
    people = [
        {"id": 1, "name": "Sam", "ring": "inner", "rhythm_days": 7, "last_day": TODAY - 3},
        {"id": 2, "name": "Ada", "ring": "outer", "rhythm_days": 180, "last_day": TODAY - 19},
        {"id": 3, "name": "Bo", "ring": "middle", "rhythm_days": 30, "last_day": TODAY - 10},
    ]
    person_years = [
        (1, 0, 1, 30, 1, 0, 0, None, TODAY - 400, None),
        (1, 1, 2, 105, 1, 1, 0, 41, None, None),
        (2, 1, 1, 20, 0, 0, 1, None, TODAY - 19, TODAY - 1000),
        (3, 1, 1, 0, 0, 0, 0, None, TODAY - 10, None),  # Bo's first moment ever, this year
    ]
    rings = [("inner", 1, 2, 105), ("inner", 0, 1, None), ("outer", 1, 1, 20)]
    page = summary(people, MONTHS, person_years, rings, TODAY, date(2025, 1, 1), date(2026, 6, 20))
    assert [(p["name"], you, they, even) for p, you, they, even, _ in page["sharing_rows"]] == [
        ("Sam", 2, 1, 0), ("Ada", 0, 0, 1)
    ]  # fmt: skip
    assert page["sharing_rows"][0][4].startswith("You shared more than they did in 2 of 3")
    assert [(p["name"], s.longest, s.now) for p, s in page["drifted"]] == [
        ("Sam", 41, False), ("Ada", 981, False)
    ]  # fmt: skip
    assert page["rings"] == [
        ("Inner", (2, 105), (1, 0)),
        ("Middle", (0, 0), (0, 0)),
        ("Outer", (1, 20), (0, 0)),
    ]
    assert [b.label for b in page["ring_bars"]["rows"]] == ["Inner", "Middle", "Outer"]
    # Minutes, this year above last, side by side against the largest (105 minutes).
    inner = page["ring_bars"]["rows"][0].parts
    assert [(kind, value) for kind, _, _, _, value in inner] == [("this", 105), ("last", 0)]
    assert inner[1][2] > inner[0][2]  # one under the other, not end to end
    outer = page["ring_bars"]["rows"][2].parts
    assert outer[0][3] == round(inner[0][3] * 20 / 105, 1)
    assert page["sharing"] == (2, 1, 0) and page["sharing_words"].startswith("You shared more")
    assert [b.label for b in page["sharing_bars"]["rows"]] == ["Sam", "Ada"]
    sam = page["sharing_bars"]["rows"][0].parts  # you more, about the same, they more
    assert [(kind, value) for kind, _, _, _, value in sam] == [("you", 2), ("even", 0), ("they", 1)]


def test_an_empty_circle_has_no_bars():
    page = summary([], [], [], [], TODAY, date(2025, 1, 1), date(2026, 6, 20))
    assert page["ring_bars"] is None and page["sharing_bars"] is None and page["drifted"] == []
    assert page["feelings"]["chart"] is None


def test_sharing_bars_stack_and_leave_out_only_the_empty():
    rows = [("Sam", 1, 1, 0), ("Cy", 1, 1, 2), ("Di", 0, 0, 0)]
    chart = sharing_bars(rows)
    assert [b.label for b in chart["rows"]] == ["Sam", "Cy"]
    # you, about the same, they: end to end across one width.
    assert [(kind, x, w) for kind, x, _, w, _ in chart["rows"][1].parts] == [
        ("you", 96, 64), ("even", 160, 128), ("they", 288, 64)
    ]  # fmt: skip


def test_the_sharing_chart_draws_the_twelve_busiest():
    people = [
        {"id": i, "name": f"P{i:02}", "ring": "outer", "rhythm_days": 180, "last_day": TODAY}
        for i in range(13)
    ]
    person_years = [(i, 1, 1, 0, i + 1, 0, 0, None, None, None) for i in range(13)]
    page = summary(people, [], person_years, [], TODAY, date(2025, 1, 1), date(2026, 6, 20))
    assert len(page["sharing_rows"]) == 13
    assert [b.label for b in page["sharing_bars"]["rows"]] == [f"P{i:02}" for i in range(12, 0, -1)]


def test_feelings_are_drawn_from_one_to_five_mid_month():
    chart = feelings_over_time(MONTHS, date(2025, 1, 1), date(2026, 6, 20))["chart"]
    assert (chart["low"], chart["high"]) == (1, 5)
    understood = chart["lines"][0].line.split()
    assert understood[0].endswith(",130.0") and understood[1].endswith(",30.0")
    two = [("2026-01", 1, 4, None, None, 0, 0, 0), ("2026-02", 1, 2, None, None, 0, 0, 0)]
    line = feelings_over_time(two, date(2026, 1, 1), date(2026, 3, 1))["chart"]["lines"][0]
    assert line.dots == [] and len(line.line.split()) == 2


def test_bar_widths_keep_a_tenth_and_an_empty_whole_is_nothing():
    chart = bars([("A", [("you", 1), ("they", 2)]), ("B", [("you", 0), ("they", 0)])], True)
    assert [w for _, _, _, w, _ in chart["rows"][0].parts] == [85.3, 170.7]
    assert [x for _, x, _, _, _ in chart["rows"][0].parts] == [96, 181.3]
    assert [w for _, _, _, w, _ in chart["rows"][1].parts] == [0.0, 0.0]


def test_anyone_with_a_noted_sharing_is_in_the_table():
    people = [
        {"id": 1, "name": "Eli", "ring": "outer", "rhythm_days": 180, "last_day": TODAY},
        {"id": 2, "name": "Fay", "ring": "outer", "rhythm_days": 180, "last_day": TODAY},
        {"id": 3, "name": "Gus", "ring": "outer", "rhythm_days": 180, "last_day": TODAY},
    ]
    person_years = [
        (1, 1, 2, 0, 1, 1, 0, None, None, None),
        (2, 1, 4, 0, 1, 1, 2, None, None, None),
        (3, 1, 1, 0, 0, 0, 0, None, None, None),
    ]
    page = summary(people, [], person_years, [], TODAY, date(2025, 1, 1), date(2026, 6, 20))
    assert [r[0]["name"] for r in page["sharing_rows"]] == ["Fay", "Eli"]


def test_the_table_puts_the_most_noted_moments_first():
    people = [
        {"id": 1, "name": "Ann", "ring": "outer", "rhythm_days": 180, "last_day": TODAY},
        {"id": 2, "name": "Ben", "ring": "outer", "rhythm_days": 180, "last_day": TODAY},
    ]
    person_years = [
        (1, 1, 2, 0, 1, 0, 1, None, None, None),
        (2, 1, 3, 0, 0, 3, 0, None, None, None),
    ]
    page = summary(people, [], person_years, [], TODAY, date(2025, 1, 1), date(2026, 6, 20))
    assert [r[0]["name"] for r in page["sharing_rows"]] == ["Ben", "Ann"]
