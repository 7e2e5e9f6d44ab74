"""Brave steps in a browser, on a phone, as a newcomer: write a step with its fear, see it
offered, say what happened, and read predictions against outcomes in words, in the chart and
in its table; the chart prints, and axe finds nothing on the way."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.growth.models import BraveStep
from tests.browser.access import axe_violations, overflow_problems
from tests.browser.test_newcomer import log_in, tap_choice
from tests.factories import UserFactory

CHART = "How hard each step felt against how hard you expected it to be"


def test_a_step_from_writing_it_to_seeing_what_happened(page: Page, live_server):
    robin = UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    page.goto(live_server.url + "/growth/brave/")
    expect(page.get_by_role("heading", name="Brave steps", exact=True)).to_be_visible()
    expect(page.get_by_text("No steps yet")).to_be_visible()
    expect(page.get_by_text("100 (the hardest you can imagine)")).to_be_visible()

    page.get_by_role("link", name="Write a step").first.click()
    expect(page.get_by_role("heading", name="Write a step")).to_be_visible()
    page.get_by_label("Your step").fill("Tell Sam I missed them")
    expect(page.get_by_label("Toward whom")).to_have_value("")  # closeness in general
    page.get_by_label("How hard does it feel?").fill("60")
    page.get_by_label("What do you fear will happen?").fill("They will think it's strange")
    page.get_by_label("How strongly do you believe it will happen, in %?").fill("70")
    page.get_by_role("button", name="Save the step").click()

    expect(page.get_by_text("Your step is written.")).to_be_visible()
    offer = page.locator("section.brave-offer")
    expect(offer.get_by_role("heading", name="When you feel ready")).to_be_visible()
    expect(offer.get_by_text("Tell Sam I missed them")).to_be_visible()
    expect(offer.get_by_role("button", name="Too much right now")).to_be_visible()
    assert not overflow_problems(page)
    offer.get_by_role("link", name="I did it").click()

    expect(page.get_by_role("heading", name="What happened")).to_be_visible()
    expect(
        page.get_by_text("You expected 60 and believed “They will think it's strange” 70%.")
    ).to_be_visible()
    page.get_by_label("What actually happened?").fill("Sam said they had missed me too.")
    page.get_by_label("How hard was it, really?").fill("25")
    tap_choice(page, "Did what you feared happen?", "No")
    page.get_by_label("How strongly do you believe the fear now, in %?").fill("15")
    assert not axe_violations(page)
    page.get_by_role("button", name="Save what happened").click()

    expect(
        page.get_by_text(
            "It felt 35 points easier than you expected, and what you feared did not happen."
        )
    ).to_be_visible()
    expect(page.locator("section.brave-offer")).to_have_count(0)
    expect(
        page.get_by_text(
            "Your fear came true 0 of 1 time; steps felt 35 points easier than you expected."
        ).first
    ).to_be_visible()
    chart = page.get_by_role("img", name=CHART)
    expect(chart).to_be_visible()
    expect(chart.locator("circle.expected")).to_have_count(1)
    expect(chart.locator("circle.felt")).to_have_count(1)

    # The text alternative: the same numbers as a table.
    page.locator("details.chart-table summary").click()
    table = page.get_by_role("table")
    expect(table).to_be_visible()
    row = table.get_by_role("row").filter(has_text="Tell Sam I missed them")
    expect(row.get_by_role("cell")).to_have_text(["1", "Tell Sam I missed them", "60", "25", "no"])
    assert not overflow_problems(page)
    assert not axe_violations(page)

    # On paper the chart is still there; the buttons are not.
    page.emulate_media(media="print")
    expect(page.get_by_role("img", name=CHART)).to_be_visible()
    page.emulate_media(media="screen")

    step = BraveStep.objects.get(owner=robin)
    assert (step.hardness, step.felt, step.fear_came_true, step.belief, step.belief_after) == (
        60,
        25,
        False,
        70,
        15,
    )
