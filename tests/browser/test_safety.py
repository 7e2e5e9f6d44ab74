"""The safety plan as a newcomer fills it, and "Need help now" from another page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tending.safety.models import Part, PlanEntry, PlanHelper
from tests.browser.test_newcomer import log_in, nav
from tests.factories import PersonFactory, UserFactory


def part(page: Page, title: str):
    return page.get_by_role("region", name=re.compile(rf"{re.escape(title)}$"))


def open_part(page: Page, title: str):
    """A part of the plan, opened with a tap on its title if it was closed."""
    region = part(page, title)
    section = region.locator("details.form-section")
    if section.get_attribute("open") is None:
        region.locator("summary").first.click()
    expect(section).to_have_attribute("open", "")
    return region


def test_fill_the_plan_then_find_it_under_need_help_now(page: Page, live_server):
    robin = UserFactory(username="robin")
    sam = PersonFactory(owner=robin, name="Sam Rivera", is_safe=True, phone="+49 170 1234567")
    PersonFactory(owner=robin, name="Alex Chen")  # in the circle, not marked safe
    log_in(page, live_server.url, "robin")

    nav(page, "Safety plan")  # on a phone, under "More"
    expect(page.get_by_role("heading", name="Your safety plan", level=1)).to_be_visible()
    expect(page.get_by_text("A line or two in any part is enough to begin.")).to_be_visible()
    # The parts come closed but the first, the next step; each says how much it holds.
    expect(page.locator("details.form-section[open]")).to_have_count(1)
    expect(part(page, "My warning signs").get_by_label("Add a warning sign")).to_be_visible()
    expect(part(page, "Things I can do on my own").locator("summary").first).to_contain_text(
        "Nothing yet"
    )
    expect(part(page, "Things I can do on my own").get_by_role("textbox")).to_be_hidden()

    # A warning sign.
    signs = part(page, "My warning signs")
    signs.get_by_label("Add a warning sign").fill("I stop answering messages")
    signs.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Added to “My warning signs”.")).to_be_visible()
    expect(part(page, "My warning signs").get_by_role("listitem")).to_contain_text(
        "I stop answering messages"
    )
    signs = part(page, "My warning signs")
    signs.get_by_label("Add a warning sign").fill("Lying awake after 3 am")
    signs.get_by_role("button", name="Add").click()
    # Reordering needs no script: open the line, tap Up; it stays open to move again.
    signs = part(page, "My warning signs")
    signs.get_by_text("Change “Lying awake after 3 am”").click()
    signs.get_by_role("button", name="Move “Lying awake after 3 am” up").click()
    signs = part(page, "My warning signs")
    expect(signs.locator("li .plan-text")).to_have_text(
        ["Lying awake after 3 am", "I stop answering messages"]
    )
    expect(signs.get_by_role("button", name="Move “Lying awake after 3 am” down")).to_be_visible()

    expect(part(page, "My warning signs").locator("summary").first).to_contain_text("2 lines")

    # An empty coping step is explained at the field, then a real one is added.
    coping = open_part(page, "Things I can do on my own")
    coping.get_by_role("button", name="Add").click()
    coping = part(page, "Things I can do on my own")
    field = coping.get_by_label("Add something you can do")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    expect(coping.locator(".error")).to_have_text("Please write a few words first.")
    expect(coping.locator("summary").first).to_contain_text("Needs another look")
    field.fill("A hot shower, then music")
    coping.get_by_role("button", name="Add").click()
    expect(part(page, "Things I can do on my own").get_by_role("listitem")).to_have_count(1)

    # Removing a line asks first, in place: "Remove…" opens the question and its button.
    reasons = open_part(page, "What I live for")
    reasons.get_by_label("Add something you live for").fill("Gone soon")
    reasons.get_by_role("button", name="Add").click()
    reasons = part(page, "What I live for")
    reasons.get_by_text("Change “Gone soon”").click()
    remove = reasons.get_by_role("button", name="Remove “Gone soon”")
    expect(remove).to_be_hidden()
    reasons.locator("summary", has_text="Remove…").click()
    expect(reasons.get_by_text("Take “Gone soon” out of your plan?")).to_be_visible()
    remove.click()
    expect(page.get_by_text("Removed “Gone soon”.")).to_be_visible()

    # Only the safe person is offered as someone to ask for help.
    helpers = open_part(page, "People I can ask for help")
    choice = helpers.get_by_label("Add someone")
    expect(choice.locator("option")).to_have_text(["Choose someone", "Sam Rivera"])
    choice.select_option(label="Sam Rivera")
    helpers.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Sam Rivera is in your plan.")).to_be_visible()

    assert sorted(PlanEntry.objects.filter(owner=robin).values_list("part", "text")) == [
        ("coping", "A hot shower, then music"),
        ("warning-signs", "I stop answering messages"),
        ("warning-signs", "Lying awake after 3 am"),
    ]
    assert [h.person_id for h in PlanHelper.objects.filter(owner=robin)] == [sam.pk]

    # From another page, "Need help now": the crisis lines first, then the plan.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Circle").click()
    expect(page.get_by_role("heading", name="Your circle")).to_be_visible()
    page.get_by_role("banner").get_by_role("link", name="Need help now").click()
    expect(page).to_have_url(re.compile(r"/help/$"))
    expect(page.get_by_role("heading", name="You don't have to face this alone")).to_be_visible()
    emergency = page.get_by_role("link", name="Call 112")
    expect(emergency).to_be_visible()
    plan_heading = page.get_by_role("heading", name="Your safety plan")
    expect(plan_heading).to_be_visible()
    assert emergency.bounding_box()["y"] < plan_heading.bounding_box()["y"]
    expect(page.get_by_text("I stop answering messages")).to_be_visible()
    expect(page.get_by_text("A hot shower, then music")).to_be_visible()
    call_sam = page.get_by_role("link", name="Call Sam Rivera")
    expect(call_sam).to_have_attribute("href", "tel:+491701234567")
    expect(page.get_by_role("link", name="Text Sam Rivera")).to_have_attribute(
        "href", "sms:+491701234567"
    )
    expect(page.get_by_text("Alex Chen")).to_have_count(0)

    # The printable page: every part, and on paper it is one page.
    page.get_by_role("link", name="Print it").click()
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()
    for title in ("My warning signs", "People I can ask for help", "What I live for"):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_text("Sam Rivera · +49 170 1234567")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()  # shown once the script ran
    page.emulate_media(media="print")
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1

    # A full plan, five lines of a full sentence in every part, still prints on one page.
    sentence = "When I stop answering messages and stay in bed past noon, that is a sign for me"
    for each_part in Part:
        for position in range(5):
            PlanEntry.objects.create(
                owner=robin, part=each_part.value, text=sentence, position=10 + position
            )
    page.reload()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
