"""The supporter report's PDF, laid out from plain data and read back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tending.insights import report
from tending.insights.report_pdf import render
from tests.insights.test_report import TODAY, full, instruments


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_holds_every_chosen_section():
    data = render(full(report.SECTION_KEYS), made_on=TODAY)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for words in (
        "A report to share",
        "2 September 2026 to 2 December 2026",
        "Connection",
        "How often you feel lonely",
        "Scores run from 3 to 9; lower is better.",
        "Often lonely",
        "6–9",
        "1 October 2026",
        "Zoë Ñandú",
        "Inner ring: Zoë Ñandú (1 moment)",
        "felt understood: 4 of 5",
        "First thoughts",
        "Łódź and Straße",
        "My warning signs",
        "Not sleeping",
        "Early sign: On days with a moment, your mood was higher.",
    ):
        assert words in text, words
    assert "Empty part" not in text


def test_the_pdf_leaves_out_what_was_not_chosen():
    text = pdf_text(render(full(("scores", "moments")), made_on=TODAY))
    assert "Connection" in text and "Zoë Ñandú" in text
    for words in ("First thoughts", "Line one", "My warning signs", "Not sleeping", "mood was"):
        assert words not in text, words


def test_the_pdf_says_kindly_when_a_chosen_part_is_empty():
    empty = report.assemble(TODAY, TODAY, report.SECTION_KEYS, instruments=instruments())
    text = pdf_text(render(empty, made_on=TODAY))
    for words in (
        "No check-ins were taken in this period.",
        "No moments were logged in this period.",
        "No journal entries were chosen for this report.",
        "The safety plan has nothing written in it yet.",
        "No findings yet",
    ):
        assert words in text, words


def test_the_pdf_points_nowhere_and_is_the_same_each_time_on_a_day():
    data = render(full(report.SECTION_KEYS), made_on=TODAY)
    raw = data.decode("latin-1")
    assert "/URI" not in raw and "http" not in raw and "/Launch" not in raw
    assert render(full(report.SECTION_KEYS), made_on=TODAY) == data


def test_a_long_report_runs_onto_more_pages_each_numbered():
    from datetime import date, timedelta

    rows = [
        report.ScoreRow("connection", date(2026, 1, 1) + timedelta(days=n), 3.0) for n in range(150)
    ]
    long = report.assemble(
        date(2026, 1, 1), TODAY, ["scores"], instruments=instruments(), scores=rows
    )
    reader = PdfReader(io.BytesIO(render(long, made_on=TODAY)))
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, 1):
        assert f"Page {number} of {pages}" in page.extract_text()
    # Every result is on a page, none written past the bottom of one.
    assert "30 May 2026" in reader.pages[-1].extract_text()


def test_the_pdf_says_how_many_findings_it_left_out():
    many = [("finding", f"Pattern number {i}.") for i in range(12)]
    text = pdf_text(render(report.assemble(TODAY, TODAY, ["findings"], findings=many), TODAY))
    assert "Pattern number 9." in text and "Pattern number 10." not in text
    assert "2 more patterns, less clear than these, are in tending's Insights." in text
