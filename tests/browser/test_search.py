"""Item 28 in a browser: search everything for a word, and names offered after an @."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, expect

from tests.browser.test_newcomer import log_in
from tests.factories import (
    JournalEntryFactory,
    MomentFactory,
    PersonFactory,
    UserFactory,
)


def test_item_28_search_everything_finds_journal_and_moments(page: Page, live_server):
    robin = UserFactory(username="robin")
    sam = PersonFactory(owner=robin, name="Sam Lee")
    JournalEntryFactory(
        owner=robin,
        title="Evening",
        body="We **walked** along the rivers.",
        written_on=date(2026, 5, 2),
    )
    MomentFactory(owner=robin, people=[sam], note="Fed the ducks by the river.")
    MomentFactory(owner=UserFactory(username="ash"), note="Ash's own river walk")
    addresses: list[str] = []
    page.on("request", lambda request: addresses.append(request.url))
    log_in(page, live_server.url, "robin")

    page.goto(f"{live_server.url}/journal/")
    page.get_by_role("link", name="Search everything").click()
    page.get_by_label("Words to find").fill("river")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page.get_by_text("2 found.")).to_be_visible()
    hits = page.locator(".everywhere-hits li")
    expect(hits).to_have_count(2)
    expect(page.locator(".hit-entry mark").first).to_have_text("rivers")
    expect(page.locator(".hit-moment mark").first).to_have_text("river")
    expect(page.locator(".hit-entry")).to_contain_text("We walked along the rivers.")
    expect(page.get_by_text("Ash's own")).to_have_count(0)
    assert not [a for a in addresses if "river" in a.lower()], addresses  # never in an address

    page.locator(".hit-moment a").click()
    expect(page.get_by_text("Fed the ducks by the river.")).to_be_visible()


def test_item_28_at_offers_names_while_writing(page: Page, live_server):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam Rivera")
    PersonFactory(owner=robin, name="Salma Okafor")
    PersonFactory(owner=UserFactory(username="ash"), name="Sasha Other")
    log_in(page, live_server.url, "robin")

    page.goto(f"{live_server.url}/journal/write/")
    body = page.get_by_label("What is on your mind?")
    body.click()
    body.fill("Lunch with @sa")  # one change, one question: no slower answer for "@s" after
    names = page.get_by_role("listbox", name="People to mention")
    expect(names.get_by_role("option")).to_have_text(["Salma Okafor", "Sam Rivera"])
    body.press("ArrowDown")
    body.press("Enter")
    expect(body).to_have_value("Lunch with @Sam Rivera ")
    expect(names).to_be_hidden()

    page.goto(f"{live_server.url}/moments/add/")
    note = page.get_by_label("A note, if you like")
    note.click()
    note.press_sequentially("Walked with @Sal")
    page.get_by_role("option", name="Salma Okafor").click()
    expect(note).to_have_value("Walked with @Salma Okafor ")
