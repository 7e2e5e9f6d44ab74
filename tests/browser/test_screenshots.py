"""Screenshots of every page, at 390 and 1280 px, light and dark, taken by a browser test.

    python3 dev.py screenshots

(the same as `TENDING_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_screenshots.py`)
takes every page the every-page walk visits (tests/browser/test_every_page.py), with a year
of demo data, plus the logged-out pages and a search's results: the whole page, named
<route>-<width>-<scheme>.png, shrunk to 64 colours, into docs/screenshots/ (whose old
pictures are removed first; before/ is left alone), and writes docs/screenshots.md, their
gallery. The README's pictures are the first screens of four of them (README_PICTURES).

Without the variable only the README's pages are taken, at 390 px light and 1280 px dark,
into a temporary folder: the ordinary suite checks in seconds that the pictures, their
shrinking and the gallery work, and changes no committed file.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from django.test import Client
from playwright.sync_api import expect

from tending.bench.pages import page_addresses, samples_for
from tending.demo import fill_demo
from tests.browser.access import log_in_as, new_context, not_a_page
from tests.browser.conftest import REPO_ROOT
from tests.browser.gallery import (
    SIZES,
    Shot,
    file_name,
    first_screen_name,
    gallery,
    shrink,
    stem,
    title_of,
)
from tests.factories import UserFactory

DOCS = REPO_ROOT / "docs"
# The README shows the first screen of these: (route, width, scheme).
README_PICTURES = [
    ("today:today", 390, "light"),
    ("checkins:result", 390, "light"),
    ("journal:list", 390, "light"),
    ("circle:circle", 1280, "light"),
]
SEARCH_RESULTS = "journal-search-results"


def everything_wanted() -> bool:
    return os.environ.get("TENDING_SCREENSHOTS", "").strip().lower() in {"1", "true", "yes"}


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and colour type (3: a palette) of a PNG, from its header."""
    header = path.read_bytes()[:26]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height, header[25]


def pages_to_take(owner, only: set[str] | None) -> tuple[list[Shot], list[Shot]]:
    """The pages the every-page walk visits as the owner, and the pages for logged-out people."""
    client, nobody = Client(), Client()
    client.force_login(owner)
    mine: list[Shot] = []
    theirs: list[Shot] = []
    for name, url, _ in page_addresses(samples_for(owner)):
        if url is None or not_a_page(name) or (only is not None and name not in only):
            continue
        status = client.get(url).status_code
        query = url.partition("?")[2]
        if status == 200:
            mine.append(Shot(stem(name, query), url, name))
        elif status == 302 and nobody.get(url).status_code == 200:
            theirs.append(Shot(stem(name, query), url, name))
    return mine, theirs


def whole_page(page, path: Path, width: int) -> None:
    """The page from top to bottom, in a window as tall as the page: a picture of the page
    scrolled past one screen would leave the phone's fixed bottom bar in its middle."""
    tall = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": max(tall, SIZES[width])})
    try:
        page.screenshot(path=path, full_page=True, animations="disabled")
    finally:
        page.set_viewport_size({"width": width, "height": SIZES[width]})


def take(context, base_url: str, shots: list[Shot], folder: Path, width: int, scheme: str):
    """Each page, whole; the search's results when asked. Returns the shots with titles."""
    page = context.new_page()
    taken = []
    for shot in shots:
        if shot.stem == SEARCH_RESULTS:
            page.goto(base_url + "/journal/search/")
            page.get_by_label("Words to find").fill("walk")
            page.get_by_role("search").get_by_role("button", name="Search").click()
            expect(page.get_by_role("status")).to_contain_text("found")
            shot = Shot(shot.stem, "/journal/search/ (after searching for “walk”)", shot.route)
        else:
            answer = page.goto(base_url + shot.url)
            assert answer is not None and answer.status == 200, f"{shot.url}: {answer.status}"
        if shot.route == "circle:circle" and width >= 1280:
            assert page.locator("svg.circle-map circle.dot").count() >= 30
        path = folder / file_name(shot.stem, width, scheme)
        whole_page(page, path, width)
        wanted = (shot.route, width, scheme) in README_PICTURES
        screen = folder / first_screen_name(shot.stem, width, scheme) if wanted else None
        shrink(path, screen, SIZES[width])
        taken.append(Shot(shot.stem, shot.url, shot.route, title_of(page.title())))
    page.close()
    return taken


def test_item_15_every_page_at_two_widths_in_both_schemes(browser, live_server, tmp_path):
    everything = everything_wanted()
    owner = UserFactory(username="owner", time_zone="Europe/Berlin")
    fill_demo(owner, years=1, seed=5)  # up to the account's own today
    only = None if everything else {route for route, _, _ in README_PICTURES}
    mine, theirs = pages_to_take(owner, only)
    if everything:  # a search's results, beside the search page
        after = next(i for i, shot in enumerate(mine) if shot.route == "journal:search") + 1
        mine.insert(after, Shot(SEARCH_RESULTS, "", "journal:search"))
    folder = DOCS / "screenshots" if everything else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    if everything:  # a page renamed or gone leaves no picture behind
        for old in folder.glob("*.png"):
            old.unlink()
    combinations = [(w, s) for w in SIZES for s in ("light", "dark")]
    if not everything:
        combinations = [(390, "light"), (1280, "dark")]

    titled: dict[str, Shot] = {}
    for width, scheme in combinations:
        for who, shots in (("owner", mine), ("", theirs)):
            if not shots:
                continue
            context = new_context(
                browser,
                viewport={"width": width, "height": SIZES[width]},
                color_scheme=scheme,
                reduced_motion="reduce",
            )
            try:
                if who:
                    log_in_as(context, live_server.url, who)
                for shot in take(context, live_server.url, shots, folder, width, scheme):
                    titled.setdefault(shot.stem, shot)
            finally:
                context.close()

    shots = [titled[s.stem] for s in [*mine, *theirs]]
    page_list = (DOCS if everything else tmp_path) / "screenshots.md"
    page_list.write_text(gallery(shots), encoding="utf-8")

    assert len(shots) >= (40 if everything else 4)
    written = page_list.read_text(encoding="utf-8")
    for shot in shots:
        assert f"## {shot.title}" in written
        for width, scheme in combinations:
            path = folder / file_name(shot.stem, width, scheme)
            assert f"screenshots/{path.name}" in written
            shown_width, height, colour_type = png_facts(path)
            assert shown_width == width and height >= SIZES[width], (path, shown_width, height)
            assert colour_type == 3, f"{path} was not shrunk to a palette"
    for route, width, scheme in README_PICTURES:
        if (width, scheme) in combinations:
            screen = folder / first_screen_name(stem(route), width, scheme)
            assert png_facts(screen)[:2] == (width, SIZES[width])
    light = (folder / file_name("today-today", 390, "light")).read_bytes()
    dark = (folder / file_name("today-today", 1280, "dark")).read_bytes()
    assert light != dark
