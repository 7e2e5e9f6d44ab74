"""The /design/ page in a real browser: both schemes side by side, and axe finds nothing."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser.access import AXE, axe_violations, new_context


def test_the_design_page_shows_light_and_dark_and_passes_axe(
    browser: Browser, live_server, settings
):
    settings.ROOT_URLCONF = "tending.core.design"
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    context.add_init_script(path=AXE)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/design/")
        light, dark = page.locator(".scheme-light"), page.locator(".scheme-dark")
        expect(light.get_by_role("heading", name="Light")).to_be_visible()
        backgrounds = page.evaluate(
            """() => ['.scheme-light', '.scheme-dark'].map(s =>
                getComputedStyle(document.querySelector(s)).backgroundColor)"""
        )
        assert backgrounds == ["rgb(250, 247, 242)", "rgb(25, 27, 29)"], backgrounds
        # Side by side on a wide screen.
        assert light.bounding_box()["y"] == dark.bounding_box()["y"]
        assert axe_violations(page) == []
    finally:
        context.close()
