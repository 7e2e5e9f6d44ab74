"""Five failed logins for a name from one address, and further tries wait fifteen minutes."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.core.models import LoginThrottle
from tending.core.throttle import client_address, count_try, username_key

pytestmark = pytest.mark.django_db

RIGHT = "a-long-test-password"


def try_login(username: str, password: str, address: str = "10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(
        reverse("core:login"), {"username": username, "password": password}
    )


def without_tokens(response) -> str:
    # The CSRF token is in the form and in the htmx headers; it differs on every answer.
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


def test_the_sixth_try_is_refused_even_with_the_right_password(owner):
    for _ in range(5):
        response = try_login("owner", "wrong")
        assert response.status_code == 200
        assert "did not match" in response.content.decode()
    refused = try_login("owner", RIGHT)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    page = refused.content.decode()
    assert "try again in 15 minutes" in page
    assert "sessionid" not in refused.cookies


def test_an_unknown_name_gets_exactly_the_same_answers(owner):
    for attempt in range(6):
        real = try_login("owner", "wrong", address="10.0.0.2")
        unknown = try_login("nobody-here", "wrong", address="10.0.0.2")
        assert real.status_code == unknown.status_code == (429 if attempt == 5 else 200)
        assert without_tokens(real).replace("owner", "NAME") == without_tokens(unknown).replace(
            "nobody-here", "NAME"
        )
        assert real.get("Retry-After") == unknown.get("Retry-After")


def test_after_fifteen_minutes_the_right_password_works(owner):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            try_login("owner", "wrong")
        assert try_login("owner", RIGHT).status_code == 429
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        refused = try_login("owner", RIGHT)
        assert refused.status_code == 429
        assert "try again in 1 minute." in refused.content.decode()
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        assert try_login("owner", RIGHT).status_code == 302
    assert not LoginThrottle.objects.exists()


def test_the_lock_is_for_that_name_from_that_address_only(owner, other):
    for _ in range(5):
        try_login("owner", "wrong", address="10.0.0.3")
    assert try_login("owner", RIGHT, address="10.0.0.3").status_code == 429
    assert try_login("owner", RIGHT, address="10.0.0.4").status_code == 302
    assert try_login("other", RIGHT, address="10.0.0.3").status_code == 302


def test_the_name_is_counted_whatever_its_case(owner):
    for name in ("owner", "Owner", "OWNER ", " owner", "oWner"):
        try_login(name, "wrong")
    assert try_login("owner", RIGHT).status_code == 429


def test_a_good_login_clears_the_count(owner):
    for _ in range(4):
        try_login("owner", "wrong")
    assert try_login("owner", RIGHT).status_code == 302
    for _ in range(4):
        try_login("owner", "wrong")
    assert try_login("owner", RIGHT).status_code == 302


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock(owner):
    start = timezone.now()
    for minute in (0, 5, 10, 14, 16, 20, 25, 29):
        with time_machine.travel(start + timedelta(minutes=minute), tick=False):
            try_login("owner", "wrong")
    with time_machine.travel(start + timedelta(minutes=29, seconds=30), tick=False):
        assert try_login("owner", RIGHT).status_code == 302


def test_old_rows_are_forgotten(owner):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        try_login("someone-else", "wrong")
    with time_machine.travel(start + timedelta(days=2), tick=False):
        try_login("owner", "wrong")
    assert list(LoginThrottle.objects.values_list("username_key", flat=True)) == [
        username_key("owner")
    ]


def test_the_typed_name_is_not_stored(owner):
    try_login("my-secret-password-in-the-wrong-box", "wrong")
    stored = LoginThrottle.objects.get()
    assert "secret" not in stored.username_key and len(stored.username_key) == 64


def test_tries_sent_together_are_counted_before_any_password_is_checked(owner):
    # Five tries counted as if they had all arrived at once, none answered yet.
    for _ in range(5):
        assert count_try("owner", "10.0.0.9") is None
    assert try_login("owner", RIGHT, address="10.0.0.9").status_code == 429


def test_an_ipv6_network_counts_as_one_address(owner):
    for host in range(5):
        try_login("owner", "wrong", address=f"2001:db8:1:2::{host + 1}")
    assert try_login("owner", RIGHT, address="2001:db8:1:2:ffff::9").status_code == 429
    assert try_login("owner", RIGHT, address="2001:db8:1:3::1").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy: the header is the visitor's to forge
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # a forged first entry is ignored
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (1, "", "127.0.0.1"),
        (1, "not-an-address", "0.0.0.0"),
        (1, "::ffff:203.0.113.9", "203.0.113.9"),
        (1, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
    ],
)
def test_the_address_behind_trusted_proxies(proxies, forwarded, expected):
    request = RequestFactory().post(
        "/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )
    with override_settings(PROXY_COUNT=proxies):
        assert client_address(request) == expected


# Look-alikes of "alice" that Django's login reads as "alice" (full-width letters, ideographic
# space) or that differ only in case: all are one person trying, so they share one count.
ALICE_LOOKALIKES = ["alice", "ａlice", "ＡＬＩＣＥ", "Alice", "alice\u3000", "ａｌｉｃｅ"]


def test_item_1_lookalike_names_share_the_count():
    from tests.factories import UserFactory

    UserFactory(username="alice")
    for name in ALICE_LOOKALIKES[:5]:
        assert try_login(name, "wrong", address="10.0.0.20").status_code == 200
    for name in ALICE_LOOKALIKES:
        refused = try_login(name, RIGHT, address="10.0.0.20")
        assert refused.status_code == 429, name
        assert "sessionid" not in refused.cookies


def test_item_1_fifteen_tries_over_three_variants_are_refused():
    from tests.factories import UserFactory

    UserFactory(username="alice")
    answers = [
        try_login(name, "wrong", address="10.0.0.21").status_code
        for _ in range(5)
        for name in ("alice", "ａlice", "ＡＬＩＣＥ")
    ]
    assert answers[:5] == [200] * 5 and set(answers[5:]) == {429}


# Characters whose compatibility forms differ: full-width, ligatures, superscripts, circled.
_LOOKALIKE_TEXT = st.text(
    alphabet=st.sampled_from("aAｂＢﬁﬀ¹②ǅ.@+-_ \u3000ß\u0301eé"), min_size=1, max_size=12
)


@given(typed=_LOOKALIKE_TEXT)
@settings(max_examples=300, deadline=None)
def test_item_1_the_key_is_that_of_the_name_django_authenticates(typed):
    """Whatever is typed, it is counted as the name Django's login form looks up."""
    from django.contrib.auth.forms import AuthenticationForm
    from django.core.exceptions import ValidationError

    try:  # the field whose value the form's clean() hands to authenticate()
        looked_up = AuthenticationForm().fields["username"].clean(typed)
    except ValidationError:  # nothing left to look up: no login could succeed
        return
    assert username_key(typed) == username_key(looked_up)
    assert username_key(typed) == username_key(looked_up.upper())
