"""The therapy companion on a phone, as a newcomer: write a journal entry, bring it up in
therapy from its page, find it on the list for next time, and on the summary to print."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.growth.models import BringUp
from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory


def test_bring_a_journal_entry_to_the_next_session(page: Page, live_server):
    robin = UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    page.goto(f"{live_server.url}/journal/write/")
    page.get_by_label("Title, if you like").fill("The argument on Sunday")
    page.get_by_label("What is on your mind?").fill("I froze again when voices got loud.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="The argument on Sunday")).to_be_visible()
    entry_url = page.url

    page.get_by_text("Add a line about why (if you like)").click()
    page.get_by_label("Why you'd like to talk about it").fill("Why do I freeze?")
    page.get_by_role("button", name="Bring this up in therapy").click()
    expect(page.get_by_text("Added to the list for your next session.")).to_be_visible()
    assert page.url == entry_url  # back on the entry
    assert BringUp.objects.get(owner=robin).note == "Why do I freeze?"

    page.goto(f"{live_server.url}/growth/therapy/")
    expect(page.get_by_text("Nothing here is sent anywhere")).to_be_visible()
    waiting = page.get_by_role("list", name="To bring up next time")
    expect(waiting.get_by_role("link", name="Journal: The argument on Sunday")).to_be_visible()
    expect(waiting).to_contain_text("Why do I freeze?")

    page.get_by_role("link", name="Summary for your next session").click()
    expect(page.get_by_role("heading", name="For my next session")).to_be_visible()
    flagged = page.locator("#summary-flagged")
    expect(flagged).to_contain_text("Journal: The argument on Sunday")
    expect(flagged).to_contain_text("Why do I freeze?")
    expect(flagged).to_contain_text("I froze again when voices got loud.")
    # On paper only the summary: no navigation, no buttons.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("link", name="Back to your sessions")).to_be_hidden()
    expect(flagged).to_be_visible()
