"""The circle with sixty people on a 390 px phone: readable, tappable, nothing off the side."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.demo import fill_demo
from tests.browser.test_newcomer import log_in
from tests.factories import PersonFactory, UserFactory

LONG_NAME = "Maximiliane Alexandra von Hohenzollern-Sigmaringen"

ROWS = """() => [...document.querySelectorAll('.circle-people a')].map(a => {
    const box = a.getBoundingClientRect();
    const name = a.querySelector('.person-name');
    return {
        width: box.width, height: box.height, right: box.right,
        name: name.textContent, title: name.title,
        cut: name.scrollWidth > name.clientWidth,
        ellipsis: getComputedStyle(name).textOverflow,
        status: a.querySelector('.status').textContent.trim(),
    };
})"""


def test_sixty_people_fit_a_phone_each_a_full_row_to_tap(page: Page, live_server):
    owner = UserFactory(username="owner", time_zone="Europe/Berlin")
    fill_demo(owner, years=1, seed=5)  # up to the account's own today
    PersonFactory(owner=owner, name=LONG_NAME, ring="middle")
    log_in(page, live_server.url, "owner")
    page.goto(live_server.url + "/circle/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".circle-map")).to_be_hidden()  # too small to read on a phone
    expect(page.locator(".ring-counts a")).to_have_count(3)
    rows = page.evaluate(ROWS)
    assert len(rows) >= 50, len(rows)
    for row in rows:
        assert row["height"] >= 44 and row["width"] >= 300 and row["right"] <= 390, row
        assert row["title"] == row["name"], row  # the whole name, as a tooltip too
        assert row["status"], row  # the drift in words, not only its colour
        if row["cut"]:
            assert row["ellipsis"] == "ellipsis", row
    [long] = [row for row in rows if row["name"] == LONG_NAME]
    assert long["cut"] and long["ellipsis"] == "ellipsis", long
    # A screen reader hears the whole name, and a tap opens the person.
    link = page.get_by_role("link", name=LONG_NAME)
    expect(link).to_have_count(1)
    link.click()
    expect(page.get_by_role("heading", name=LONG_NAME, level=1)).to_be_visible()


def test_an_empty_circle_says_what_to_do_next(page: Page, live_server):
    UserFactory(username="newcomer")
    log_in(page, live_server.url, "newcomer")
    page.goto(live_server.url + "/circle/")
    expect(page.get_by_text("Nobody here yet")).to_be_visible()
    page.get_by_role("link", name="Add someone").click()
    expect(page.get_by_label("Name", exact=True)).to_be_visible()
