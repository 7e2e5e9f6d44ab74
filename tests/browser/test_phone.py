"""tending on a phone, as a newcomer meets it: installable; "Need help now" opening with no
signal, with their own plan and the time the copy was made; quick logs kept while offline and
sent once; and logging out leaving nothing behind on the device."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tending.moments.models import Moment
from tending.safety.models import PlanEntry
from tests.browser.conftest import CHROMIUM_ARGS, PHONE
from tests.browser.test_newcomer import log_in
from tests.factories import PersonFactory, UserFactory

HELP_KEPT = """() => caches.open('tending-help')
    .then(cache => cache.match('/help/', {ignoreVary: true}))
    .then(found => found ? found.text() : '')"""


def worker_ready(page: Page) -> None:
    """Wait until the service worker runs this page. A page whose loading began while the
    worker was still installing stays its own until the next visit (the worker's claim() can
    come before the page is there to claim, as on a busy machine): as a person would, it is
    opened again once the worker is ready."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("() => navigator.serviceWorker.controller !== null"):
        page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)


def help_kept(page: Page, containing: str) -> None:
    page.wait_for_function(
        f"() => ({HELP_KEPT})().then(text => text.includes({containing!r}))", timeout=30000
    )


def test_tending_meets_chromiums_install_criteria(browser, chromium_path, live_server, tmp_path):
    """Chromium's own check, in a profile kept on disk (it never offers installing in a
    private window, which is what a plain test context is)."""
    UserFactory(username="robin")
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile",
        executable_path=chromium_path,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        log_in(page, live_server.url, "robin")
        worker_ready(page)
        session = context.new_cdp_session(page)
        answer = session.send("Page.getInstallabilityErrors")
        assert answer["installabilityErrors"] == []
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == [] and manifest["url"].endswith("/manifest.webmanifest")
    finally:
        context.close()


def test_help_opens_without_a_connection_with_ones_own_plan(page: Page, live_server):
    robin = UserFactory(username="robin")
    PlanEntry.objects.create(owner=robin, part="coping", text="Walk to the river and back")
    log_in(page, live_server.url, "robin")
    # The first page after logging in asks the service worker to keep a copy of help.
    help_kept(page, "Walk to the river and back")

    page.context.set_offline(True)
    page.goto(live_server.url + "/help/")
    expect(page.get_by_text("Walk to the river and back")).to_be_visible()
    note = page.locator("[data-offline-note]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("No connection just now. This is the copy of this page kept")
    # Any other page: a plain offline page, which leads back to help.
    page.goto(live_server.url + "/circle/")
    expect(page.get_by_role("heading", name="No connection just now")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Need help now").click()
    expect(page.get_by_text("Walk to the river and back")).to_be_visible()

    page.context.set_offline(False)
    page.goto(live_server.url + "/help/")
    expect(page.locator("[data-offline-note]")).to_be_hidden()  # with a connection: the real page


def test_quick_logs_wait_offline_and_are_saved_once(page: Page, live_server):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam Rivera")
    PersonFactory(owner=robin, name="Alex Chen")
    log_in(page, live_server.url, "robin")
    page.goto(live_server.url + "/moments/quick/")
    worker_ready(page)

    page.context.set_offline(True)
    waiting = page.locator("[data-offline-waiting]")
    page.get_by_label("Sam Rivera").check()
    page.get_by_role("button", name="Save moment").click()
    expect(waiting).to_be_visible()
    expect(waiting.locator("li.waiting")).to_have_count(1)
    expect(waiting.locator("li.waiting")).to_contain_text("Waiting to send: Sam Rivera")
    page.get_by_label("Alex Chen").check()
    page.get_by_role("button", name="Save moment").click()
    expect(waiting.locator("li.waiting")).to_have_count(2)
    expect(page.get_by_label("Alex Chen")).not_to_be_checked()  # ready for the next one
    assert Moment.objects.filter(owner=robin).count() == 0
    keys = page.evaluate("JSON.parse(localStorage.getItem('tending-waiting')).map(i => i.key)")
    assert len(set(keys)) == 2

    page.context.set_offline(False)
    expect(waiting).to_be_hidden()
    moments = Moment.objects.filter(owner=robin).order_by("pk")
    assert [[p.name for p in m.people.all()] for m in moments] == [["Sam Rivera"], ["Alex Chen"]]

    # The first one sent again, as a phone might after losing the answer: not saved again.
    for _ in range(2):
        page.evaluate(
            """key => fetch('/moments/quick/', {method: 'POST', headers: {'X-Tending-Queue': '1'},
                 body: new URLSearchParams({people: document.querySelector(
                   'input[name=people]').value, sent_once: key, csrfmiddlewaretoken:
                   document.querySelector('input[name=csrfmiddlewaretoken]').value})})""",
            keys[0],
        )
    assert Moment.objects.filter(owner=robin).count() == 2


def test_logging_out_leaves_nothing_on_the_device(page: Page, live_server):
    robin = UserFactory(username="robin")
    PlanEntry.objects.create(owner=robin, part="coping", text="Call my sister")
    PersonFactory(owner=robin, name="Sam Rivera")
    log_in(page, live_server.url, "robin")
    help_kept(page, "Call my sister")
    page.goto(live_server.url + "/moments/quick/")
    page.context.set_offline(True)
    page.get_by_label("Sam Rivera").check()
    page.get_by_role("button", name="Save moment").click()
    expect(page.locator("[data-offline-waiting] li.waiting")).to_have_count(1)
    page.context.set_offline(False)
    expect(page.locator("[data-offline-waiting]")).to_be_hidden()  # sent

    page.goto(live_server.url + "/settings/")
    page.locator("footer").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    assert page.evaluate("caches.has('tending-help')") is False  # (opening it would make it)
    assert page.evaluate("localStorage.getItem('tending-waiting')") is None


def test_logging_out_with_a_moment_still_waiting_asks_first(page: Page, live_server):
    robin = UserFactory(username="robin")
    PersonFactory(owner=robin, name="Sam Rivera")
    log_in(page, live_server.url, "robin")
    page.goto(live_server.url + "/moments/quick/")
    page.context.set_offline(True)
    page.get_by_label("Sam Rivera").check()
    page.get_by_role("button", name="Save moment").click()
    # Back online, but the sending keeps failing (a connection that comes and goes).
    page.route("**/moments/quick/", lambda route: route.abort())
    page.context.set_offline(False)
    expect(page.locator("[data-offline-waiting] li.waiting")).to_have_count(1)

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("footer").get_by_role("button", name="Log out").click()
    assert asked and "still waiting to send" in asked[0]
    expect(page.locator("[data-offline-waiting] li.waiting")).to_have_count(1)  # still here

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("footer").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    assert page.evaluate("localStorage.getItem('tending-waiting')") is None
    assert Moment.objects.filter(owner=robin).count() == 0
