"""The supporter report as plain data: the period, the scales, moments, chosen parts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tending.checkins.definitions import builtin_folder, load_instruments
from tending.insights import report
from tending.insights.report import EntryText, PlanPart, ScoreRow

TODAY = date(2026, 12, 2)


def instruments():
    return load_instruments([builtin_folder()])


@pytest.mark.parametrize(
    ("day", "months", "back"),
    [
        (date(2026, 12, 2), 3, date(2026, 9, 2)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),  # February is shorter
        (date(2028, 5, 31), 3, date(2028, 2, 29)),
        (date(2026, 2, 15), 3, date(2025, 11, 15)),  # across a new year
        (date(2026, 1, 31), 1, date(2025, 12, 31)),
        (date(2026, 12, 31), 12, date(2025, 12, 31)),
        (date(2026, 3, 1), 0, date(2026, 3, 1)),
    ],
)
def test_months_before(day, months, back):
    assert report.months_before(day, months) == back


def test_the_default_period_is_the_last_three_months():
    assert report.default_period(TODAY) == (date(2026, 9, 2), TODAY)


def test_a_sound_period_has_no_problems():
    assert report.period_problems(date(2026, 1, 1), TODAY, TODAY) == {}
    assert report.period_problems(TODAY, TODAY, TODAY) == {}
    twenty = report.months_before(TODAY, 12 * report.MAX_YEARS)
    assert report.period_problems(twenty, TODAY, TODAY) == {}


def test_a_start_after_the_end_is_said_at_the_start():
    problems = report.period_problems(TODAY, TODAY - timedelta(days=1), TODAY)
    assert problems == {"start": report.START_AFTER_END}


def test_an_end_still_to_come_is_said_at_the_end():
    problems = report.period_problems(TODAY, TODAY + timedelta(days=1), TODAY)
    assert problems == {"end": report.END_AHEAD}


def test_more_than_twenty_years_is_too_long():
    twenty = report.months_before(TODAY, 12 * report.MAX_YEARS)
    problems = report.period_problems(twenty - timedelta(days=1), TODAY, TODAY)
    assert problems == {"start": report.TOO_LONG}


def test_scales_list_each_result_with_its_band_in_instrument_order():
    rows = [
        ScoreRow("hard-days", date(2026, 10, 2), 4.0),
        ScoreRow("connection", date(2026, 10, 9), 7.0),
        ScoreRow("connection", date(2026, 10, 1), 3.0),
        ScoreRow("not-any-more", date(2026, 10, 1), 3.0),
    ]
    found = report.scales(rows, instruments())
    assert [s.title for s in found] == ["Connection", "Hard days"]
    connection = found[0]
    assert [(r.day, r.score, r.band) for r in connection.results] == [
        (date(2026, 10, 1), 3.0, "Not often lonely"),
        (date(2026, 10, 9), 7.0, "Often lonely"),
    ]
    assert connection.measures == "How often you feel lonely"
    assert connection.bands[1][:3] == (6.0, 9.0, "Often lonely")
    assert connection.range == (3.0, 9.0) and connection.higher_is == "worse"
    assert connection.left_out == 0


def test_a_long_history_lists_the_latest_results_and_counts_the_rest():
    rows = [ScoreRow("connection", date(2026, 1, 1) + timedelta(days=n), 3.0) for n in range(7)]
    found = report.scales(rows, instruments(), shown=5)[0]
    assert len(found.results) == 5 and found.left_out == 2
    assert found.results[0].day == date(2026, 1, 3)


def test_moments_by_ring_most_first_and_on_average():
    totals = report.MomentTotals(4, understood=(6, 2), safe=(5, 1), closeness=(6, 1))
    people = [
        ("inner", "Sam", 2),
        ("middle", "Zoë", 1),
        ("outer", "ada", 1),
        ("outer", "Bo", 3),
        ("outer", "cy", 1),
        ("outer", "Nobody", 0),
        ("", "Somewhere else", 1),
    ]
    summary = report.moments_summary(totals, people)
    assert summary.count == 4
    assert [(r.label, r.people) for r in summary.rings] == [
        ("Inner ring", (("Sam", 2),)),
        ("Middle ring", (("Zoë", 1),)),
        ("Outer ring", (("Bo", 3), ("ada", 1), ("cy", 1))),
    ]
    assert summary.averages == (
        ("felt understood", 3.0, 5, 2),
        ("felt safe", 5.0, 5, 1),
        ("closeness afterwards", 6.0, 7, 1),
    )


def test_averages_round_halves_up_and_a_ring_without_moments_is_left_out():
    totals = report.MomentTotals(4, understood=(19, 4))  # 4.75
    summary = report.moments_summary(totals, [("middle", "Sam", 1)])
    assert summary.averages == (("felt understood", 4.8, 5, 4),)
    assert [r.label for r in summary.rings] == ["Middle ring"]
    assert report.moments_summary(report.MomentTotals(), ()) == report.MomentsSummary(0, (), ())


def full(sections):
    return report.assemble(
        date(2026, 9, 2),
        TODAY,
        sections,
        instruments=instruments(),
        scores=[ScoreRow("connection", date(2026, 10, 1), 7.0)],
        moments=(
            report.MomentTotals(1, understood=(4, 1), safe=(5, 1), closeness=(6, 1)),
            [("inner", "Zoë Ñandú", 1)],
        ),
        entries=[
            EntryText(date(2026, 10, 3), "Second thoughts", "Later words"),
            EntryText(date(2026, 10, 2), "First thoughts", "Line one\nŁódź and Straße"),
        ],
        plan=[PlanPart("My warning signs", ("Not sleeping",)), PlanPart("Empty part", ())],
        findings=[("early sign", "On days with a moment, your mood was higher.")],
    )


def test_only_the_chosen_sections_are_assembled_in_their_own_order():
    every = full(["findings", "safety", "journal", "moments", "scores", "nonsense"])
    assert every.sections == report.SECTION_KEYS
    assert [e.heading for e in every.entries] == ["First thoughts", "Second thoughts"]
    assert every.plan == (PlanPart("My warning signs", ("Not sleeping",)),)
    assert every.moments.count == 1 and every.scales[0].title == "Connection"
    assert every.findings and every.has("safety")
    none = full(["scores"])
    assert none.sections == ("scores",) and not none.has("safety")
    assert none.moments is None and none.entries == () and none.plan == () and none.findings == ()
    assert full(["moments"]).scales == ()


def test_the_longest_period_is_twenty_years_to_the_day():
    assert report.period_problems(date(2006, 12, 2), TODAY, TODAY) == {}
    assert report.period_problems(date(2006, 12, 1), TODAY, TODAY) == {"start": report.TOO_LONG}


def test_four_hundred_results_are_listed_by_default():
    first = date(2020, 1, 1)
    rows = [ScoreRow("connection", first + timedelta(days=n), 3.0) for n in range(401)]
    found = report.scales(rows, instruments())[0]
    assert len(found.results) == 400 and found.left_out == 1
    assert found.results[0].when == "2 Jan 2020"


def test_no_moments_add_up_to_nothing():
    assert report.MomentTotals() == report.MomentTotals(0, (0, 0), (0, 0), (0, 0))


def test_a_report_lists_the_ten_clearest_findings_and_says_how_many_more():
    many = [("finding", f"Pattern {i}.") for i in range(13)]
    made = report.assemble(TODAY, TODAY, ["findings"], findings=many)
    assert report.FINDINGS_SHOWN == 10 and made.findings == tuple(many[:10])
    assert (
        made.findings_left_out
        == "3 more patterns, less clear than these, are in tending's Insights."
    )
    one = report.assemble(TODAY, TODAY, ["findings"], findings=many[:11])
    assert (
        one.findings_left_out == "1 more pattern, less clear than these, is in tending's Insights."
    )
    assert report.assemble(TODAY, TODAY, ["findings"], findings=many[:10]).findings_left_out == ""
    assert report.assemble(TODAY, TODAY, ["scores"], findings=many).findings_left_out == ""


def test_scales_made_before_are_used_as_they_are_and_only_when_scores_are_chosen():
    rows = [ScoreRow("connection", date(2026, 10, 1), 3.0)]
    made = report.scales(rows, instruments())
    start, end = date(2026, 9, 1), date(2026, 11, 30)
    given = report.assemble(start, end, ["scores"], shown_scales=made)
    assert given.scales is made
    worked_out = report.assemble(start, end, ["scores"], instruments=instruments(), scores=rows)
    assert worked_out.scales == made
    assert report.assemble(start, end, ["moments"], shown_scales=made).scales == ()
    assert report.assemble(start, end, ["scores"], shown_scales=()).scales == ()
