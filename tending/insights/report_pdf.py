"""The supporter report as a PDF, laid out from plain data (tending.insights.report.Report)
with fpdf2 and the vendored DejaVu Sans, so any name prints. Its headings and words are in the
language in use (the account's); of Django, only its translation. No network: nothing in the
file points anywhere outside it."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from fpdf import FPDF

from tending.core.date_format import format_date
from tending.insights import pdf_fonts
from tending.insights.report import Report, average_words, status_words

FONT_DIR = pdf_fonts.DEJAVU_DIR
FONT = "DejaVu"
FALLBACK = "Fallback"
TEXT = 10
SMALL = 8.5
TITLE = 18
HEADING = 13
SUBHEADING = 11
LINE = 5.2  # mm per line of body text
# In English here; the PDF says them in its language.
PATTERNS = gettext_noop(
    "These are patterns in the person's own days: what tends to go together, not why."
)
NOT_A_DIAGNOSIS = gettext_noop(
    "Made by the person themselves with tending, to share as they choose. Scores are from "
    "short questionnaires and say how things were, not what is wrong: this is not a diagnosis."
)


class _SaidInThePdf(logging.Filter):
    """fpdf2 warns of each character no font can draw; the PDF itself says so (left_out_words),
    so the warning would only fill the server's log with people's names."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Font %s is missing the following glyphs")


logging.getLogger("fpdf.output").addFilter(_SaidInThePdf())


def day_words(day: date) -> str:
    """ "2 December 2026", as the language writes a day."""
    return format_date(day, "j F Y")


def period_words(start: date, end: date) -> str:
    return _("%(start)s to %(end)s") % {"start": day_words(start), "end": day_words(end)}


def number(value: float) -> str:
    """A score as the page shows it: 12 rather than 12.0, 3.5 as it is (3,5 in German)."""
    return number_format(f"{value:g}")


def people_words(people) -> str:
    """ "Sam (12 moments), Alex (1 moment)"."""
    return ", ".join(
        f"{name} ({ngettext('%(num)d moment', '%(num)d moments', n) % {'num': n}})"
        for name, n in people
    )


class _Document(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=SMALL)
        self.set_text_color(90)
        # {nb}: fpdf2 puts the number of pages there when the document is done.
        said = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 5, said, align="C")


def render(report: Report, made_on: date, font_dir: Path = FONT_DIR) -> bytes:
    """The report as PDF bytes."""
    pdf = _Document(format="A4")
    pdf.set_title(_("Report to share, from tending"))
    pdf.set_creator("tending")
    # The day, not the minute: the same report made the same day gives the same bytes.
    pdf.set_creation_date(datetime.combine(made_on, time(), tzinfo=UTC))
    pdf.add_font(FONT, "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    # Chinese, Japanese and Korean names from a second font, loaded only when there are any.
    words = "\n".join(pdf_fonts.words_of(report))
    with_fallback, left_out = pdf_fonts.needs(words)
    if with_fallback:
        pdf.add_font(FALLBACK, "", str(pdf_fonts.FALLBACK))
        pdf.set_fallback_fonts([FALLBACK], exact_match=False)
    # Arabic letters joined, right-to-left names set in their order (HarfBuzz, via uharfbuzz).
    if pdf_fonts.needs_shaping(words):
        pdf.set_text_shaping(True)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    _heading(pdf, _("A report to share"), TITLE)
    _text(
        pdf,
        _("%(period)s. Made on %(day)s.")
        % {"period": period_words(report.start, report.end), "day": day_words(made_on)},
    )
    _text(pdf, _(NOT_A_DIAGNOSIS), size=SMALL)
    if left_out:
        _text(pdf, pdf_fonts.left_out_words(left_out), size=SMALL)
    for section in report.sections:
        {
            "scores": _scores,
            "moments": _moments,
            "journal": _journal,
            "safety": _safety,
            "findings": _findings,
        }[section](pdf, report)
    return bytes(pdf.output())


def _heading(pdf: FPDF, words: str, size: float) -> None:
    pdf.ln(2 if size < HEADING else 4)
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.5, words, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _text(pdf: FPDF, words: str, size: float = TEXT, bold: bool = False) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, LINE * size / TEXT, words, new_x="LMARGIN", new_y="NEXT")


def _scores(pdf: FPDF, report: Report) -> None:
    _heading(pdf, _("Check-in scores"), HEADING)
    if not report.scales:
        _text(pdf, _("No check-ins were taken in this period."))
    for scale in report.scales:
        _heading(pdf, scale.title, SUBHEADING)
        low, high = scale.range
        said = {"measures": scale.measures, "low": number(low), "high": number(high)}
        if scale.higher_is == "better":
            _text(
                pdf,
                _("Measures: %(measures)s. Scores run from %(low)s to %(high)s; higher is better.")
                % said,
            )
        else:
            _text(
                pdf,
                _("Measures: %(measures)s. Scores run from %(low)s to %(high)s; lower is better.")
                % said,
            )
        if scale.bands:
            _text(pdf, _("Bands:"), bold=True)
            for b_low, b_high, label, meaning in scale.bands:
                _text(pdf, f"{number(b_low)}–{number(b_high)} {label}: {meaning}", size=SMALL)
        pdf.ln(1)
        _text(pdf, _("Results (%(num)d):") % {"num": len(scale.results)}, bold=True)
        if scale.left_out:
            _text(
                pdf,
                ngettext(
                    "%(num)d earlier result of the period is not listed; a shorter "
                    "period lists every one.",
                    "The %(num)d earlier results of the period are not listed; a shorter "
                    "period lists every one.",
                    scale.left_out,
                )
                % {"num": scale.left_out},
                size=SMALL,
            )
        with pdf.table(
            col_widths=(40, 25, 100),
            text_align=("LEFT", "RIGHT", "LEFT"),
            first_row_as_headings=True,
            line_height=4.6,
        ) as table:
            pdf.set_font(FONT, size=SMALL)
            table.row((_("Day"), _("Score"), _("Band")))
            for result in scale.results:
                table.row((day_words(result.day), number(result.score), result.band))


def _moments(pdf: FPDF, report: Report) -> None:
    _heading(pdf, _("Moments with people"), HEADING)
    summary = report.moments
    if summary is None or not summary.count:
        _text(pdf, _("No moments were logged in this period."))
        return
    _text(
        pdf,
        ngettext("%(num)d moment logged.", "%(num)d moments logged.", summary.count)
        % {"num": summary.count},
    )
    for ring in summary.rings:
        _text(pdf, f"{ring.label}: {people_words(ring.people)}.")
    for label, mean, top, rated in summary.averages:
        _text(pdf, average_words(label, number(mean), top, rated))


def _journal(pdf: FPDF, report: Report) -> None:
    _heading(pdf, _("Journal entries"), HEADING)
    if not report.entries:
        _text(pdf, _("No journal entries were chosen for this report."))
    for entry in report.entries:
        _heading(pdf, entry.heading, SUBHEADING)
        _text(pdf, day_words(entry.day), size=SMALL)
        _text(pdf, entry.body)


def _safety(pdf: FPDF, report: Report) -> None:
    _heading(pdf, _("Safety plan"), HEADING)
    if not report.plan:
        _text(pdf, _("The safety plan has nothing written in it yet."))
    for part in report.plan:
        _text(pdf, part.title, bold=True)
        for line in part.lines:
            _text(pdf, f"• {line}")
        pdf.ln(1)


def _findings(pdf: FPDF, report: Report) -> None:
    _heading(pdf, _("What the days show"), HEADING)
    if not report.findings:
        _text(
            pdf,
            _(
                "No findings yet: patterns are shown only once there are enough days to "
                "say something honestly."
            ),
        )
    for status, sentence in report.findings:
        _text(pdf, f"{status_words(status)}: {sentence}")
    if report.findings_left_out:
        _text(pdf, report.findings_left_out)
    _text(pdf, _(PATTERNS), size=SMALL)
