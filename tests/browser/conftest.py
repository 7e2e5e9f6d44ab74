"""Browser tests: a headless Chromium (Debian's, not a download) against a live server.

Every test here is marked ``browser``. Without Chromium the tests are skipped, unless
TENDING_REQUIRE_BROWSER=1, in which case they fail so that CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API keeps an asyncio loop around; Django would otherwise refuse the
# synchronous database calls that the tests and the live server make next to it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

BROWSER_DIR = Path(__file__).resolve().parent
REPO_ROOT = BROWSER_DIR.parents[1]
ARTIFACTS = REPO_ROOT / "test-artifacts"

MISSING_CHROMIUM = (
    "Chromium is not installed; install it with: sudo apt-get install chromium "
    "(Debian/Ubuntu). Browser tests are skipped."
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
HARMLESS_SCHEMES = {"data", "about", "blob"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def find_chromium() -> str | None:
    candidates = [os.environ.get("TENDING_CHROMIUM", "").strip(), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def browser_required() -> bool:
    return os.environ.get("TENDING_REQUIRE_BROWSER", "").strip().lower() in {"1", "true"}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        if browser_required():
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "test"


class ServerWork:
    """How many requests the live server's threads are still answering.

    The browser forgets a request it gave up on (a page left, a context closed) while the
    server thread may still be answering it; on SQLite that thread shares the test's
    connection, so the next test would meet its transaction. Django's request signals say
    when the server starts and finishes each one (the test client's, in the main thread, are
    not counted)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answering = 0

    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.answering += 1

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:  # one begun before the counting began is not counted down
                self.answering = max(0, self.answering - 1)

    def wait_until_idle(self, seconds: float = 10.0) -> None:
        until = time.monotonic() + seconds
        while self.answering > 0 and time.monotonic() < until:
            time.sleep(0.01)
        if self.answering > 0:
            print(f"The live server was still answering {self.answering} request(s).")


SERVER_WORK = ServerWork()


@pytest.fixture(autouse=True)
def _server_done_after_each_test():
    """Set up before `page` and the like, so torn down after them: once every browser is
    gone, the server finishes what it was answering before the next test begins."""
    from django.core.signals import request_finished, request_started

    request_started.connect(SERVER_WORK.started, dispatch_uid="browser-server-work-started")
    request_finished.connect(SERVER_WORK.finished, dispatch_uid="browser-server-work-finished")
    yield
    SERVER_WORK.wait_until_idle()


def _say_goodbye(page, in_flight: set, seconds: float = 5.0) -> None:
    """Leave the page and wait for what it sends on leaving (a last draft), within reason.

    Otherwise a request can reach the live server while the test's database is being
    emptied, which shares its connection on SQLite, and the next test starts with leftovers.
    """
    try:
        page.goto("about:blank")
        for _ in range(int(seconds / 0.025)):
            if not in_flight:
                return
            page.wait_for_timeout(25)
    except Exception as exc:  # a page that will not leave must not hide the real failure
        print(f"Could not leave the page cleanly: {exc}")


@pytest.fixture
def page(request, browser, live_server):
    """A phone-sized page in Berlin that may only talk to the live server."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Berlin", locale="en-GB")
    requested: list[str] = []
    in_flight: set = set()
    context.on("request", lambda req: (requested.append(req.url), in_flight.add(req)))
    context.on("requestfinished", lambda req: in_flight.discard(req))
    context.on("requestfailed", lambda req: in_flight.discard(req))
    page = context.new_page()
    page.set_default_timeout(10000)
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            try:
                page.screenshot(
                    path=ARTIFACTS / f"{_safe_name(request.node.name)}.png", full_page=True
                )
            except Exception as exc:  # the screenshot must not hide the real failure
                print(f"Could not save a screenshot: {exc}")
        _say_goodbye(page, in_flight)
        context.close()

    server_host = urlsplit(live_server.url).hostname
    allowed = LOCAL_HOSTS | {server_host}
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in HARMLESS_SCHEMES and urlsplit(url).hostname not in allowed
    ]
    assert not elsewhere, f"The page reached beyond the live server: {elsewhere}"
