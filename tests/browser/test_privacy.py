"""Nothing private in logs or addresses: planted words go through every kind of form.

A marker word goes into a person's name and notes, a moment's note and tags, a journal
entry, a journal search, a safety plan line and a wrong password. Afterwards it must not be
in any address the browser asked for, in any redirect, or in anything the server logged,
with every logger at DEBUG.
"""

from __future__ import annotations

import logging

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_newcomer import log_in, open_form_part
from tests.browser.test_safety import part
from tests.factories import UserFactory

MARKER = "Quillfeather"


@pytest.fixture
def everything_logged(caplog):
    caplog.set_level(logging.DEBUG)  # the root logger, so every logger's records reach it
    return caplog


def test_private_words_stay_out_of_addresses_and_logs(page: Page, live_server, everything_logged):
    UserFactory(username="robin")
    addresses: list[str] = []
    redirects: list[str] = []
    page.on("request", lambda request: addresses.append(request.url))
    page.on("response", lambda r: redirects.append(r.headers.get("location", "")))

    # A wrong password first: the typed password must not be logged either.
    page.goto(live_server.url + "/login/")
    page.get_by_label("Username").fill("robin")
    page.get_by_label("Password").fill(f"{MARKER}-not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("did not match")).to_be_visible()
    log_in(page, live_server.url, "robin")

    page.goto(live_server.url + "/circle/add/")
    page.get_by_label("Name", exact=True).fill(f"Ada {MARKER}")
    page.get_by_text("More: rhythm, birthday").click()
    page.get_by_label("Notes").fill(f"Knows about the {MARKER} winter.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name=f"Ada {MARKER}")).to_be_visible()

    page.goto(live_server.url + "/moments/add/")
    page.get_by_role("checkbox", name=f"Ada {MARKER}").click()
    page.get_by_label("A note, if you like").fill(f"We talked about {MARKER} for hours.")
    open_form_part(page, "Tags")
    page.get_by_label("Tags").fill(f"{MARKER.lower()}-tag")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()
    # The tag leads to the filtered list by its number, not its name.
    page.get_by_role("link", name=f"{MARKER.lower()}-tag").click()
    expect(page.get_by_text(f"We talked about {MARKER}")).to_be_visible()

    page.goto(live_server.url + "/journal/write/")
    page.get_by_label("Title, if you like").fill(f"{MARKER} evening")
    page.get_by_label("What is on your mind?").fill(f"I told @Ada about {MARKER}.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved to your journal.")).to_be_visible()

    page.goto(live_server.url + "/journal/search/")
    page.get_by_label("Words to find").fill(MARKER)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 entry found.")).to_be_visible()
    page.reload()  # a kept search survives a reload without the words in the address
    expect(page.get_by_text("1 entry found.")).to_be_visible()

    page.goto(live_server.url + "/help/plan/")
    signs = part(page, "My warning signs")
    signs.get_by_label("Add a warning sign").fill(f"The {MARKER} thoughts come back")
    signs.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Added to “My warning signs”.")).to_be_visible()

    assert len(addresses) > 20 and everything_logged.records, "the flows did not run"
    in_addresses = [a for a in addresses + redirects if MARKER.lower() in a.lower()]
    assert not in_addresses, f"private words in addresses: {in_addresses}"
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {getattr(r, 'request', '')}"
        for r in everything_logged.records
    )
    assert MARKER.lower() not in logged.lower(), "private words in the log"
