"""Item 17 in a real browser: "Need help now" for a visitor in Berlin shows German lines first."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_item_17_a_logged_out_visitor_in_berlin_sees_german_lines_first(page: Page, live_server):
    # The shared page fixture is a browser in Europe/Berlin (Playwright's timezone_id).
    assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "Europe/Berlin"
    page.goto(f"{live_server.url}/help/")
    expect(page).to_have_url(re.compile(r"/help/\?tz=Europe%2FBerlin$"))
    lines = page.locator(".crisis-lines .line")
    expect(lines.first).to_contain_text("Germany")
    expect(lines.nth(1)).to_contain_text("TelefonSeelsorge")
    expect(page.get_by_role("link", name=re.compile(r"^Call 0800 111 0 111"))).to_be_visible()
    expect(
        page.get_by_text("Showing the numbers for Germany, from your time zone.")
    ).to_be_visible()
    expect(page.locator('a[href="tel:911"]')).to_have_count(0)
    # The chooser still takes them anywhere else.
    page.get_by_text("In another country?").click()
    page.get_by_label("Show the lines for").select_option(label="Portugal")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("link", name=re.compile(r"^Call 1411"))).to_be_visible()


def test_item_17_the_country_chooser_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, timezone_id="Europe/Berlin")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/help/")
        expect(page.get_by_role("link", name=re.compile(r"^Call 911"))).to_be_visible()
        page.get_by_label("Crisis lines for your country").select_option(label="Germany")
        page.get_by_role("button", name="Show").click()
        expect(page).to_have_url(re.compile(r"/help/\?country=DE$"))
        expect(page.get_by_role("link", name=re.compile(r"^Call 0800 111 0 111"))).to_be_visible()
    finally:
        context.close()
