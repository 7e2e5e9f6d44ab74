"""Looking back on a phone: Today's link on the review day to the week, its moments and
journal, then a report for a supporter with chosen parts, downloaded as a PDF and read back."""

from __future__ import annotations

import io
from datetime import time

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tending.today.models import CalendarFeed
from tests.browser.test_newcomer import log_in
from tests.factories import PersonFactory, PlanEntryFactory, UserFactory


def test_the_week_then_a_report_to_share(page: Page, live_server, tmp_path):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Søren Ødegård", ring="inner")
    PlanEntryFactory(owner=robin, part="warning-signs", text="Staying in bed all day")
    log_in(page, live_server.url, "robin")
    # Today as the account sees it: logging in takes the browser's time zone (Berlin), which
    # near midnight names another day than the server's UTC.
    robin.refresh_from_db()
    today = timezone.localdate(timezone=robin.zone)
    CalendarFeed.objects.create(
        owner=robin, token_hash="r" * 64, review_weekday=today.weekday(), review_time=time(18)
    )

    # A moment and a journal entry, as a newcomer logs them.
    page.goto(f"{live_server.url}/moments/quick/")
    page.get_by_role("checkbox", name="Søren Ødegård").check()
    page.get_by_role("button", name="Save moment").click()
    expect(page.get_by_text("Logged a moment with Søren Ødegård")).to_be_visible()
    page.goto(f"{live_server.url}/journal/write/")
    page.get_by_label("Title, if you like").fill("Tea by the harbour")
    page.get_by_label("What is on your mind?").fill("We talked about the winter ahead.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved to your journal.")).to_be_visible()
    page.goto(f"{live_server.url}/journal/write/")
    page.get_by_label("Title, if you like").fill("Kept to myself")
    page.get_by_label("What is on your mind?").fill("Not for anyone else.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved to your journal.")).to_be_visible()

    # Today is the chosen review day: a calm link to the week, not the next step.
    page.goto(f"{live_server.url}/today/")
    review = page.locator("#weekly-review")
    expect(review).to_contain_text("Your weekly review")
    expect(page.locator(".next-step")).not_to_contain_text("weekly review")
    review.get_by_role("link", name="See your week").click()
    expect(page.get_by_role("heading", name="Your week")).to_be_visible()
    page.wait_for_load_state("load")  # the whole page, before asking whether a link is on it
    later = page.get_by_role("link", name="The week after →")
    if later.count():  # early in the week the week just gone is the one before this
        later.click()
    moments = page.locator("section[aria-labelledby=week-moments]")
    expect(moments).to_contain_text("1 moment, with Søren Ødegård")
    journal = page.locator("section[aria-labelledby=week-journal]")
    expect(journal).to_contain_text("Tea by the harbour")
    expect(page.locator("#week-prompt-text")).not_to_be_empty()
    page.get_by_role("link", name="Write about it").click()
    expect(page.locator("#prompt-text")).not_to_be_empty()

    # The report: journal entries are offered once ticked; one entry is chosen.
    page.goto(f"{live_server.url}/insights/")
    page.get_by_role("link", name="A report to share").click()
    expect(page.locator("#report-moments")).to_contain_text("Søren Ødegård (1 moment)")
    page.get_by_role("checkbox", name="Journal entries you choose below").check()
    page.get_by_role("button", name="Show the report").click()
    page.get_by_role("checkbox", name="Tea by the harbour").check()
    page.get_by_role("button", name="Show the report").click()
    expect(page.locator("#report-journal")).to_contain_text("We talked about the winter ahead.")
    expect(page.locator("#report-journal")).not_to_contain_text("Not for anyone else.")
    expect(page.locator("#report-safety")).to_have_count(0)

    with page.expect_download() as waiting:
        page.get_by_role("button", name="Save as PDF").click()
    download = waiting.value
    assert download.suggested_filename.startswith("tending-report-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Søren Ødegård (1 moment)" in text
    assert "Tea by the harbour" in text and "We talked about the winter ahead." in text
    assert "Kept to myself" not in text and "Not for anyone else." not in text
    assert "Staying in bed all day" not in text and "Safety plan" not in text
