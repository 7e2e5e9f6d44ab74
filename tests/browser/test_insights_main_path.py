"""Insights' main path, as a newcomer with ten weeks of days behind them would walk it: what
goes with their better days (a finding, with its days and its interval), the charts, the
week just gone, and a report for a supporter downloaded as a PDF and read back."""

from __future__ import annotations

import io
import random
import re
from datetime import datetime, time, timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tests.browser.test_newcomer import log_in, nav
from tests.factories import MomentFactory, PersonFactory, UserFactory

WEEKS = 10


def ten_weeks_of_a_made_up_life(owner) -> None:
    """A daily pulse every evening for ten weeks; on about half the days a moment with Sam
    where they felt understood, and on those days a clearly better mood."""
    rng = random.Random(5)
    sam = PersonFactory(owner=owner, name="Sam", ring="inner")
    pulse = get_instrument("daily-pulse")
    zone = owner.zone
    today = timezone.localdate(timezone=zone)
    for back in range(WEEKS * 7, 0, -1):
        day = today - timedelta(days=back)
        good = rng.random() < 0.5
        if good:
            MomentFactory(
                owner=owner,
                people=[sam],
                occurred_at=datetime.combine(day, time(12), tzinfo=zone),
                felt_understood=5,
                felt_safe=5,
                self_disclosure=3,
            )
        mood = min(5, max(1, round((4.3 if good else 2.4) + rng.gauss(0, 0.5))))
        answers = {"mood": mood, "energy": rng.randint(2, 4), "stress": 3, "connected": 3}
        checkin = save_checkin(owner, pulse, answers)
        CheckIn.objects.filter(pk=checkin.pk).update(
            taken_at=datetime.combine(day, time(21), tzinfo=zone)
        )


def test_ten_weeks_then_what_helps_the_charts_the_week_and_a_report(
    page: Page, live_server, tmp_path
):
    quinn = UserFactory(username="quinn")
    ten_weeks_of_a_made_up_life(quinn)
    log_in(page, live_server.url, "quinn")

    # What goes with better days: a pattern in their own words, with its days and interval.
    nav(page, "Insights")
    expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
    finding = page.locator(".finding").filter(has_text="your mood").first
    expect(finding).to_contain_text("On days with")
    expect(finding).to_contain_text("higher")
    expect(finding).to_contain_text("days compared")
    expect(finding).to_contain_text("(a 95% interval)")
    sentence = finding.locator(".finding-sentence").inner_text()
    expect(page.locator(".insights-meaning")).to_contain_text("not a diagnosis")

    # The charts: the pulse as a year in pixels, and the circle over time.
    page.get_by_role("link", name="Your year in pixels").click()
    expect(page.locator("svg").first).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="Your circle over time").click()
    expect(page.locator("main")).to_contain_text("Sam")
    page.go_back()

    # The week just gone.
    page.get_by_role("link", name="Your week").click()
    expect(page.get_by_role("heading", name="Your week")).to_be_visible()
    expect(page.locator("section[aria-labelledby=week-moments]")).to_contain_text("Sam")
    page.go_back()

    # A report with the findings, downloaded and read back.
    page.get_by_role("link", name="A report to share").click()
    page.get_by_role("button", name="Show the report").click()
    expect(page).to_have_url(re.compile(r"\?"))  # the report asked for, not the first one
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Save as PDF").click()
    saved = tmp_path / "report.pdf"
    waiting.value.save_as(saved)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    flat = " ".join(text.split())
    assert "Sam" in flat
    assert " ".join(sentence.split())[:40] in flat
