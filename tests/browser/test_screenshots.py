"""The README's pictures, taken by a browser test so they show tending as it is today.

    TENDING_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_screenshots.py

writes them into docs/screenshots/; without the variable they go to a temporary folder,
so an ordinary test run changes no committed file but still checks each picture is taken.
"""

from __future__ import annotations

import datetime
import os
import struct
from pathlib import Path

from playwright.sync_api import Page, expect

from tending.demo import fill_demo
from tests.browser.conftest import REPO_ROOT
from tests.browser.test_newcomer import log_in
from tests.factories import UserFactory

DOCS = REPO_ROOT / "docs" / "screenshots"
# The size the README shows: a laptop window, the whole circle without scrolling.
WINDOW = {"width": 1000, "height": 860}


def where_pictures_go(tmp_path: Path) -> Path:
    wanted = os.environ.get("TENDING_SCREENSHOTS", "").strip().lower() in {"1", "true", "yes"}
    return DOCS if wanted else tmp_path


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_item_25_the_readme_circle_picture_comes_from_this_test(page: Page, live_server, tmp_path):
    owner = UserFactory(username="robin", time_zone="Europe/Berlin")
    fill_demo(owner, years=2, seed=5, today=datetime.date.today())
    page.set_viewport_size(WINDOW)
    page.emulate_media(color_scheme="light", reduced_motion="reduce")
    log_in(page, live_server.url, "robin")
    page.goto(live_server.url + "/circle/")
    expect(page.get_by_role("heading", name="Your circle")).to_be_visible()
    dots = page.locator("svg.circle-map circle.dot")
    assert dots.count() >= 30

    target = where_pictures_go(tmp_path) / "circle.png"
    page.screenshot(path=target)
    assert png_size(target) == (WINDOW["width"], WINDOW["height"])
