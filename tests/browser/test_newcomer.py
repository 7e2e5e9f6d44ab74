"""The newcomer's path through tending, driven in a real browser the way a person would."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tending.circle.models import ClosenessRating, Person
from tests.browser.conftest import ARTIFACTS, PHONE
from tests.factories import UserFactory

PASSWORD = "quiet-harbour-lantern-42"
DESKTOP = {"width": 1200, "height": 1100}
# The full moment form at 390 × 844 with its parts closed (three people in the circle).
MOMENT_FORM_MAX = 1000


# --- small helpers that act like a person on the page -------------------------------------


def group(page: Page, legend: str):
    """A fieldset of chips, found by its legend."""
    return page.get_by_role("group", name=legend, exact=True)


def tap_choice(page: Page, legend: str, choice: str | re.Pattern) -> None:
    """Tap a chip (radio or checkbox) in the group with this legend, then check it took."""
    exact = isinstance(choice, str)
    option = group(page, legend).get_by_role("radio", name=choice, exact=exact or None)
    option.click()
    expect(option).to_be_checked()


def add_person(page: Page, name: str, ring: str, *, closeness: int | None, button: str) -> None:
    expect(page.get_by_role("heading", name="Add someone to your circle")).to_be_visible()
    page.get_by_label("Name", exact=True).fill(name)
    tap_choice(page, "Ring", ring)
    if closeness is not None:
        # The picture of two circles is the whole tappable label of the choice.
        picture = page.locator("label.closeness-option").filter(has_text=f"{closeness} of 7")
        picture.click()
        expect(picture.get_by_role("radio")).to_be_checked()
    page.get_by_role("button", name=button, exact=True).click()


def form_part(page: Page, title: str):
    """A part of a long form (core/sections.html), found by its title."""
    return page.locator("details.form-section").filter(has=page.locator("summary", has_text=title))


def open_form_part(page: Page, title: str) -> None:
    """Tap a closed part of a long form open."""
    part = form_part(page, title)
    part.locator("summary").click()
    expect(part).to_have_attribute("open", "")


def form_height(page: Page, button: str) -> float:
    form = page.locator("form").filter(has=page.get_by_role("button", name=button, exact=True))
    return form.evaluate("f => f.getBoundingClientRect().height")


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    page.wait_for_load_state("load")  # its stylesheet too, before anything is measured


def nav(page: Page, name: str) -> None:
    """Follow a link of the main navigation; on a phone, the less used ones are under More."""
    main = page.get_by_role("navigation", name="Main")
    link = main.get_by_role("link", name=name, exact=True)
    if link.count() == 0:
        main.locator("summary", has_text="More").click()
    link.click()
    page.wait_for_load_state("load")  # the new page whole, stylesheet included


def details(page: Page) -> dict[str, str]:
    """The moment page's list of details as {term: description}."""
    return page.locator("dl.details").evaluate(
        """dl => Object.fromEntries([...dl.querySelectorAll('dt')].map(
            dt => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]))"""
    )


def ring_list(page: Page, ring_heading: str):
    return page.get_by_role("region", name=re.compile(rf"^{ring_heading}\b"))


def dot_for(page: Page, person: Person):
    return page.locator(f"svg.circle-map circle.dot[data-person='{person.pk}']")


def ring_band(page: Page, person: Person) -> int:
    """Which ring band (0 inner, 1 middle, 2 outer) the person's dot is drawn in."""
    return page.locator("svg.circle-map").evaluate(
        """(svg, id) => {
            const box = svg.viewBox.baseVal;
            const cx = box.width / 2, cy = box.height / 2;
            const edges = [...svg.querySelectorAll('circle.ring')]
                .map(c => c.r.baseVal.value).sort((a, b) => a - b);
            const dot = svg.querySelector(`circle.dot[data-person="${id}"]`);
            const d = Math.hypot(dot.cx.baseVal.value - cx, dot.cy.baseVal.value - cy);
            return edges.findIndex(edge => d <= edge);
        }""",
        person.pk,
    )


def colour_of_drift(page: Page, drift: str) -> str:
    """The colour the style sheet gives this drift state, resolved by the browser."""
    return page.evaluate(
        """drift => {
            const probe = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
            probe.setAttribute('class', 'drift-' + drift);
            document.querySelector('svg.circle-map').appendChild(probe);
            const fill = getComputedStyle(probe).fill;
            probe.remove();
            return fill;
        }""",
        drift,
    )


# --- the tests ---------------------------------------------------------------------------


def test_newcomer_makes_an_account_adds_people_and_logs_moments(page: Page, live_server):
    base = live_server.url

    # First visit: the welcome page, with the browser's own time zone already chosen.
    static = []
    page.on("response", lambda r: static.append((r.status, r.url)) if "/static/" in r.url else None)
    page.goto(base + "/")
    page.wait_for_load_state("load")
    missing = [url for status, url in static if status != 200]
    assert static and not missing, f"Style sheet, scripts or icon did not load: {missing}"
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    expect(page.get_by_role("heading", name="Welcome to tending")).to_be_visible()
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Berlin")
    # The country for the crisis lines follows the time zone (country.js).
    expect(page.get_by_label("Your country")).to_have_value("DE")
    page.get_by_label("A name to log in with").fill("robin")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()

    # Straight on to adding people: three, one in each ring.
    expect(page).to_have_url(re.compile(r"/circle/add/$"))
    expect(page.get_by_text("Welcome. Start by adding the people in your life.")).to_be_visible()
    add_person(page, "Sam Rivera", "Inner", closeness=5, button="Save and add another")
    expect(page.get_by_text("Sam Rivera is in your circle.")).to_be_visible()
    add_person(page, "Alex Chen", "Middle", closeness=None, button="Save and add another")
    expect(page.get_by_text("Alex Chen is in your circle.")).to_be_visible()
    add_person(page, "Jo Park", "Outer", closeness=None, button="Save")
    expect(page.get_by_role("heading", name="Jo Park", exact=True)).to_be_visible()
    expect(page.get_by_text("Jo Park is in your circle.")).to_be_visible()

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get()
    assert user.username == "robin"
    assert user.time_zone == "Europe/Berlin"
    people = {p.name: p for p in Person.objects.filter(owner=user)}
    assert {name: p.ring for name, p in people.items()} == {
        "Sam Rivera": "inner",
        "Alex Chen": "middle",
        "Jo Park": "outer",
    }
    sam, alex, jo = people["Sam Rivera"], people["Alex Chen"], people["Jo Park"]
    assert list(ClosenessRating.objects.values_list("person__name", "value")) == [("Sam Rivera", 5)]

    # A quick moment with Sam from the header.
    page.get_by_role("link", name="Log a moment", exact=True).click()
    expect(page.get_by_role("heading", name="Who were you with?")).to_be_visible()
    sam_chip = page.get_by_role("checkbox", name="Sam Rivera")
    sam_chip.click()
    expect(sam_chip).to_be_checked()
    page.get_by_role("button", name="Save moment").click()
    expect(
        page.get_by_text("Logged a moment with Sam Rivera. Add how it went, if you like.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="A moment with Sam Rivera")).to_be_visible()
    expect(page.get_by_text("Just the who and when so far.")).to_be_visible()

    # A full moment with Alex from the list of moments.
    nav(page, "Moments")
    expect(page.get_by_role("heading", name="Moments", exact=True)).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Log a moment", exact=True).click()
    expect(page.get_by_role("heading", name="Log a moment")).to_be_visible()
    # On a phone the full form is short: who, when and a note, the rest in closed parts.
    # (All of it open, as every moment form was before, it measured 2,776 px on a phone.)
    closed = form_height(page, "Save")
    assert closed < MOMENT_FORM_MAX, (
        f"the moment form is {closed:.0f} px tall with its parts closed"
    )
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_in_viewport()
    expect(group(page, "How")).to_be_hidden()
    alex_chip = page.get_by_role("checkbox", name="Alex Chen")
    alex_chip.click()
    expect(alex_chip).to_be_checked()
    page.get_by_label("A note, if you like").fill("Long call while she walked home.")
    open_form_part(page, "How and how long")
    tap_choice(page, "How", "Call")
    open_form_part(page, "What was shared")
    tap_choice(page, "How much did you share of yourself?", "Feelings")
    tap_choice(page, "How much did they share?", "Thoughts")
    # Closing a part keeps what was chosen in it.
    form_part(page, "What was shared").locator("summary").click()
    expect(group(page, "How much did they share?")).to_be_hidden()
    expect(form_part(page, "What was shared").locator("summary")).to_contain_text("2 of 2 answered")
    open_form_part(page, "How they responded")
    tap_choice(page, "I felt understood", "4")
    tap_choice(page, "I felt cared for", re.compile(r"^5\b"))
    open_form_part(page, "Afterwards")
    open_form_part(page, "Tags")
    page.get_by_label("Tags").fill("walk, support")
    opened = form_height(page, "Save")
    assert opened > 2 * closed, (closed, opened)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Moment saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="A moment with Alex Chen")).to_be_visible()
    assert details(page) == {
        "How": "Call",
        "I shared": "Feelings",
        "They shared": "Thoughts",
        "Felt understood": "4 of 5",
        "Felt cared for": "5 of 5",
        "Note": "Long call while she walked home.",
    }
    expect(page.get_by_role("link", name="walk", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="support", exact=True)).to_be_visible()

    # The circle: a dot per person, in the right ring and the right colour. The map is drawn
    # only where it can be read (a phone gets the counts per ring), so look on a wide screen.
    page.set_viewport_size(DESKTOP)
    nav(page, "Circle")
    expect(page.get_by_role("heading", name="Your circle")).to_be_visible()
    expect(page.locator("svg.circle-map circle.dot")).to_have_count(3)
    expected = {sam: ("inner", "in-rhythm"), alex: ("middle", "in-rhythm"), jo: ("outer", "never")}
    for person, (ring, drift) in expected.items():
        dot = dot_for(page, person)
        expect(dot).to_have_attribute("data-ring", ring)
        expect(dot).to_have_attribute("data-drift", drift)
        expect(dot).to_have_css("fill", colour_of_drift(page, drift))
        assert ring_band(page, person) == ["inner", "middle", "outer"].index(ring), person.name
        expect(page.get_by_role("link", name=f"{person.name}: ")).to_have_count(1)
    assert colour_of_drift(page, "in-rhythm") != colour_of_drift(page, "never")
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("link", name="Inner: 1")).to_be_visible()

    for heading, person, label in [
        ("Inner ring", sam, "In rhythm"),
        ("Middle ring", alex, "In rhythm"),
        ("Outer ring", jo, "No moments yet"),
    ]:
        section = ring_list(page, heading)
        expect(section.get_by_role("listitem")).to_have_count(1)
        # The link says the name, then the drift in words ("Sam Rivera In rhythm · today").
        named = re.compile(rf"^{re.escape(person.name)}\b")
        expect(section.get_by_role("link", name=named)).to_be_visible()
        expect(section.get_by_role("listitem")).to_contain_text(label)

    page.set_viewport_size(DESKTOP)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "circle-newcomer.png", full_page=True)
    page.set_viewport_size(PHONE)

    # Sam's page: the moment, the closeness and the rhythm.
    ring_list(page, "Inner ring").get_by_role("link", name=re.compile(r"^Sam Rivera\b")).click()
    expect(page.get_by_role("heading", name="Sam Rivera", exact=True)).to_be_visible()
    expect(page.get_by_text("Inner ring", exact=False).first).to_be_visible()
    together = page.get_by_role("region", name=re.compile(r"^Moments together"))
    expect(together.get_by_role("heading")).to_have_text("Moments together (1)")
    expect(together.get_by_role("listitem")).to_have_count(1)
    expect(together.get_by_role("listitem")).to_contain_text("Sam Rivera")
    closeness = page.get_by_role("region", name="Closeness")
    expect(closeness.get_by_text("Right now: 5 of 7.")).to_be_visible()
    expect(closeness.get_by_role("img", name="Closeness 5 of 7: Much overlap")).to_be_visible()
    expect(page.locator("#rhythm-summary")).to_have_text(
        "Last moment today; you hoped to be in touch every week."
    )

    # Alex's page lists the full moment.
    nav(page, "Circle")
    ring_list(page, "Middle ring").get_by_role("link", name=re.compile(r"^Alex Chen\b")).click()
    expect(page.get_by_role("heading", name="Alex Chen", exact=True)).to_be_visible()
    together = page.get_by_role("region", name=re.compile(r"^Moments together"))
    moment = together.get_by_role("listitem")
    expect(moment).to_have_count(1)
    expect(moment).to_contain_text("Alex Chen · Call · I shared: feelings · understood 4/5")
    expect(moment).to_contain_text("Long call while she walked home.")
    expect(moment).to_contain_text("walk")
    expect(moment).to_contain_text("support")
    expect(page.locator("#rhythm-summary")).to_have_text(
        "Last moment today; you hoped to be in touch every month."
    )


def test_bad_input_on_add_person_is_explained_and_nothing_is_saved(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")
    page.get_by_role("main").get_by_role("link", name="Add someone").click()
    expect(page.get_by_role("heading", name="Add someone to your circle")).to_be_visible()

    # No name, and a birthday day without its month.
    page.get_by_text("More: rhythm, birthday, how to reach them, notes").click()
    page.get_by_label("Birthday: day").select_option("12")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("alert")).to_contain_text("Something needs another look")
    name = page.get_by_label("Name", exact=True)
    month = page.get_by_label("Month", exact=True)
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(month).to_have_attribute("aria-invalid", "true")
    # Each message sits in the same field block as the control it is about.
    name_field = page.locator("div.field").filter(has=name)
    month_field = page.locator("div.field").filter(has=month)
    expect(name_field.locator(".error")).to_have_text(
        "Please give a name, even just a first name or a nickname."
    )
    expect(month_field.locator(".error")).to_have_text(
        "Please give both the day and the month, or neither."
    )
    expect(page.get_by_label("Birthday: day")).to_have_value("12")
    assert not Person.objects.exists()

    # Fixing both saves the person.
    name.fill("Sam Rivera")
    month.select_option(label="March")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Sam Rivera", exact=True)).to_be_visible()
    expect(page.get_by_text("Sam Rivera is in your circle.")).to_be_visible()
    person = Person.objects.get()
    assert (person.name, person.birthday_day, person.birthday_month) == ("Sam Rivera", 12, 3)
    assert person.ring == "middle"


def test_logging_out_closes_the_circle_but_help_stays_open(page: Page, live_server):
    UserFactory(username="robin")
    log_in(page, live_server.url, "robin")

    page.get_by_role("contentinfo").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)

    page.goto(live_server.url + "/circle/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/circle/$"))
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()

    page.get_by_role("banner").get_by_role("link", name="Need help now").click()
    # Logged out, the browser's time zone chooses the country's lines.
    expect(page).to_have_url(re.compile(r"/help/\?tz=Europe%2FBerlin$"))
    expect(page.get_by_role("heading", name="You don't have to face this alone")).to_be_visible()
    expect(page.get_by_role("link", name="Call 112")).to_be_visible()
