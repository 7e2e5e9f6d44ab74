"""Item 14: where a `next=` may send someone, pinned at every limit."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from tending.core.redirects import MAX_NEXT_CHARS, back_to, safe_next_url

PLAIN = RequestFactory().get("/")
SECURE = RequestFactory().get("/", secure=True)


def test_item_14_a_next_of_up_to_two_thousand_characters_is_followed():
    assert MAX_NEXT_CHARS == 2000
    longest = "/" + "a" * 1999
    assert safe_next_url(PLAIN, longest) == longest
    assert safe_next_url(PLAIN, longest + "a") is None


@pytest.mark.parametrize("char", ["\x00", "\x1f", "\x7f"])
def test_item_14_control_characters_are_refused(char):
    assert safe_next_url(PLAIN, f"/today/{char}x") is None


@pytest.mark.parametrize("char", [" ", "~", "\x80", "é"])
def test_item_14_characters_next_to_the_control_ones_are_followed(char):
    assert safe_next_url(PLAIN, f"/today/{char}x") == f"/today/{char}x"


@pytest.mark.parametrize("target", [None, "", "today", "//evil.example", "/\\evil.example"])
def test_item_14_anything_but_a_path_on_this_site_is_refused(target):
    assert safe_next_url(PLAIN, target) is None


def test_item_14_a_secure_request_follows_only_paths():
    assert safe_next_url(SECURE, "/today/?another=2") == "/today/?another=2"
    assert safe_next_url(PLAIN, "/today/") == "/today/"


def test_item_14_back_to_the_next_or_else_the_fallback():
    assert back_to(PLAIN, "/journal/", "core:home")["Location"] == "/journal/"
    assert back_to(PLAIN, "//evil.example", "core:home")["Location"] == "/"
