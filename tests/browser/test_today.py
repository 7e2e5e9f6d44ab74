"""A newcomer's morning on a phone: the pulse, the person Today suggests, a prompt, search."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tending.circle.models import Person
from tending.moments.models import Moment
from tests.browser.test_checkins import answer_one_at_a_time
from tests.browser.test_newcomer import log_in
from tests.factories import MomentFactory, PersonFactory, UserFactory


def test_a_morning_pulse_then_reaching_out(page: Page, live_server):
    robin = UserFactory(username="robin")
    sam = PersonFactory(
        owner=robin, name="Sam Rivera", ring="inner", rhythm_days=7, phone="+49 170 1234567"
    )
    Person.objects.filter(pk=sam.pk).update(created_at=timezone.now() - timedelta(days=90))
    MomentFactory(owner=robin, people=[sam], occurred_at=timezone.now() - timedelta(days=12))

    log_in(page, live_server.url, "robin")
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    # One next step at the top, in view without scrolling on a phone: first, the pulse.
    next_step = page.locator(".next-step")
    expect(next_step).to_contain_text("Your next step")
    pulse = next_step.get_by_role("link", name="Do the daily pulse")
    box = pulse.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"] - 60  # above the bottom bar
    assert box["y"] < page.locator("#reach-title").bounding_box()["y"]
    pulse.click()
    answer_one_at_a_time(page, ["Somewhat", "Somewhat", "Somewhat", "Somewhat"])
    page.get_by_role("button", name="See my result").click()
    expect(page.locator(".score-value")).to_have_text("3")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    expect(page.get_by_role("link", name="Do the daily pulse")).to_have_count(0)
    # Then the person to reach out to leads, with one primary button: Done.
    expect(next_step.locator("#reach-reason")).to_have_text(
        "It has been 12 days; you usually talk every week."
    )
    expect(page.get_by_role("link", name="Call")).to_have_attribute("href", "tel:+491701234567")
    expect(page.locator("#prompt-text")).not_to_be_empty()
    done = next_step.get_by_role("link", name="Done: log it")
    expect(done).to_have_class("button")
    box = done.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"] - 60
    done.click()
    expect(page.get_by_role("checkbox", name="Sam Rivera")).to_be_checked()
    page.get_by_role("button", name="Save moment").click()
    expect(page.get_by_text("Logged a moment with Sam Rivera")).to_be_visible()
    assert Moment.objects.filter(owner=robin).count() == 2

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    expect(page.get_by_text("Everyone is in rhythm")).to_be_visible()
    # With nobody waiting, the prompt leads.
    expect(next_step.get_by_role("link", name="Write about it")).to_be_visible()

    # Write from today's prompt, then find the entry again by searching.
    prompt_text = page.locator("#prompt-text").inner_text()
    page.get_by_role("link", name="Write about it").click()
    expect(page.locator("#prompt-text")).to_have_text(prompt_text)
    page.get_by_label("What is on your mind?").fill("Morning tea with the window open, thinking.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved to your journal.")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Journal").click()
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Words to find").fill("window tea")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.locator("mark").first).to_be_visible()
    expect(page.get_by_text("Morning")).to_be_visible()
