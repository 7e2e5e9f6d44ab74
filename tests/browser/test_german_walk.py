"""A German account walks every page in Chromium, and reads no English.

tests/test_german_pages.py compares the HTML the server sends; this walk compares what the
browser shows once the page's scripts have run (a script's words come from the page, as
`data-word-` attributes, and land in the page only here). Each page is opened twice for the
same account and rows, in English and then in German, and every piece of text a person
reads is compared, as there; the rows all say "Marker" (tests/routes.py), so a person's own
words never count as English left over.
"""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory
from tests.routes import OBJECT_ARGUMENTS, url_kwargs
from tests.test_german_pages import pages, untranslated

# Not a page a browser shows in a language: files for calendars, phones and programs, the
# answer sheet (a download) and the API's reference; logging out would end the walk.
NOT_PAGES = {
    "today:feed", "core:logout", "mirror:sheet", "healthz", "api:docs",
    "pwa:favicon", "pwa:manifest", "pwa:worker", "pwa:reminder",
}  # fmt: skip


def shown(page: Page, address: str) -> str | None:
    """The page as the browser holds it after its scripts ran, or None for no HTML page."""
    answer = page.goto(address)
    if (
        answer is None
        or answer.status != 200
        or "text/html" not in answer.headers.get("content-type", "")
    ):
        return None
    page.wait_for_load_state("load")
    return page.content()


def test_a_german_account_reads_no_english_in_the_browser(page: Page, live_server):
    owner = UserFactory(username="owner", time_zone="Europe/Berlin", language="en")
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    log_in(page, live_server.url, "owner")
    addresses = []
    for name, args in pages():
        if name in NOT_PAGES or name.startswith("api "):
            continue
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        addresses.append(live_server.url + reverse(name, kwargs=url_kwargs(args, objects)))
    english = {address: shown(page, address) for address in addresses}
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    left: dict[str, list[str]] = {}
    walked = 0
    for address, in_english in english.items():
        in_german = shown(page, address)
        if in_english is None or in_german is None:
            continue
        walked += 1
        assert 'lang="de"' in in_german, address
        found = untranslated(in_english, in_german)
        if found:
            left[address.removeprefix(live_server.url)] = found
    assert walked > 80  # the walk reached the pages, not just their redirects
    report = "\n".join(f"{address}: {pieces}" for address, pieces in sorted(left.items()))
    assert not left, f"English left on German pages, as the browser shows them:\n{report}"
