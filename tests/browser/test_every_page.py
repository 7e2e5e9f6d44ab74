"""Every page, with a year of demo data, in a real browser: nothing from any other host.

The routes come from the URL configuration (as the benchmark's do), so a page added later is
visited too. The page fixture fails the test on any request to another host; this test also
fails on anything the Content Security Policy refused and on any script error, since a
refused script or style is a page that silently does not work.
"""

from __future__ import annotations

import datetime

from playwright.sync_api import Page, expect

from tending.bench.pages import page_addresses, samples_for
from tending.demo import fill_demo
from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory

# Not a page a browser shows: the calendar feed is a download for calendar apps, and
# logging out would end the tour. Both are covered by view tests.
NOT_PAGES = {"today:feed", "core:logout"}


def test_every_page_loads_only_from_this_server(page: Page, live_server):
    owner = UserFactory(username="owner", time_zone="Europe/Berlin")
    fill_demo(owner, years=1, seed=5, today=datetime.date.today())
    UserFactory(username="other")
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, live_server.url, "owner")

    samples = samples_for(owner)
    addresses = page_addresses(samples)
    missing = [(name, why) for name, url, why in addresses if url is None and name not in NOT_PAGES]
    assert not missing, f"pages the tour cannot reach: {missing}"
    visited = 0
    for name, url, _ in addresses:
        if name in NOT_PAGES:
            continue
        # A route that only takes POST sends a GET on to its form (302): visited there.
        checked = page.request.get(live_server.url + url, max_redirects=0)
        assert checked.status < 500, f"{url} answered {checked.status}"
        if checked.status in (302, 405):
            continue
        answer = page.goto(live_server.url + url)
        assert answer is not None and answer.status < 500, f"{url} answered {answer.status}"
        visited += 1
    # A search is reached by posting words; its results page is one more.
    page.goto(live_server.url + "/journal/search/")
    page.get_by_label("Words to find").fill("walk")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("found")
    assert visited >= 30
    refused = [p for p in problems if "Content Security Policy" in p or "Refused" in p]
    assert not refused, f"the Content Security Policy refused: {refused}"
    assert not [p for p in problems if "405" not in p and "404" not in p], problems
