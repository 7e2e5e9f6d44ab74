"""The main navigation's markup: five places on a phone, the rest under More, all on wide."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html[html.index('<nav class="main-nav"') : html.index("</nav>")]


def _names(fragment: str) -> list[str]:
    """The words of each link or summary, icons left out."""
    items = re.findall(r"<(?:a|summary|button)\b[^>]*>(.*?)</(?:a|summary|button)>", fragment, re.S)
    return [re.sub(r"<svg.*?</svg>", "", item, flags=re.S).strip() for item in items]


def test_the_phone_bar_has_five_places_and_more_holds_the_rest(owner_client):
    nav = _nav(owner_client.get(reverse("today:today")).content.decode())
    phone = re.sub(r'<li class="nav-wide">.*?</li>', "", nav, flags=re.S)
    more = phone[phone.index('<details class="nav-more">') :]
    bar = phone[: phone.index('<details class="nav-more">')]
    assert _names(bar) == ["Today", "Circle", "Moment", "Journal"]
    assert _names(more) == [
        "More", "Moments", "Check-ins", "Safety plan", "Insights", "Mirror", "Growth", "Search",
        "Settings", "Log out",
    ]  # fmt: skip
    assert 'aria-label="Log a moment"' in bar
    assert f'<form method="post" action="{reverse("core:logout")}" data-logout>' in more
    assert 'name="csrfmiddlewaretoken"' in more
    # Each place has its icon, drawn in the text's colour and hidden from screen readers.
    assert bar.count('<svg class="icon"') == 4 and more.count('<svg class="icon"') == 10


def test_wide_screens_keep_every_part_in_one_row(owner_client):
    nav = _nav(owner_client.get(reverse("today:today")).content.decode())
    wide = nav[: nav.index('<details class="nav-more">')]
    wide = re.sub(r'<li class="nav-phone">.*?</li>', "", wide, flags=re.S)
    assert _names(wide) == [
        "Today",
        "Circle",
        "Moments",
        "Journal",
        "Check-ins",
        "Safety plan",
        "Insights",
        "Mirror",
        "Growth",
    ]


@pytest.mark.parametrize(
    ("name", "current"),
    [("today:today", "Today"), ("journal:list", "Journal"), ("checkins:index", "Check-ins"),
     ("moments:quick", "Moment"), ("moments:list", "Moments"), ("search:everything", "Search"),
     ("mirror:rounds", "Mirror"), ("growth:home", "Growth")],
)  # fmt: skip
def test_the_page_one_is_on_is_marked_in_both(owner_client, name, current):
    nav = _nav(owner_client.get(reverse(name)).content.decode())
    marked = re.findall(r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', nav, re.S)
    words = {re.sub(r"<svg.*?</svg>", "", m, flags=re.S).strip() for m in marked}
    assert words == {current}


def test_logged_out_pages_have_no_navigation(owner, anon_client):
    html = anon_client.get(reverse("core:login")).content.decode()
    assert 'class="main-nav"' not in html and "Need help now" in html
