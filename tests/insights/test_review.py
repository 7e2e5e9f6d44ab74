"""The weekly review assembled from plain rows: how moments went, changes, entries, emptiness."""

from __future__ import annotations

from datetime import date

import pytest

from tending.checkins.definitions import builtin_folder, load_instruments
from tending.insights import review
from tending.insights.review import CheckInRow, EntryRow, MomentRow

MONDAY = date(2026, 11, 30)


def instruments():
    return load_instruments([builtin_folder()])


def test_a_week_with_nothing_logged_is_empty():
    empty = review.week_review([], [], [], instruments())
    assert empty.is_empty and empty.people == () and empty.averages == ()
    assert not review.week_review([MomentRow(1, MONDAY, ("Sam",))], [], [], {}).is_empty
    assert not review.week_review([], [], [EntryRow(1, MONDAY, "A day", "")], {}).is_empty
    row = CheckInRow(1, "connection", MONDAY, 10.0, None)
    assert not review.week_review([], [row], [], instruments()).is_empty


def test_people_most_moments_first_then_by_name():
    moments = [
        MomentRow(1, MONDAY, ("Sam", "alex")),
        MomentRow(2, MONDAY, ("Sam",)),
        MomentRow(3, MONDAY, ("Bo",)),
    ]
    assert review.people_counts(moments) == (("Sam", 2), ("alex", 1), ("Bo", 1))


def test_two_people_of_one_name_are_counted_apart():
    """Two friends called Sam, a moment each: "Sam, Sam", not one Sam with two moments."""
    moments = [
        MomentRow(1, MONDAY, ("alex", "Sam"), person_ids=(3, 7)),
        MomentRow(2, MONDAY, ("Sam",), person_ids=(9,)),
        MomentRow(3, MONDAY, ("Sam",), person_ids=(7,)),
    ]
    assert review.people_counts(moments) == (("Sam", 2), ("alex", 1), ("Sam", 1))
    assert review.week_review(moments, [], [], {}).people == (("Sam", 2), ("alex", 1), ("Sam", 1))


def test_averages_leave_unrated_moments_out():
    moments = [
        MomentRow(1, MONDAY, ("Sam",), understood=4, safe=5, closeness=6),
        MomentRow(2, MONDAY, ("Sam",), understood=5, safe=None, closeness=None),
        MomentRow(3, MONDAY, ("Sam",)),
    ]
    averages = review.moment_averages(moments)
    assert [(a.label, a.value, a.top, a.rated) for a in averages] == [
        ("felt understood", 4.5, 5, 2),
        ("felt safe", 5.0, 5, 1),
        ("closeness afterwards", 6.0, 7, 1),
    ]
    assert review.moment_averages([MomentRow(1, MONDAY, ("Sam",))]) == ()


def test_average_of_rounds_to_one_decimal_halves_up():
    assert review.average_of([4, 5, 5, 5]) == (4.8, 4)  # 4.75
    assert review.average_of([None, 3]) == (3.0, 1)
    assert review.average_of([None]) is None
    assert review.average_of([]) is None


def test_how_a_moment_went_in_words():
    m = MomentRow(
        1, MONDAY, ("Sam",), understood=4, safe=5, closeness=6, self_shared=3, other_shared=0
    )
    assert m.how_it_went == [
        "you shared feelings",
        "they shared nothing personal",
        "understood 4 of 5",
        "closeness 6 of 7",
        "safe 5 of 5",
    ]
    assert MomentRow(2, MONDAY, ("Sam",)).how_it_went == []
    assert review.sharing_words(4) == "something vulnerable"
    assert review.sharing_words(5) is None and review.sharing_words(-1) is None
    assert review.sharing_words(None) is None


def test_checkins_get_their_band_and_a_meaningful_change():
    inst = instruments()["weekly-wellbeing"]
    assert inst.meaningful_change == 10 and inst.higher_is == "better"
    low = inst.bands[0]
    rows = [
        CheckInRow(5, "gone-since", MONDAY, 3.0, None),  # first: the rest are still seen
        CheckInRow(2, "weekly-wellbeing", MONDAY, low.low, low.low + inst.meaningful_change),
        CheckInRow(3, "weekly-wellbeing", MONDAY, low.low, low.low),
        CheckInRow(4, "weekly-wellbeing", MONDAY, low.low, None),
        CheckInRow(6, "weekly-wellbeing", MONDAY, low.low, low.low + 9.9),
    ]
    seen = review.checkins_seen(rows, instruments())
    assert [s.id for s in seen] == [2, 3, 4, 6]  # one of a removed instrument is left out
    assert seen[0].band == low.label and seen[0].title == inst.title
    assert seen[0].meaningful and seen[0].change.direction == "worse"
    assert not seen[3].meaningful and seen[3].change.meaningful is False
    assert not seen[1].meaningful and seen[1].change.direction == "same"
    assert not seen[2].meaningful and seen[2].change is None
    week = review.week_review([], rows, [], instruments())
    assert [s.id for s in week.meaningful_changes] == [2]


def test_rows_come_in_order_of_day():
    later, earlier = date(2026, 12, 2), MONDAY
    week = review.week_review(
        [MomentRow(9, later, ("A",)), MomentRow(8, earlier, ("B",))],
        [],
        [EntryRow(5, later, "b", ""), EntryRow(6, earlier, "a", "")],
        {},
        goal_steps=["a step"],
        findings=["found"],
    )
    assert [m.id for m in week.moments] == [8, 9]
    assert [e.id for e in week.entries] == [6, 5]
    assert week.goal_steps == ("a step",) and week.findings == ("found",)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("\n\n  First line  \nsecond", "First line"),
        ("", ""),
        ("   \n  ", ""),
        ("word " * 40, ("word " * 28).strip() + "…"),
        ("x" * 200, "x" * 140 + "…"),
        ("short, " + "y" * 200, "short…"),
    ],
)
def test_first_line(text, line):
    assert review.first_line(text) == line


def test_first_line_keeps_a_line_of_exactly_the_limit():
    assert review.first_line("z" * 140) == "z" * 140
    assert review.first_line("ab cd", limit=4) == "ab…"


def test_rows_say_their_day_short():
    assert review.short_day(MONDAY) == "Mon 30 Nov"
    assert MomentRow(1, MONDAY, ("Sam",)).when == "Mon 30 Nov"
    assert EntryRow(1, date(2026, 12, 6), "a", "").when == "Sun 6 Dec"
    seen = review.checkins_seen(
        [CheckInRow(1, "weekly-wellbeing", MONDAY, 60.0, None)], instruments()
    )
    assert seen[0].when == "Mon 30 Nov"


def test_a_review_names_the_clearest_new_findings_and_counts_the_rest():
    many = review.week_review([], [], [], {}, findings=[f"found {i}" for i in range(7)])
    assert many.findings == tuple(f"found {i}" for i in range(review.WEEK_FINDINGS))
    assert review.WEEK_FINDINGS == 5 and many.more_findings == 2
    few = review.week_review([], [], [], {}, findings=["a", "b", "c", "d", "e"])
    assert few.findings == ("a", "b", "c", "d", "e") and few.more_findings == 0
    assert review.week_review([], [], [], {}, findings=["a", "b"]).more_findings == 0
