"""Push wake-ups go to browsers' push services only: an https address with a host name."""

from __future__ import annotations

import pytest

from tending.pwa.endpoints import ENDPOINT_LONGEST, endpoint_problem, reaches_inside

ENDPOINT = "https://push.example.net/wake/abc123"


@pytest.mark.parametrize(
    ("endpoint", "problem"),
    [
        (ENDPOINT, None),
        ("https://fcm.googleapis.com/fcm/send/x", None),
        ("https://updates.push.services.mozilla.com:443/wpush/v2/x", None),
        ("http://push.example.net/x", "not an https address"),
        ("https://127.0.0.1/x", "a bare IP address"),
        ("https://[::1]/x", "a bare IP address"),
        ("https://10.0.0.8/x", "a bare IP address"),
        ("https://localhost/x", "a local address"),
        ("https://printer.local/x", "a local address"),
        ("https://db.internal/x", "a local address"),
        ("https://push.example.net/x\x00y", "not an address"),  # PostgreSQL keeps no NUL
        ("https://push.example.net/a\nb", "not an address"),
        ("https://push.example.net/\u202ex", "not an address"),
        ("https://push.exаmple.net/x", "not an address"),  # a Cyrillic а
        ("https://tending.localhost/x", "a local address"),
        ("https://intranet/x", "a local address"),
        ("https://push.example.net:8443/x", "not the usual https port"),
        ("https://user:pw@push.example.net/x", "not an https address"),
        ("https://push.example.net:99999/x", "not an address"),
        ("https:///x", "not an https address"),
        ("", "no address"),
        (None, "no address"),
        ("https://push.example.net/" + "x" * 1000, "address too long"),
    ],
)
def test_only_a_push_service_is_sent_to(endpoint, problem):
    assert endpoint_problem(endpoint) == problem


def test_the_longest_allowed_address_is_taken():
    # As long as the database keeps (PushSubscription.endpoint: 1,000 characters), no longer.
    longest = "https://push.example.net/" + "x" * 975
    assert len(longest) == ENDPOINT_LONGEST == 1000
    assert endpoint_problem(longest) is None
    assert endpoint_problem(longest + "x") == "address too long"


@pytest.mark.parametrize(
    ("addresses", "inside"),
    [
        (["203.0.113.7"], True),  # documentation range: not global
        (["142.250.185.78"], False),
        (["142.250.185.78", "2a00:1450:4001:82a::200a"], False),
        (["142.250.185.78", "127.0.0.1"], True),  # one way in is enough
        (["10.1.2.3"], True),
        (["192.168.1.20"], True),
        (["169.254.169.254"], True),  # a cloud's metadata service
        (["::1"], True),
        (["fe80::1%eth0"], True),
        (["2a00:1450:4001:82a::200a%eth0"], False),  # a zone named after the address
        (["::ffff:127.0.0.1"], True),
        (["not an address"], True),
        ([], True),  # no answer: nothing sent
    ],
)
def test_a_name_that_leads_inside_is_caught(addresses, inside):
    assert reaches_inside(addresses) is inside
