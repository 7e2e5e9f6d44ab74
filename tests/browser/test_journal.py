"""Writing in the journal from a prompt on a phone, then finding the entry again: by its day
on the calendar, by its month in the index, and by search."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.journal.models import Entry, JournalDraft
from tending.journal.prompts import library
from tests.browser.test_newcomer import log_in
from tests.factories import PersonFactory, UserFactory


def test_write_from_a_prompt_then_find_it(page: Page, live_server):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam Rivera", ring="inner")
    prompt = library()[0]
    log_in(page, live_server.url, "robin")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", name="Journal", exact=True)).to_be_visible()
    page.goto(f"{live_server.url}/journal/write/?prompt={prompt.id}")
    expect(page.locator("#prompt-text")).to_have_text(prompt.text)

    page.get_by_label("Title, if you like").fill("Lantern evening")
    page.get_by_label("What is on your mind?").fill(
        "Cooked with @Sam by lantern light.\n\nIt felt *easy*, like being *known*."
    )
    # The draft is kept while writing, so a closed tab would lose nothing.
    expect(page.get_by_text("Draft kept")).to_be_visible()
    assert JournalDraft.objects.get(owner=robin).title == "Lantern evening"
    page.get_by_label("Tags").fill("evening, cooking")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Saved to your journal.")).to_be_visible()
    expect(page.get_by_role("heading", name="Lantern evening")).to_be_visible()
    expect(page.locator(".entry-body em").first).to_have_text("easy")
    expect(page.get_by_role("link", name="Sam Rivera")).to_be_visible()
    entry = Entry.objects.get(owner=robin)
    assert entry.prompt_id == prompt.id
    assert not JournalDraft.objects.filter(owner=robin).exists()

    # The list shows words, not Markdown; the calendar marks the day and leads back to it.
    page.goto(f"{live_server.url}/journal/")
    item = page.locator(".journal-list li").first
    expect(item).to_contain_text("It felt easy, like being known.")
    assert "*" not in item.inner_text()
    marked = page.locator("table.calendar a[data-day]")
    expect(marked).to_have_count(1)
    assert marked.get_attribute("data-day") == entry.written_on.isoformat()
    assert marked.evaluate("a => a.getBoundingClientRect().height") >= 44
    marked.click()
    expect(
        page.get_by_role("heading", name=f"{entry.written_on:%A} {entry.written_on.day}")
    ).to_be_visible()
    expect(page.locator("table.calendar a[aria-current=page]")).to_have_count(1)
    page.locator(".month-index a").first.click()
    expect(page.locator(".month-index a[aria-current=page]")).to_have_count(1)
    page.get_by_role("link", name="Lantern evening").click()
    expect(page.get_by_role("heading", name="Lantern evening")).to_be_visible()

    page.goto(f"{live_server.url}/journal/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Words to find").fill('lantern "feLT easy"')
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_text("1 entry found.")).to_be_visible()
    expect(page.locator(".search-hits mark").first).to_have_text("Lantern")
    page.locator(".search-hits a").first.click()
    expect(page.get_by_role("heading", name="Lantern evening")).to_be_visible()


def test_a_closed_tab_loses_nothing(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    page.goto(f"{live_server.url}/journal/write/")
    page.get_by_label("What is on your mind?").fill("Half a thought about the sea")
    expect(page.get_by_text("Draft kept")).to_be_visible()

    page.goto(f"{live_server.url}/journal/")  # walked away without saving
    page.goto(f"{live_server.url}/journal/write/")
    expect(page.get_by_text("We kept what you were writing.")).to_be_visible()
    expect(page.get_by_label("What is on your mind?")).to_have_value("Half a thought about the sea")
