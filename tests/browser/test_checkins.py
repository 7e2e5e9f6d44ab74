"""A newcomer does the daily pulse and the weekly check on a phone, and reads the results."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.checkins.models import CheckIn, CheckInDraft
from tests.browser.test_newcomer import log_in, nav
from tests.factories import UserFactory


def answer_one_at_a_time(page: Page, answers: list[str]) -> None:
    """On a phone one question shows at a time; tapping an answer moves to the next."""
    questions = page.locator("fieldset.question")
    for number, answer in enumerate(answers):
        current = questions.nth(number)
        expect(current).to_be_visible()
        if number + 1 < len(answers):
            expect(questions.nth(number + 1)).to_be_hidden()
        option = current.get_by_role("radio", name=answer, exact=True)
        option.click()
        expect(option).to_be_checked()
    expect(page.get_by_role("button", name="See my result")).to_be_visible()


def test_daily_pulse_and_weekly_check_on_a_phone(page: Page, live_server):
    user = UserFactory(username="rowan")
    log_in(page, live_server.url, "rowan")
    nav(page, "Check-ins")
    expect(page.get_by_role("heading", name="Check-ins", exact=True)).to_be_visible()

    page.get_by_role("link", name="Start Daily pulse").click()
    answer_one_at_a_time(page, ["Quite a bit", "Somewhat", "A little", "Very much"])
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Daily pulse: your result")).to_be_visible()
    # Mood 4, energy 3, stress 2 turned around to 4, connected 5: the mean is 4.
    expect(page.locator(".score-value")).to_have_text("4")
    expect(page.get_by_text("This is your first one")).to_be_visible()

    nav(page, "Check-ins")
    page.get_by_role("link", name="Start Weekly well-being").click()
    labels = page.locator("fieldset.question").first.locator("label.chip")
    scale = [labels.nth(i).inner_text() for i in range(labels.count())]
    # Answers 3, 4, 2, 5, 1 on the 0-5 scale: raw 15, times 4 = 60.
    answer_one_at_a_time(page, [scale[3], scale[4], scale[2], scale[5], scale[1]])
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Weekly well-being: your result")).to_be_visible()
    expect(page.locator(".score-value")).to_have_text("60")
    expect(page.get_by_text("not a diagnosis").first).to_be_visible()

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="Weekly well-being: history")).to_be_visible()
    expect(page.locator("table tbody tr")).to_have_count(1)
    expect(page.locator(".history-chart")).to_have_count(0)  # a chart needs two results
    assert sorted(CheckIn.objects.filter(owner=user).values_list("total", flat=True)) == [4, 60]


def test_leaving_half_way_keeps_the_answers(page: Page, live_server):
    user = UserFactory(username="sasha")
    log_in(page, live_server.url, "sasha")
    nav(page, "Check-ins")
    page.get_by_role("link", name="Start Connection").click()
    answer = page.locator("fieldset.question").first.get_by_role("radio", name="Sometimes")
    # The tap is saved straight away, so closing the tab here would lose nothing.
    with page.expect_response(lambda r: "/autosave/" in r.url and r.status == 204):
        answer.click()
    draft = CheckInDraft.objects.get(owner=user, instrument_id="connection")
    assert draft.answers["companionship"] == 2
    page.goto(live_server.url + "/checkins/")
    page.get_by_role("link", name="Continue Connection").click()
    # Resumes at the first unanswered question, with the earlier answer kept.
    expect(page.locator("fieldset.question").nth(1)).to_be_visible()
    expect(page.locator("input[name=q-companionship][value='2']")).to_be_checked()


def test_keyboard_only(page: Page, live_server):
    UserFactory(username="kit")
    log_in(page, live_server.url, "kit")
    page.goto(live_server.url + "/checkins/connection/")
    questions = page.locator("fieldset.question")
    first = questions.first.get_by_role("radio").first
    first.focus()
    page.keyboard.press("Space")  # choose the focused answer
    expect(first).to_be_checked()
    page.keyboard.press("ArrowDown")  # arrows move between answers, staying on the question
    expect(questions.first.get_by_role("radio").nth(1)).to_be_checked()
    expect(questions.nth(1)).to_be_hidden()
    page.keyboard.press("Enter")  # Enter moves on instead of sending a half-done form
    expect(questions.nth(1)).to_be_visible()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the third question: "Often"
    page.get_by_role("button", name="See my result").focus()
    page.keyboard.press("Enter")
    # 2 + 1 + 3 = 6: often lonely.
    expect(page.locator(".score-value")).to_have_text("6")
