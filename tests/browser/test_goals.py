"""Goals on a phone, as a newcomer: set a goal with two first steps, check one off, and see
how far along it is."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.growth.models import Goal
from tests.browser.test_newcomer import log_in, tap_choice
from tests.factories import UserFactory


def set_goal_through_the_pages(
    page: Page, base_url: str, title: str, steps: list[str], area: str = "Connection"
) -> None:
    """Set a goal with these first steps as a person would, from the goals page, and land on
    the goal's own page. Made to be reused (the weekly review's path starts with a goal)."""
    page.goto(base_url + "/growth/goals/")
    expect(page.get_by_role("heading", name="Goals", exact=True)).to_be_visible()
    page.get_by_role("link", name="Set a goal").first.click()
    expect(page.get_by_role("heading", name="Set a goal")).to_be_visible()
    page.get_by_label("What would you like to grow toward?").fill(title)
    tap_choice(page, "Which part of life is it about?", area)
    page.get_by_label("A few first steps (if you like)").fill("\n".join(steps))
    page.get_by_role("button", name="Set this goal").click()
    expect(page.get_by_text("Your goal is set.")).to_be_visible()
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def test_set_a_goal_check_a_step_off_and_see_the_progress(page: Page, live_server):
    robin = UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    steps = ["When I finish work on Friday, I will text Sam", "Ask Alex for a walk"]
    set_goal_through_the_pages(page, live_server.url, "See friends more often", steps)
    expect(page.locator("#progress")).to_have_text("0 of 2 steps done")
    assert Goal.objects.get(owner=robin).steps.count() == 2

    tick = page.get_by_role("button", name=f"Done: {steps[0]}")
    expect(tick).to_have_attribute("aria-pressed", "false")
    box = tick.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    tick.click()
    expect(page.get_by_text("Checked off. Well done.")).to_be_visible()
    expect(page.locator("#progress")).to_have_text("1 of 2 steps done")
    expect(page.get_by_role("button", name=f"Done: {steps[0]}")).to_have_attribute(
        "aria-pressed", "true"
    )

    page.get_by_role("link", name="All goals").click()
    row = page.locator(".goal-row").filter(has_text="See friends more often")
    expect(row).to_contain_text("1 of 2 steps done")
    expect(row).to_contain_text(f"Next: {steps[1]}")


def test_a_step_checked_off_shows_in_the_weeks_review(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    steps = ["Book the pottery class", "Ask Alex for a walk"]
    set_goal_through_the_pages(
        page, live_server.url, "Try something new", steps, area="New experiences"
    )
    page.get_by_role("button", name=f"Done: {steps[0]}").click()
    expect(page.get_by_text("Checked off. Well done.")).to_be_visible()

    # The review opens on the week just gone, or on this week once four of its days are
    # there; this week, so far, is the one after the week just gone.
    page.goto(live_server.url + "/insights/week/")
    lead = page.locator(".page-header .lead")
    if "(so far)" not in lead.inner_text():
        page.get_by_role("link", name="The week after →").click()
    expect(lead).to_contain_text("(so far)")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Steps towards your goals")
    )
    expect(section).to_contain_text(steps[0])
    expect(section).to_contain_text("Try something new")
    expect(section).not_to_contain_text(steps[1])
