"""The screenshots' names and gallery page, and their shrinking, checked without a browser."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.browser.gallery import (
    COLOURS,
    SIZES,
    Shot,
    file_name,
    first_screen_name,
    gallery,
    shrink,
    stem,
    title_of,
)


@pytest.mark.parametrize(
    ("route", "query", "expected"),
    [
        ("today:today", "", "today-today"),
        ("moments:list", "?person=12", "moments-list-person"),
        ("moments:list", "?page=20", "moments-list-page"),
        ("journal:search", "person=3&page=2", "journal-search-person-page"),
        ("circle:person_add", "?", "circle-person-add"),
        ("Safety:Plan", "", "safety-plan"),
        ("a::b", "?&x=1&", "a-b-x"),
    ],
)
def test_a_picture_is_named_by_its_route_and_the_keys_of_its_query(route, query, expected):
    assert stem(route, query) == expected


def test_file_names_say_the_width_and_the_scheme():
    assert file_name("today-today", 390, "dark") == "today-today-390-dark.png"
    screen = first_screen_name("circle-circle", 1280, "light")
    assert screen == "circle-circle-1280-light-screen.png"


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Today · tending", "Today"), ("  Circle  · tending", "Circle"), ("tending", "tending"),
     (" · tending", "tending"), ("Your data", "Your data")],
)  # fmt: skip
def test_the_gallery_calls_a_page_by_its_own_title(title, expected):
    assert title_of(title) == expected


def test_the_gallery_has_a_table_per_page_with_four_pictures():
    shots = [
        Shot("today-today", "/today/", "today:today", "Today"),
        Shot("moments-list-page", "/moments/?page=20", "moments:list", ""),
    ]
    text = gallery(shots)
    assert text.startswith("# Every page of tending\n")
    assert "python3 dev.py screenshots" in text
    assert text.count("| 390 px, light | 390 px, dark | 1280 px, light | 1280 px, dark |") == 2
    assert "## Today\n\n`/today/` (`today:today`)\n" in text
    assert "## moments-list-page\n" in text  # no title: the file's name
    row = next(line for line in text.splitlines() if "today-today-390-light" in line)
    cells = row.strip("|").split(" | ")
    assert len(cells) == 4
    names = ["390-light", "390-dark", "1280-light", "1280-dark"]
    for cell, name in zip(cells, names, strict=True):
        path = f"screenshots/today-today-{name}.png"
        assert cell.strip() == (
            f'[<img src="{path}" width="180" alt="Today, {name.split("-")[0]} px wide, '
            f'{name.split("-")[1]}">]({path})'
        )
    assert text.index("## Today") < text.index("## moments-list-page")
    assert gallery([], folder="x").count("##") == 0
    assert 'src="pics/today-today-390-dark.png"' in gallery(shots[:1], folder="pics")


def test_the_sizes_are_a_phone_and_a_laptop():
    assert SIZES == {390: 844, 1280: 900}


def test_a_picture_is_shrunk_to_a_palette_and_its_first_screen_cut(tmp_path):
    picture = tmp_path / "page.png"
    image = Image.new("RGB", (50, 300), "#faf7f2")
    for x in range(50):  # more colours than the palette holds
        for y in range(300):
            image.putpixel((x, y), (x * 5, y % 256, (x * y) % 256))
    image.save(picture)
    screen = tmp_path / "screen.png"
    shrink(picture, screen, 120)
    with Image.open(picture) as small:
        assert small.mode == "P" and small.size == (50, 300)
        assert len(small.getcolors(maxcolors=1000)) <= COLOURS
    with Image.open(screen) as first:
        assert first.size == (50, 120)
    shrink(picture, tmp_path / "short.png", 900)  # a page shorter than a screen is kept whole
    with Image.open(tmp_path / "short.png") as whole:
        assert whole.size == (50, 300)
    shrink(picture)
    assert not (tmp_path / "page-screen.png").exists()
