"""Icons: inline SVG from the vendored Lucide subset, silent for screen readers, with licence."""

from __future__ import annotations

import re

import pytest
from django.template import engines

from tending.core.icons import ICONS_DIR, icon, icon_names

NAV_ICONS = {"sun", "users", "plus", "book-open", "ellipsis"}


def test_the_icon_is_inline_svg_in_the_text_colour_and_hidden_from_screen_readers():
    svg = str(icon("sun"))
    assert svg.startswith('<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor"')
    assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg
    assert "<circle" in svg and svg.endswith("</svg>")
    assert "<!--" not in svg and "lucide" not in svg and "\n" not in svg
    assert str(icon("sun", "small")).startswith('<svg class="icon small"')


def test_an_unknown_icon_is_a_clear_mistake():
    with pytest.raises(ValueError, match="There is no icon 'unicorn'"):
        icon("unicorn")
    with pytest.raises(ValueError, match="is not an icon name"):
        icon("../tending")


def test_every_shipped_icon_reads_and_the_licence_ships_with_them():
    names = icon_names()
    assert set(names) >= NAV_ICONS
    for name in names:
        assert re.search(r"<(path|circle|rect) ", str(icon(name))), name
    licence = (ICONS_DIR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("ISC License") and "Lucide Icons and Contributors" in licence
    assert "lucide-static" in (ICONS_DIR / "VERSION").read_text(encoding="utf-8")


def test_pages_call_icon_and_sparkline_as_globals():
    engine = engines.all()[0]
    html = engine.from_string('{{ icon("plus") }}|{{ sparkline([1, 2], "Mood") }}').render()
    assert html.startswith('<svg class="icon"') and html.count("<svg") == 2
    assert 'aria-label="Mood"' in html
