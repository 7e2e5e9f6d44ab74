"""The charts over the years on a phone: a check-in taken twice and its history over three
ranges, the daily pulse as a year in pixels, the circle's charts; nothing wider than 390 px."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tests.browser.test_checkins import answer_one_at_a_time
from tests.browser.test_newcomer import log_in, nav
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory, UserFactory


def fits_the_phone(page: Page) -> None:
    """Nothing on the page is wider than the screen: no sideways scrolling."""
    wide = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, f"{page.url} is {wide}px wider than the phone"


def take_connection(page: Page, answers: list[str]) -> None:
    nav(page, "Check-ins")
    page.get_by_role("link", name="Start Connection").click()
    answer_one_at_a_time(page, answers)
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Connection: your result")).to_be_visible()


def test_charts_over_the_years_on_a_phone(page: Page, live_server):
    user = UserFactory(username="robin")
    now = timezone.now()
    pulse = get_instrument("daily-pulse")
    # Last year in June, whatever today is; this year's low day is today (on 1 January,
    # yesterday was last year), the others a few days back, in either year.
    last_june = datetime(timezone.localdate(now, user.zone).year - 1, 6, 15, 12, tzinfo=user.zone)
    for taken_at, value in (
        (last_june, 2), (now - timedelta(days=3), 4), (now - timedelta(days=2), 5), (now, 1),
    ):  # fmt: skip
        done = save_checkin(user, pulse, {item.id: value for item in pulse.items})
        CheckIn.objects.filter(pk=done.pk).update(taken_at=taken_at)
    sam = PersonFactory(owner=user, name="Sam", ring="inner", rhythm_days=7)
    for days_ago in (40, 10):
        MomentFactory(
            owner=user,
            people=[sam],
            occurred_at=now - timedelta(days=days_ago),
            duration_minutes=30,
            self_disclosure=3,
            other_disclosure=2,
            felt_understood=4,
        )
    ClosenessRatingFactory(person=sam, value=5, rated_on=(now - timedelta(days=20)).date())
    ClosenessRatingFactory(person=sam, value=6, rated_on=(now - timedelta(days=5)).date())
    log_in(page, live_server.url, "robin")

    # A check-in taken twice, then its history over three ranges.
    take_connection(page, ["Often", "Often", "Often"])
    take_connection(page, ["Sometimes", "Hardly ever", "Sometimes"])
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="Connection: history")).to_be_visible()
    chart = page.locator("svg.time-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle.point")).to_have_count(2)
    assert chart.locator("text.date").count() >= 3  # the months along the axis
    switch = page.get_by_role("navigation", name="How far back")
    expect(switch.get_by_role("link", name="3 months")).to_have_attribute("aria-current", "page")
    fits_the_phone(page)
    switch.get_by_role("link", name="1 year").click()
    expect(switch.get_by_role("link", name="1 year")).to_have_attribute("aria-current", "page")
    switch.get_by_role("link", name="All").click()
    expect(page.get_by_role("heading", name="Over all your results")).to_be_visible()
    table = page.locator("details.chart-table")
    expect(table.locator("table")).to_be_hidden()
    table.locator("summary").click()
    today = timezone.localdate(now, timezone=user.zone).strftime("%b")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tbody tr").first).to_contain_text(today)
    fits_the_phone(page)

    # The daily pulse: a year in pixels for each question, and last year one tap away.
    nav(page, "Insights")
    page.get_by_role("link", name="Your year in pixels").click()
    expect(page.get_by_role("heading", name="Your year in pixels")).to_be_visible()
    expect(page.locator("svg.pixels")).to_have_count(4)
    expect(page.locator("svg.pixels path.level-1").first).to_be_attached()
    expect(page.get_by_role("heading", name="Mood")).to_be_visible()
    fits_the_phone(page)
    years = page.get_by_role("navigation", name="Year")
    expect(years.get_by_role("link")).to_have_count(2)
    years.get_by_role("link").nth(1).click()
    expect(page.locator("svg.pixels path.level-2").first).to_be_attached()
    fits_the_phone(page)

    # The circle's charts, and one person's closeness.
    nav(page, "Insights")
    page.get_by_role("link", name="Your circle over time").click()
    expect(page.get_by_role("heading", name="How you felt in moments")).to_be_visible()
    expect(page.get_by_text("You shared more than they did in 2 of 2 moments")).to_be_visible()
    expect(
        page.get_by_role("img", name="Minutes together per ring, this year and last")
    ).to_be_visible()
    fits_the_phone(page)
    page.locator("#closeness-heading + ul").get_by_role("link", name="Sam").click()
    expect(page.get_by_role("heading", name="Closeness with Sam")).to_be_visible()
    expect(page.locator("svg.time-chart circle.point")).to_have_count(2)
    fits_the_phone(page)
