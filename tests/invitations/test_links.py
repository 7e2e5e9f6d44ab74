"""Where a link made at the terminal points (tending/invitations/links.py, pure)."""

from __future__ import annotations

import pytest

from tending.invitations.links import PERSONAL_BASE, clean_base_url, default_base


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://tending.example.org", "https://tending.example.org"),
        ("  https://tending.example.org/ ", "https://tending.example.org"),
        ("http://192.168.1.20:8000//", "http://192.168.1.20:8000"),
        ("https://example.org/tending/", "https://example.org/tending"),
        ("HTTPS://Example.org", "HTTPS://Example.org"),
    ],
)
def test_an_address_is_kept_without_its_last_slash(given, kept):
    assert clean_base_url(given) == kept


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("tending.example.org", "is not a web address"),
        ("ftp://tending.example.org", "is not a web address"),
        ("https://", "is not a web address"),
        ("", "is not a web address"),
        ("https://tending.example.org/?x=1", "after ? or #"),
        ("https://tending.example.org/#top", "after ? or #"),
        ("https://tending.example.org/a b", "leave out spaces"),
    ],
)
def test_anything_else_is_refused_with_words_to_act_on(given, said):
    with pytest.raises(ValueError, match=said.replace("?", r"\?")):
        clean_base_url(given)


def test_without_an_address_a_hosted_server_uses_its_first_host_name():
    assert default_base(True, ["tending.example.org", "other.example.org"]) == (
        "https://tending.example.org"
    )
    assert default_base(True, [".example.org"]) == "https://example.org"
    assert default_base(True, ["*"]) is None
    assert default_base(True, ["*.example.org"]) is None
    assert default_base(True, ["."]) is None
    assert default_base(True, []) is None


def test_a_personal_tending_links_to_where_it_starts():
    assert default_base(False, ["192.168.1.20"]) == PERSONAL_BASE == "http://127.0.0.1:8000"
