"""Settings → Your data as a person uses it: download everything, bring it into a second
account with a preview first, then delete that account."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from tending.circle.models import Person
from tending.core.models import User
from tending.journal.models import Entry
from tests.browser.test_newcomer import log_in
from tests.factories import JournalEntryFactory, PersonFactory, UserFactory


def open_your_data(page: Page) -> None:
    page.get_by_role("contentinfo").get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_visible()
    page.wait_for_load_state()  # its script is in, as it is by the time a person clicks


def test_download_bring_into_a_new_account_then_delete_it(page: Page, live_server, tmp_path):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam Rivera", ring="inner")
    JournalEntryFactory(owner=robin, title="Lantern evening", body="Cooked by lantern light.")
    UserFactory(username="robin2")  # a second account, made as `tending createuser` makes it
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    log_in(page, live_server.url, "robin")
    open_your_data(page)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Everything, as one JSON file").click()
    download = waiting.value
    assert re.fullmatch(r"tending-robin-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = json.loads(saved.read_text())
    assert [p["name"] for p in document["people"]] == ["Sam Rivera"]
    # The page's own script says the download is on its way (it ran under the CSP).
    expect(page.locator(".working-note")).to_contain_text("download has started")

    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, "robin2")
    open_your_data(page)
    page.get_by_label("What is it?").select_option(label="tending's own export (JSON)")
    page.get_by_label("File", exact=True).set_input_files(saved)
    page.get_by_role("button", name="Show me what it holds").click()
    expect(page.get_by_role("heading", name="What this file holds")).to_be_visible()
    page.wait_for_load_state()
    expect(page.get_by_text("people: 1")).to_be_visible()
    expect(page.get_by_text("journal entries: 1")).to_be_visible()
    assert not Person.objects.filter(owner__username="robin2").exists()  # not before confirming
    page.get_by_role("button", name="Add it to tending").click()
    expect(page.get_by_role("heading", name="It is in tending now")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Circle").click()
    expect(page.get_by_role("link", name="Sam Rivera")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Journal").click()
    expect(page.get_by_text("Lantern evening")).to_be_visible()
    assert Entry.objects.filter(owner__username="robin2").count() == 1

    open_your_data(page)
    page.get_by_role("link", name="Delete my account…").click()
    expect(page.get_by_role("heading", name="Delete your account?")).to_be_visible()
    page.get_by_label("Type your user name to confirm").fill("robin")  # not this account
    page.get_by_label("Your password").fill("a-long-test-password")
    page.get_by_role("button", name="Delete my account and everything in it").click()
    expect(page.get_by_text("That is not your user name")).to_be_visible()
    assert User.objects.filter(username="robin2").exists()
    page.get_by_label("Type your user name to confirm").fill("robin2")
    page.get_by_label("Your password").fill("a-long-test-password")
    page.get_by_role("button", name="Delete my account and everything in it").click()
    expect(page.get_by_role("heading", name="Your account is gone")).to_be_visible()
    assert not User.objects.filter(username="robin2").exists()
    assert not Person.objects.filter(name="Sam Rivera").exclude(owner=robin).exists()
    assert Person.objects.filter(owner=robin, name="Sam Rivera").exists()
    page.goto(f"{live_server.url}/today/")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()  # logged out
    assert not [p for p in problems if "404" not in p], problems


def test_a_file_that_is_not_an_export_is_explained_next_to_the_field(
    page: Page, live_server, tmp_path
):
    UserFactory(username="robin")
    wrong = tmp_path / "notes.json"
    wrong.write_text("{this is not json")
    log_in(page, live_server.url, "robin")
    open_your_data(page)
    page.get_by_label("File", exact=True).set_input_files(wrong)
    page.get_by_role("button", name="Show me what it holds").click()
    expect(page.locator("#id_file_error")).to_contain_text("This is not valid JSON")
    expect(page.get_by_label("File", exact=True)).to_have_attribute("aria-invalid", "true")
