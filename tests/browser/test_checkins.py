"""A newcomer does the daily pulse and the weekly check on a phone, and reads the results."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tending.checkins.models import CheckIn, CheckInDraft
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
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
    # A week ago: 2 of 5 on every question, raw 10, times 4 = 40.
    wellbeing = get_instrument("weekly-wellbeing")
    earlier = save_checkin(user, wellbeing, {item.id: 2 for item in wellbeing.items})
    CheckIn.objects.filter(pk=earlier.pk).update(taken_at=timezone.now() - timedelta(days=7))
    log_in(page, live_server.url, "rowan")
    nav(page, "Check-ins")
    expect(page.get_by_role("heading", name="Check-ins", exact=True)).to_be_visible()
    cards = page.locator(".checkin-card")
    expect(cards).to_have_count(6)
    expect(cards.filter(has_text="Weekly well-being")).to_contain_text("Every week")

    page.get_by_role("link", name="Start Daily pulse").click()
    answer_one_at_a_time(page, ["Quite a bit", "Somewhat", "A little", "Very much"])
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Daily pulse: your result")).to_be_visible()
    # Mood 4, energy 3, stress 2 turned around to 4, connected 5: the mean is 4.
    expect(page.locator(".score-value")).to_have_text("4")
    expect(page.locator("#meaning")).to_contain_text("no set ranges")
    expect(page.get_by_text("This is your first one")).to_be_visible()

    nav(page, "Check-ins")
    page.get_by_role("link", name="Start Weekly well-being").click()
    labels = page.locator("fieldset.question").first.locator("label.chip")
    expect(labels).to_have_count(6)  # the page parsed, before its labels are counted
    scale = [labels.nth(i).inner_text() for i in range(labels.count())]
    # Answers 3, 4, 2, 5, 1 on the 0-5 scale: raw 15, times 4 = 60.
    answer_one_at_a_time(page, [scale[3], scale[4], scale[2], scale[5], scale[1]])
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Weekly well-being: your result")).to_be_visible()
    expect(page.locator(".score-value")).to_have_text("60")
    # What it means first, then how it moved, then the chart; the method one tap away.
    expect(page.locator("#meaning")).to_contain_text("Good.")
    expect(page.locator("#meaning")).to_contain_text("not a diagnosis")
    expect(page.locator("#change")).to_contain_text("+20, better")
    expect(page.locator(".history-chart")).to_be_visible()
    method = page.locator("#method")
    expect(method.get_by_text("WHO-5")).to_be_hidden()
    method.locator("summary").click()
    expect(method.get_by_text("WHO-5")).to_be_visible()
    # Delete waits under "More", and asks first.
    delete = page.get_by_role("link", name="Delete this check-in")
    expect(delete).to_be_hidden()
    page.locator(".result-more summary").click()
    delete.click()
    expect(page.get_by_role("heading", name="Delete this check-in?")).to_be_visible()
    page.get_by_role("link", name="Keep it").click()

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="Weekly well-being: history")).to_be_visible()
    results = page.get_by_role("region", name="Weekly well-being results")
    expect(results.locator("tbody tr")).to_have_count(2)
    expect(page.get_by_role("columnheader", name="Meaning")).to_be_visible()
    score = results.locator("tbody td.num").first
    # Numbers sit at the end of their cell: the right, on this left-to-right page.
    assert score.evaluate("cell => getComputedStyle(cell).textAlign") == "end"
    assert score.evaluate("cell => getComputedStyle(cell).direction") == "ltr"
    # The chart: months under the axis, readable on a phone, and the bands named.
    dates = page.locator(".time-chart text.date")
    assert dates.count() >= 3
    assert dates.first.bounding_box()["height"] >= 12
    expect(page.locator(".time-chart text.band-name")).to_have_text(
        ["Very low", "Lower than usual", "Good"]
    )

    nav(page, "Check-ins")
    trend = cards.filter(has_text="Weekly well-being").get_by_role("img")
    expect(trend).to_have_accessible_name(
        "Your last 2 scores, oldest first: 40, 60; higher is better"
    )
    page.get_by_role("link", name="History of Daily pulse").click()
    expect(
        page.get_by_role("region", name="Daily pulse results").locator("tbody tr")
    ).to_have_count(1)
    expect(page.locator(".time-chart circle.point")).to_have_count(1)  # one result, one dot
    totals = CheckIn.objects.filter(owner=user).values_list("total", flat=True)
    assert sorted(totals) == [4, 40, 60]


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
