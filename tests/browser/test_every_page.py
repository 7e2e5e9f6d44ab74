"""Every page, with a year of demo data, in a real browser: nothing from any other host.

The routes come from the URL configuration (as the benchmark's do), so a page added later is
visited too. The page fixture fails the test on any request to another host; this test also
fails on anything the Content Security Policy refused and on any script error, since a
refused script or style is a page that silently does not work.

On the same walk, at a phone's 390 × 844, it measures what a thumb touches (issue 15): the
header is at most 64 px tall, and every visible control is at least 44 × 44 CSS px. Closed
<details> are opened first, so the "More" menu and the rows that open for editing are
measured too. Two things count differently, as WCAG 2.5.8 allows: a link inside a sentence
(an inline link whose paragraph holds other words) is the size of its line, and a checkbox
or radio button counts together with its label, which ticks it just the same.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.bench.pages import page_addresses, samples_for
from tending.demo import fill_demo
from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory

HEADER_MOST = 64
TARGET_LEAST = 44
# What a visible control smaller than 44 × 44 px is on the page (see the docstring).
SMALL_TARGETS = """least => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const words = el => el.textContent.replace(/\\s+/g, ' ').trim();
    const inSentence = el => {
        if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
        let block = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline'))
            block = block.parentElement;
        return block !== null && words(block).length > words(el).length;
    };
    const small = [];
    const wanted = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[role=button]';
    for (const el of document.querySelectorAll(wanted)) {
        let box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (getComputedStyle(el).visibility === 'hidden' || inSentence(el)) continue;
        let {left, right, top, bottom} = box;
        if ((el.type === 'checkbox' || el.type === 'radio') && el.labels) {
            for (const label of el.labels) {
                const l = label.getBoundingClientRect();
                left = Math.min(left, l.left); right = Math.max(right, l.right);
                top = Math.min(top, l.top); bottom = Math.max(bottom, l.bottom);
            }
        }
        const width = right - left, height = bottom - top;
        if (width < least - 0.5 || height < least - 0.5)
            small.push(`${el.tagName.toLowerCase()} "${words(el).slice(0, 40) || el.name || ''}"`
                + ` ${Math.round(width)}x${Math.round(height)}`);
    }
    const header = document.querySelector('.site-header').getBoundingClientRect().height;
    return {small, header};
}"""

# Not a page a browser shows: the calendar feed is a download for calendar apps, and
# logging out would end the tour. Both are covered by view tests.
# The Mirror's answer sheet: a download; the rest as the other tours (tests/browser/access.py).
NOT_PAGES = {"today:feed", "core:logout", "mirror:sheet", "healthz", "api:docs"}
# The phone's files (an icon, the manifest, the service worker, a reminder's JSON): tests/pwa/.
NOT_PAGES |= {"pwa:favicon", "pwa:manifest", "pwa:worker", "pwa:reminder"}


def not_a_page(name: str) -> bool:
    return name in NOT_PAGES or name.startswith("api ")


def test_every_page_loads_only_from_this_server(page: Page, live_server):
    owner = UserFactory(username="owner", time_zone="Europe/Berlin")
    fill_demo(owner, years=1, seed=5)  # up to the account's own today
    UserFactory(username="other")
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, live_server.url, "owner")

    samples = samples_for(owner)
    addresses = page_addresses(samples)
    missing = [(name, why) for name, url, why in addresses if url is None and not not_a_page(name)]
    assert not missing, f"pages the tour cannot reach: {missing}"
    visited = 0
    too_small: list[str] = []
    for name, url, _ in addresses:
        if not_a_page(name):
            continue
        # A route that only takes POST sends a GET on to its form (302): visited there.
        checked = page.request.get(live_server.url + url, max_redirects=0)
        assert checked.status < 500, f"{url} answered {checked.status}"
        if checked.status in (302, 405):
            continue
        answer = page.goto(live_server.url + url)
        assert answer is not None and answer.status < 500, f"{url} answered {answer.status}"
        visited += 1
        measured = page.evaluate(SMALL_TARGETS, TARGET_LEAST)
        assert measured["header"] <= HEADER_MOST, f"{url}: the header is {measured['header']} px"
        too_small += [f"{url}: {what}" for what in measured["small"]]
    # A search is reached by posting words; its results page is one more.
    page.goto(live_server.url + "/journal/search/")
    page.get_by_label("Words to find").fill("walk")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("found")
    assert visited >= 30
    assert not too_small, "smaller than 44 × 44 px at 390 px wide:\n" + "\n".join(too_small)
    refused = [p for p in problems if "Content Security Policy" in p or "Refused" in p]
    assert not refused, f"the Content Security Policy refused: {refused}"
    assert not [p for p in problems if "405" not in p and "404" not in p], problems
