"""A conversation ladder on a phone, as a newcomer would climb one: start it with someone from
the circle, answer a prompt, pass one, stop, come back and carry on at the same prompt, reach
the end and log the moment it offers, filled in."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tending.growth.ladders import ladder
from tending.growth.models import LadderSession
from tending.moments.models import Moment
from tests.browser.test_newcomer import form_part, log_in, tap_choice
from tests.factories import PersonFactory, UserFactory

SETS = ladder()


def prompt(page: Page):
    return page.locator("p.ladder-prompt")


def test_a_ladder_from_the_first_prompt_to_the_moment_afterwards(page: Page, live_server):
    base = live_server.url
    kim = UserFactory(username="kim")
    sam = PersonFactory(owner=kim, name="Sam Rivera")
    log_in(page, base, "kim")

    page.goto(base + "/growth/ladders/")
    expect(page.get_by_role("heading", name="Conversation ladders")).to_be_visible()
    page.get_by_label("Who with?").select_option(label="Sam Rivera")
    tap_choice(page, "Who answers the first prompt?", "Them")
    page.get_by_role("button", name="Start", exact=True).click()

    # The first prompt, big enough for two people to read at one phone.
    expect(prompt(page)).to_have_text(SETS[0].prompts[0])
    expect(page.get_by_text("Prompt 1 of 12")).to_be_visible()
    expect(page.get_by_text("Sam Rivera answers first, then you")).to_be_visible()
    sizes = page.evaluate(
        """() => [getComputedStyle(document.querySelector('p.ladder-prompt')).fontSize,
                  getComputedStyle(document.body).fontSize].map(parseFloat)"""
    )
    assert sizes[0] >= 1.5 * sizes[1], sizes
    expect(page.get_by_role("button", name="We've both answered")).to_be_in_viewport()

    page.get_by_role("button", name="We've both answered").click()
    expect(prompt(page)).to_have_text(SETS[0].prompts[1])
    expect(page.get_by_text("You answer first, then Sam Rivera")).to_be_visible()
    page.get_by_role("button", name="Pass", exact=True).click()
    expect(prompt(page)).to_have_text(SETS[0].prompts[2])
    expect(page.get_by_text("Prompt 3 of 12")).to_be_visible()

    page.get_by_role("button", name="Stop for now").click()
    expect(page.get_by_text("Stopped here; pick it up whenever you both like.")).to_be_visible()
    expect(prompt(page)).to_have_count(0)
    session = LadderSession.objects.get(owner=kim)
    assert (session.person, session.starter) == (sam, 1)
    assert (session.set_index, session.prompt_index, session.answered, session.passed) == (
        0, 2, 1, 1,
    )  # fmt: skip

    # Later: back from the ladders page, at the same prompt.
    page.goto(base + "/growth/ladders/")
    page.get_by_role(
        "link", name="Carry on with Sam Rivera: prompt 3 of 12 in the first set"
    ).click()
    expect(prompt(page)).to_have_text(SETS[0].prompts[2])

    # Most of the way on at once (a ladder is about 45 minutes), then the last prompt.
    last_set, last_prompt = len(SETS) - 1, len(SETS[-1].prompts) - 1
    LadderSession.objects.filter(pk=session.pk).update(
        set_index=last_set, prompt_index=last_prompt, answered=30
    )
    page.reload()
    expect(prompt(page)).to_have_text(SETS[-1].prompts[-1])
    expect(page.get_by_text("Prompt 12 of 12")).to_be_visible()
    page.get_by_role("button", name="We've both answered").click()
    expect(page.get_by_text(re.compile("Thank you"))).to_be_visible()
    session.refresh_from_db()
    assert session.finished_at is not None and session.answered == 31

    # The moment afterwards: Sam and how deep it went already filled in.
    page.get_by_role("link", name="Log a moment with Sam Rivera").click()
    expect(page.get_by_role("heading", name="Log a moment")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Sam Rivera")).to_be_checked()
    expect(form_part(page, "What was shared").locator("summary")).to_contain_text("2 of 2 answered")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Moment saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="A moment with Sam Rivera")).to_be_visible()

    moment = Moment.objects.get(owner=kim)
    assert list(moment.people.all()) == [sam]
    assert (moment.self_disclosure, moment.other_disclosure) == (4, 4)
    assert moment.duration_minutes is not None and 1 <= moment.duration_minutes <= 1440
    assert moment.note.startswith("A conversation ladder")
