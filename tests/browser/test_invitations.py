"""Inviting someone, as an administrator and then as the person invited: the link is made on
the invitations page, copied, and opened logged out; a name and a password later, the new
person is on Today, logged in as themselves."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tending.invitations.models import Invitation
from tests.browser.test_newcomer import log_in, tap_choice
from tests.factories import UserFactory

PASSWORD = "quiet-harbour-lantern-42"


def test_an_invitation_made_copied_and_accepted(page: Page, live_server):
    UserFactory(username="robin")  # the first account of a personal tending: its administrator
    log_in(page, live_server.url, "robin")

    page.goto(live_server.url + "/settings/")
    page.get_by_role("link", name="Invite someone").click()
    expect(page.get_by_role("heading", name="Invite someone")).to_be_visible()
    page.get_by_label("Who is it for? (if you like)").fill("Kim from the Tuesday group")
    tap_choice(page, "The link works for", "7 days")
    page.get_by_role("button", name="Make a link").click()
    expect(page.get_by_role("heading", name="The invitation link")).to_be_visible()

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator("button[data-copy-target]")).to_have_text("Copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(re.escape(live_server.url) + r"/invite/[A-Za-z0-9_-]{43}/", link)
    assert link == page.get_by_label("Invitation link").input_value()

    page.get_by_role("link", name="Back to invitations").click()
    row = page.locator(".list-row").filter(has_text="Kim from the Tuesday group")
    expect(row).to_contain_text("waiting, until")
    page.locator("footer").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()

    page.goto(link)
    expect(page.get_by_role("heading", name="You are invited to tending")).to_be_visible()
    page.get_by_label("A name to log in with").fill("kim")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    # Filled in from the browser's own zone, as on the welcome page.
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Berlin")
    page.get_by_role("button", name="Make my account").click()

    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(page.get_by_text("Welcome to tending. Your account is ready.")).to_be_visible()
    expect(page.locator("footer")).to_contain_text("Logged in as kim.")
    invitation = Invitation.objects.get()
    assert invitation.used_by.username == "kim" and invitation.used_by.time_zone == "Europe/Berlin"

    # The link has done its work: opened again, it says so kindly.
    page.goto(link)
    expect(page.get_by_role("heading", name="This invitation link does not work")).to_be_visible()
