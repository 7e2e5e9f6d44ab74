"""The Mirror's main path in two browsers: the person opens a round and invites people; they
answer through the link (and one through the answer sheet, opened from disk offline); the
window shows only from the third answer; a withdrawn and an expired link look the same."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from playwright.sync_api import Page, expect

from tending.mirror.models import Answer, Invitation, Round
from tests.browser.conftest import LOCAL_HOSTS, PHONE
from tests.browser.test_newcomer import log_in, nav
from tests.factories import UserFactory

MINE = ["calm", "kind", "shy", "warm", "wise"]


def pick(page: Page, words: list[str]) -> None:
    group = page.get_by_role("group", name=re.compile("words describe"))
    for word in words:
        group.get_by_label(word, exact=True).check()


def respondent(browser, live_server):
    """Someone else's phone: no login, and nothing but the live server reachable."""
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    host = urlsplit(live_server.url).hostname
    elsewhere: list[str] = []

    def only_here(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS | {host}:
            return route.continue_()
        elsewhere.append(route.request.url)
        return route.abort()

    context.route("**/*", only_here)
    return context, elsewhere


def answer_by_link(browser, live_server, link: str, words: list[str], valued: str = "") -> None:
    context, elsewhere = respondent(browser, live_server)
    page = context.new_page()
    try:
        page.goto(link)
        expect(page.get_by_role("heading", name="A few words for Robin")).to_be_visible()
        expect(page.get_by_text("I'd love your honest words.")).to_be_visible()
        expect(page.get_by_text("without your name")).to_be_visible()
        expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
        pick(page, words[:4])
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text("Please pick at least 5 words.")).to_be_visible()
        pick(page, words[4:])
        if valued:
            page.get_by_label("What do you value in Robin?").fill(valued)
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    finally:
        context.close()
    assert not elsewhere


def gone_page_text(browser, live_server, link: str) -> str:
    context, _ = respondent(browser, live_server)
    page = context.new_page()
    try:
        response = page.goto(link)
        assert response.status == 404
        return page.locator("main").inner_text()
    finally:
        context.close()


def test_a_round_from_opening_to_the_window(page: Page, live_server, browser, tmp_path):
    robin = UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    nav(page, "Mirror")
    expect(page.get_by_text("No rounds yet")).to_be_visible()
    page.get_by_role("link", name="Ask for feedback").first.click()

    page.get_by_label("Your name, as the people you ask know you").fill("Robin")
    page.get_by_label("A short message to them").fill("I'd love your honest words.")
    pick(page, MINE)
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_text("Your round is open.")).to_be_visible()
    feedback = Round.objects.get(owner=robin)
    assert feedback.anonymous and feedback.own_words == MINE

    # A link for two people, shown once.
    page.get_by_label("Who is this link for?").fill("Sam and Kim")
    page.get_by_label("How many people may answer through it").fill("2")
    page.get_by_role("button", name="Make a private link").click()
    expect(page.get_by_text("This is the only time tending shows this link")).to_be_visible()
    link = page.get_by_label("The private link").input_value()
    assert link.startswith(live_server.url + "/mirror/answer/")

    answer_by_link(browser, live_server, link, ["kind", "bold", "able", "wise", "witty"],
                   valued="You remember everything.")  # fmt: skip
    answer_by_link(browser, live_server, link, ["kind", "calm", "able", "loving", "witty"])

    # Two answers in an anonymous round: no window yet, and no answer's words.
    page.get_by_role("link", name="Back to the round").click()
    expect(page.get_by_text("2 answers so far")).to_be_visible()
    expect(page.get_by_text("You remember everything.")).to_have_count(0)
    expect(page.locator(".mirror-panes")).to_have_count(0)

    # The third answer comes back as a code from an answer sheet, opened from disk offline.
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("Who is this link for?").fill("Alex")
    page.get_by_role("button", name="Make a private link").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the answer sheet").click()
    sheet = tmp_path / "answer-sheet.html"
    download.value.save_as(sheet)
    offline = browser.new_context(viewport=PHONE, offline=True)
    try:
        friend = offline.new_page()
        friend.goto(sheet.as_uri())
        expect(friend.get_by_role("heading", name="A few words for Robin")).to_be_visible()
        for word in ["kind", "calm", "happy", "loving", "witty"]:
            friend.get_by_label(word, exact=True).check()
        friend.get_by_label("What do you value in Robin?").fill("Your patience with me.")
        friend.get_by_role("button", name="Make my answer code").click()
        code = friend.locator("#code").input_value()
    finally:
        offline.close()
    assert code.startswith("TM1-")
    page.get_by_role("link", name="Back to the round").click()
    page.get_by_role("link", name="Add an answer code").click()
    page.get_by_label("Paste an answer code").fill(code)
    page.get_by_role("button", name="Add the answer").click()
    expect(page.get_by_text("Thank you: the answer is added.")).to_be_visible()

    # Three answers: the window, with how many picked each word, and the open answers.
    expect(page.get_by_text("From 3 answers.")).to_be_visible()
    open_pane = page.locator(
        ".mirror-pane", has=page.get_by_role("heading", name=re.compile("^Open"))
    )
    expect(open_pane).to_contain_text("kind 3 of 3")
    expect(open_pane).to_contain_text("calm 2 of 3")
    blind = page.locator(".mirror-pane", has=page.get_by_role("heading", name=re.compile("^Blind")))
    expect(blind).to_contain_text("witty 3 of 3")
    expect(page.get_by_text("You remember everything.")).to_be_visible()
    expect(page.get_by_text("Your patience with me.")).to_be_visible()
    assert Answer.objects.filter(round=feedback).count() == 3

    # A withdrawn link and an expired one both say only that the link does not work.
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("Who is this link for?").fill("Lee")
    page.get_by_role("button", name="Make a private link").click()
    withdrawn_link = page.get_by_label("The private link").input_value()
    page.get_by_role("link", name="Back to the round").click()
    lee = page.locator(".mirror-links li", has_text="Lee")
    lee.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text("The link for Lee no longer works.")).to_be_visible()
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("Who is this link for?").fill("Jo")
    page.get_by_role("button", name="Make a private link").click()
    expired_link = page.get_by_label("The private link").input_value()
    Invitation.objects.filter(label="Jo").update(expires_at=timezone.now() - timedelta(minutes=1))
    withdrawn = gone_page_text(browser, live_server, withdrawn_link)
    expired = gone_page_text(browser, live_server, expired_link)
    assert withdrawn == expired and "This link does not work" in withdrawn
    assert "Robin" not in withdrawn


def test_handing_the_device_over_and_back(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    page.goto(live_server.url + "/mirror/new/")
    page.get_by_label("Your name, as the people you ask know you").fill("Robin")
    pick(page, MINE)
    page.get_by_label("Named: each answer with the name you give its link").check()
    page.get_by_role("button", name="Open the round").click()
    page.get_by_label("Who is this link for?").fill("Grandma")
    page.get_by_role("button", name="Make a private link").click()
    page.get_by_role("button", name="Hand them this device").click()

    expect(page.get_by_role("heading", name="A few words for Robin")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    page.goto(live_server.url + "/journal/")  # wandering off leads back to the questions
    expect(page.get_by_role("heading", name="A few words for Robin")).to_be_visible()
    pick(page, ["kind", "calm", "happy", "loving", "witty"])
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    page.get_by_role("link", name="Hand back", exact=True).click()
    page.get_by_label("Password").fill("not it")
    page.get_by_role("button", name="Back to tending").click()
    expect(page.get_by_text("That is not the password.")).to_be_visible()
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Back to tending").click()
    expect(page.get_by_text("Welcome back.")).to_be_visible()
    expect(page.get_by_text("From 1 answer.")).to_be_visible()
    expect(page.locator(".mirror-answers")).to_contain_text("Grandma")
