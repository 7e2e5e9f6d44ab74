"""What the access tests share: the pages to visit, the states worth seeing, and the checks.

The pages are the tour's (every route of the URL configuration, given the account's own
rows), so a page added later is checked for overflow and by axe-core from its first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tending.bench.pages import page_addresses, samples_for
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.demo import fill_demo
from tests.factories import UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
# Not a page a browser shows (a calendar download), or one that would end the visit.
NOT_PAGES = {
    "today:feed",
    "core:logout",
    "mirror:respond",
    "mirror:sheet",
    "healthz",  # JSON for proxies and monitors (tests/hosting/test_health.py)
    # Swagger UI's page for programmers, laid out by Swagger UI itself, not a page of
    # tending's: tests/browser/test_api_tokens.py checks it loads from tending alone.
    "api:docs",
    # Files a browser fetches for the phone, not pages: an icon, the manifest (JSON), the
    # service worker (a script) and a reminder's words (JSON): tests/pwa/.
    "pwa:favicon",
    "pwa:manifest",
    "pwa:worker",
    "pwa:reminder",
}


def not_a_page(name: str) -> bool:
    """Routes the tours leave out: the above, and the HTTP API's calls (JSON, measured by the
    benchmark beside the pages)."""
    return name in NOT_PAGES or name.startswith("api ")


@dataclass
class Visit:
    """A page to look at: as whom, where, and what to do there first (e.g. send a bad form)."""

    who: str  # "owner", "newcomer" (no data yet) or "" (logged out)
    url: str
    label: str
    send_empty_form: bool = False


def make_accounts() -> dict:
    """An owner with a year of demo data, a risky check-in, and a newcomer with nothing."""
    owner = UserFactory(username="owner", time_zone="Europe/Berlin")
    fill_demo(owner, years=1, seed=5)  # up to the account's own today
    hard_days = get_instrument("hard-days")
    answers = {item.id: 0 for item in hard_days.items}
    answers[next(rule.item for rule in hard_days.safety_rules)] = 1
    risky = save_checkin(owner, hard_days, answers)
    put_long_words_in(owner)
    newcomer = UserFactory(username="newcomer", time_zone="Europe/Berlin")
    return {"owner": owner, "newcomer": newcomer, "risky": risky}


# The field test's 125-character address, and a word longer than any phone is wide.
LONG_URL = "https://example.org/" + "a-very-long-path-segment/" * 4 + "x" * 5
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"


def put_long_words_in(owner) -> None:
    """Long words and addresses in the rows the tour opens: notes, moments, journal, plan."""
    from tending.journal.models import Entry
    from tending.moments.models import Moment
    from tending.safety.models import PlanEntry

    samples = samples_for(owner).values
    text = f"{LONG_WORD} wrote {LONG_URL} down"
    for model, key, field in (
        (Moment, "moment_id", "note"),
        (Entry, "journal_entry_id", "body"),
        (PlanEntry, "entry_id", "text"),
    ):
        row = model.objects.get(pk=samples[key])
        setattr(row, field, text)
        row.save()
    from tending.circle.models import Person

    person = Person.objects.get(pk=samples["person_id"])
    person.notes = text
    person.save()


def tour(accounts: dict) -> list[Visit]:
    """Every page the owner can open, then the states a tour of pages does not reach."""
    owner = accounts["owner"]
    client = Client()
    client.force_login(owner)
    visits: list[Visit] = []
    for name, url, _ in page_addresses(samples_for(owner)):
        if url is None or not_a_page(name):
            continue
        # POST only (405), or a GET that leads on to another page (302: a POST-only route
        # sends it to its form, the front door to Today): that page is visited as itself.
        if client.get(url).status_code in (302, 405):
            continue
        visits.append(Visit("owner", url, name))
    risky = reverse("checkins:result", args=[accounts["risky"].pk])
    visits.append(Visit("owner", risky, "check-in result with crisis help"))
    visits.append(Visit("owner", reverse("circle:person_add"), "form errors", True))
    visits.append(Visit("owner", reverse("moments:add"), "moment form errors", True))
    for name in ("today:today", "circle:circle", "moments:list", "journal:list"):
        visits.append(Visit("newcomer", reverse(name), f"empty {name}"))
    for name in ("checkins:index", "safety:plan"):
        visits.append(Visit("newcomer", reverse(name), f"empty {name}"))
    visits.append(Visit("", reverse("core:login"), "logged out: log in"))
    visits.append(Visit("", reverse("safety:crisis"), "logged out: need help now"))
    return visits


def new_context(browser: Browser, **options) -> BrowserContext:
    context = browser.new_context(timezone_id="Europe/Berlin", locale="en-GB", **options)
    context.set_default_timeout(10000)
    return context


def log_in_as(context: BrowserContext, base_url: str, username: str) -> None:
    """Log in the context's cookies once; its pages then share the session."""
    page = context.new_page()
    page.goto(base_url + reverse("core:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    # Today, in whichever language the account reads.
    expect(page).to_have_url(base_url + reverse("today:today"))
    page.close()


def open_visit(page: Page, base_url: str, visit: Visit) -> None:
    answer = page.goto(base_url + visit.url)
    assert answer is not None and answer.status < 500, f"{visit.url} answered {answer.status}"
    if visit.send_empty_form:
        # The browser's own checks would stop an empty form; the server's are the ones
        # whose messages a person reads, so send it as a browser without them would.
        form = page.locator("main form[method=post]").first
        form.evaluate("form => { form.noValidate = true; }")
        form.locator("button[type=submit]").first.click()
        expect(page.locator(".error").first).to_be_visible()
        # The error is in the HTML before the stylesheet has arrived: measure the page only
        # once it is loaded, as a person would see it (a busy machine once caught it bare).
        page.wait_for_load_state("load")


def overflow_problems(page: Page) -> list[str]:
    """Anything that makes the page scroll sideways or pushes "Need help now" out of view."""
    return page.evaluate(
        """() => {
        const problems = [];
        const width = window.innerWidth;
        const root = document.documentElement;
        if (root.scrollWidth > width) {
            const wide = [...document.querySelectorAll('body *')].filter(el => {
                const box = el.getBoundingClientRect();
                return box.right > width + 1 && box.width > 0;
            }).slice(-3).map(el => el.outerHTML.slice(0, 100));
            problems.push(`page is ${root.scrollWidth}px wide in ${width}px: ${wide}`);
        }
        // A form that puts focus on its first field or error scrolls; the header is above.
        window.scrollTo(0, 0);
        const help = document.querySelector('.help-now');
        if (!help) {
            problems.push('no "Need help now" link');
        } else {
            const box = help.getBoundingClientRect();
            if (box.left < 0 || box.right > width || box.top < 0 || box.width === 0)
                problems.push(`"Need help now" is not fully on screen: ${JSON.stringify(box)}`);
            if (help.scrollWidth > help.clientWidth + 1) problems.push('"Need help now" is cut');
        }
        for (const el of document.querySelectorAll('a.call, .button, button')) {
            if (el.closest('.table-scroll')) continue;  // a wide table scrolls in its box
            const box = el.getBoundingClientRect();
            if (box.width === 0) continue;
            if (box.right > width + 1 || el.scrollWidth > el.clientWidth + 1)
                problems.push(`"${el.textContent.trim()}" is cut or off screen`);
        }
        return problems;
    }"""
    )


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's findings on the page as it stands, one line per rule and element (all the
    rules axe runs by default, or only `rules`)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated, not added as a <script>: the Content Security Policy stays as it is.
        # (Contexts that check many pages load it once as an init script instead.)
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options: dict = {"resultTypes": ["violations"]}
    if rules is not None:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate(
        """async options => {
        const result = await axe.run(document, options);
        return result.violations.flatMap(v => v.nodes.map(n =>
            `${v.id} (${v.impact}): ${n.target.join(' ')}: ` +
            (n.failureSummary.split('\\n')[1] || '')));
    }""",
        options,
    )
    return found
