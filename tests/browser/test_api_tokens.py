"""API tokens as a newcomer meets them: from Settings, make one, copy it (shown once), use it,
see it listed without its secret, revoke it, and find it no longer works."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from playwright.sync_api import Page, expect

from tending.api.models import AccessToken
from tests.browser.test_newcomer import log_in, tap_choice
from tests.factories import PersonFactory, UserFactory


def call(base_url: str, secret: str, path: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base_url}/api/v1/{path}", headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def test_make_use_and_revoke_a_token(page: Page, live_server):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam")
    log_in(page, live_server.url, "robin")

    page.goto(live_server.url + "/settings/")
    page.get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", name="API tokens", exact=True)).to_be_visible()
    expect(page.get_by_text("You have no tokens.")).to_be_visible()
    page.get_by_label("What is it for?").fill("phone shortcut")
    tap_choice(page, "What may it do?", "Read only")
    page.get_by_label("For how long?").select_option(label="30 days")
    page.get_by_role("button", name="Make the token").click()

    shown = page.get_by_label("Token")
    expect(shown).to_be_visible()
    secret = shown.input_value()
    assert secret.startswith("tnd_")
    expect(page.get_by_role("button", name="Copy the token")).to_be_visible()
    row = page.locator(".list-row").filter(has_text="phone shortcut")
    expect(row).to_contain_text("Read only")
    expect(row).to_contain_text("not used yet")

    status, people = call(live_server.url, secret, "people")
    assert status == 200 and [p["name"] for p in people["items"]] == ["Sam"]

    page.goto(live_server.url + "/settings/api/")  # shown once: a new visit no longer has it
    expect(page.get_by_label("Token")).to_have_count(0)
    assert secret not in page.content()
    row = page.locator(".list-row").filter(has_text="phone shortcut")
    expect(row).to_contain_text("last used")

    row.get_by_text("Revoke…").click()
    row.get_by_role("button", name="Revoke “phone shortcut”").click()
    expect(page.get_by_text("“phone shortcut” is revoked")).to_be_visible()
    assert not AccessToken.objects.filter(owner=robin).exists()
    status, _ = call(live_server.url, secret, "people")
    assert status == 401


def test_the_documentation_page_loads_from_tending_alone(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    elsewhere = []
    page.on(
        "request",
        lambda r: elsewhere.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/settings/api/")
    page.get_by_role("link", name="The API's documentation").click()
    expect(page.get_by_text("/api/v1/people/{person_id}").first).to_be_visible()
    assert elsewhere == []
    assert not [p for p in problems if "Content Security Policy" in p]
