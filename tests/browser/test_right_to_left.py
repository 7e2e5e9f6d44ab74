"""A right-to-left language turns the page around: the same page, mirrored."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory

WIDE = {"width": 1200, "height": 800}


def places(page: Page) -> dict:
    return page.evaluate(
        """() => {
        const box = (el) => el.getBoundingClientRect();
        const links = [...document.querySelectorAll('.main-nav > ul > li:not(.nav-phone) > a')];
        return {
          brand: box(document.querySelector('.brand')).left,
          help: box(document.querySelector('.help-now')).left,
          first: box(links[0]).left,
          last: box(links[links.length - 1]).left,
          width: document.documentElement.clientWidth,
        };
    }"""
    )


def test_an_arabic_account_sees_the_page_mirrored(page: Page, live_server, settings):
    settings.LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("ar", "العربية")]
    robin = UserFactory(username="robin")
    page.set_viewport_size(WIDE)
    log_in(page, live_server.url, "robin")
    left_to_right = places(page)
    assert left_to_right["brand"] < left_to_right["help"]
    assert left_to_right["first"] < left_to_right["last"]

    type(robin).objects.filter(pk=robin.pk).update(language="ar")
    page.reload()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    right_to_left = places(page)
    assert right_to_left["brand"] > right_to_left["help"]  # the name on the right now
    assert right_to_left["first"] > right_to_left["last"]  # Today first, at the right
    assert right_to_left["brand"] > right_to_left["width"] / 2
