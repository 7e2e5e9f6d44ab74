"""Which letters the report's PDF can draw, and what it says about those it cannot."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

import pytest
from pypdf import PdfReader

from tending.insights import pdf_fonts, report
from tending.insights.report_pdf import render
from tests.insights.test_report import TODAY, full

DEVANAGARI = "नमस्ते"


def test_uncovered_characters_once_each_in_order_and_never_spaces():
    have = frozenset(map(ord, "abc"))
    assert pdf_fonts.uncovered("a x\ny\tx\u200bz b", have) == ["x", "y", "z"]
    assert pdf_fonts.uncovered("abc  \n", have) == []


def test_what_the_characters_are_in_words():
    assert pdf_fonts.kinds(["न", "म", "ภ", "😀", "★", "न"]) == [
        "Devanagari",
        "Thai",
        "symbols such as emoji",
    ]
    assert pdf_fonts.kinds(["😀"]) == ["symbols such as emoji"]
    assert pdf_fonts.kinds(["्", "े"]) == ["Devanagari"]  # a virama and a vowel sign


def test_the_words_for_what_is_left_out():
    assert pdf_fonts.left_out_words([]) == ""
    one = pdf_fonts.left_out_words(["न"])
    assert one.startswith("Some characters (Devanagari) are not in the fonts this PDF uses")
    assert "The report page shows them, and printing that page keeps them." in one
    two = pdf_fonts.left_out_words(["न", "ภ"])
    assert "(Devanagari and Thai)" in two
    three = pdf_fonts.left_out_words(["न", "ภ", "😀"])
    assert "(Devanagari, Thai and symbols such as emoji)" in three


def test_every_word_of_a_report_is_found_at_any_depth():
    @dataclass
    class Inner:
        name: str
        count: int

    @dataclass
    class Outer:
        title: str
        rows: tuple
        more: list

    found = list(pdf_fonts.words_of(Outer("T", (Inner("a", 1), ("b", 2)), [Inner("c", 3)])))
    assert found == ["T", "a", "b", "c"]
    assert "Zoë Ñandú" in pdf_fonts.words_of(full(report.SECTION_KEYS))


@pytest.mark.parametrize(
    ("text", "fallback", "missing"),
    [
        ("Zoë, Ørjan, Ярослава, Γιώργος, سارة, יעל", False, []),
        ("山田 and 김민준", True, []),
        (f"{DEVANAGARI} 😀 🦄", False, ["न", "म", "स", "्", "त", "े", "🦄"]),
        (f"山田 {DEVANAGARI[0]}", True, ["न"]),
    ],
)
def test_the_fallback_font_only_when_needed_and_what_no_font_has(text, fallback, missing):
    assert pdf_fonts.needs(text) == (fallback, missing)


def test_right_to_left_letters_need_shaping_and_others_do_not():
    assert pdf_fonts.needs_shaping("Sam and سارة")
    assert pdf_fonts.needs_shaping("יעל")
    assert not pdf_fonts.needs_shaping("Zoë, 山田, Ярослава, 1 2 3")


def _findings(*sentences: str):
    return replace(
        report.assemble(TODAY, TODAY, ["findings"]),
        findings=tuple(("finding", s) for s in sentences),
    )


def _text(data: bytes) -> str:
    """The PDF's words, its line breaks read as spaces."""
    pages = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(pages.split())


def test_chinese_japanese_and_korean_names_print():
    text = _text(render(_findings("After time with 山田太郎 and 김민준 you felt safe."), TODAY))
    assert "山田太郎" in text and "김민준" in text
    assert "Some characters" not in text


def test_a_bold_heading_in_chinese_prints_too():
    from tending.insights.report import EntryText

    made = report.assemble(
        TODAY, TODAY, ["journal"], entries=[EntryText(TODAY, "山田さんと散歩", "A walk.")]
    )
    assert "山田さんと散歩" in _text(render(made, TODAY))


def test_the_pdf_says_which_characters_it_left_out():
    text = _text(render(_findings(f"After time with {DEVANAGARI} you felt safe."), TODAY))
    assert "Some characters (Devanagari) are not in the fonts this PDF uses" in text
    assert "printing that page keeps them" in text


def test_right_to_left_names_are_shaped_and_others_are_not(monkeypatch):
    from fpdf import FPDF

    shaped = []
    real = FPDF.set_text_shaping

    def spy(self, *args, **kwargs):
        shaped.append(args[0] if args else kwargs.get("use_shaping_engine", True))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FPDF, "set_text_shaping", spy)
    text = _text(render(_findings("After time with سارة you felt safe."), TODAY))
    assert shaped == [True] and "سارة" in text
    render(_findings("After time with Zoë you felt safe."), TODAY)
    assert shaped == [True]


def test_the_server_log_gets_no_names_for_characters_left_out(caplog):
    import logging

    from tending.insights.report_pdf import _SaidInThePdf

    with caplog.at_level(logging.WARNING, logger="fpdf"):
        render(_findings(f"After time with {DEVANAGARI} you felt safe."), TODAY)
    assert not [r for r in caplog.records if "missing the following glyphs" in r.getMessage()]
    other = logging.LogRecord("fpdf.output", logging.WARNING, "", 0, "Something else", (), None)
    assert _SaidInThePdf().filter(other) is True
