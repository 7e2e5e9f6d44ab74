"""Every page's headers: a strict CSP, no sniffing, no referrer, no framing, never cached.

And the CSRF check that goes with `Referrer-Policy: no-referrer`: browsers then send
`Origin: null` on same-site posts, which must pass, while foreign posts must not.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tending.core.security import CONTENT_SECURITY_POLICY
from tests.routes import (
    OBJECT_ARGUMENTS,
    ROUTES,
    SECRET_LINKS,
    unknown_arguments,
    url_kwargs,
)

pytestmark = pytest.mark.django_db

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def assert_private_headers(response, where: str) -> None:
    csp = policy(response["Content-Security-Policy"])
    for directive, value in EXPECTED_CSP.items():
        assert csp.get(directive) == value, f"{where}: {directive} is {csp.get(directive)!r}"
    assert not any("unsafe" in value for value in csp.values()), where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "no-referrer", where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Cache-Control"] == "no-store", where


def test_the_policy_is_the_one_served():
    assert policy(CONTENT_SECURITY_POLICY)["default-src"] == "'self'"


@pytest.mark.parametrize(("name", "args"), ROUTES, ids=[n for n, _ in ROUTES])
def test_every_page_sends_the_private_headers(name, args, owner, owner_client, anon_client):
    if name not in SECRET_LINKS:
        assert not unknown_arguments(args), f"{name}: add a maker to tests/routes.py"
    objects = {arg: OBJECT_ARGUMENTS[arg](owner) for arg in args if arg in OBJECT_ARGUMENTS}
    kwargs = url_kwargs(args, objects)
    if name in SECRET_LINKS:
        kwargs = {arg: "not-a-real-secret" for arg in args}
    url = reverse(name, kwargs=kwargs)
    for who, client in (("owner", owner_client), ("nobody", anon_client)):
        response = client.get(url)
        assert_private_headers(response, f"{who} at {url} ({response.status_code})")


def test_error_pages_send_them_too(owner_client):
    response = owner_client.get("/no/such/page/")
    assert response.status_code == 404
    assert_private_headers(response, "404")


def test_static_files_keep_their_own_caching(anon_client):
    response = anon_client.get("/static/tending/tending.css")
    assert response.status_code == 200
    assert response.get("Cache-Control") != "no-store"


# --- CSRF without referrers ------------------------------------------------------------


@pytest.fixture
def strict_client(owner) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    client.get(reverse("circle:person_add"))  # sets the csrftoken cookie
    return client


def add_person(client: Client, name: str, token: str = "", **headers):
    token = token or client.cookies["csrftoken"].value
    data = {"name": name, "kind": "friend", "ring": "middle", "csrfmiddlewaretoken": token}
    return client.post(reverse("circle:person_add"), data, headers=headers)


def test_a_same_site_post_without_referrer_is_accepted(strict_client, owner):
    response = add_person(strict_client, "Sam", origin="null", sec_fetch_site="same-origin")
    assert response.status_code == 302
    from tending.circle.models import Person

    assert Person.objects.filter(owner=owner, name="Sam").exists()


def test_an_old_browser_without_fetch_metadata_still_needs_the_token(strict_client):
    assert add_person(strict_client, "Kim", origin="null").status_code == 302
    response = add_person(strict_client, "Lee", token="x" * 32, origin="null")
    assert response.status_code == 403


@pytest.mark.parametrize("site", ["cross-site", "same-site", "none"])
def test_a_null_origin_from_elsewhere_is_refused(strict_client, owner, site):
    response = add_person(strict_client, "Mallory", origin="null", sec_fetch_site=site)
    assert response.status_code == 403
    from tending.circle.models import Person

    assert not Person.objects.filter(owner=owner, name="Mallory").exists()


def test_a_foreign_origin_is_refused(strict_client):
    response = add_person(
        strict_client, "Mallory", origin="https://evil.example", sec_fetch_site="same-origin"
    )
    assert response.status_code == 403


def test_the_own_origin_is_accepted(strict_client):
    assert add_person(strict_client, "Ana", origin="http://testserver").status_code == 302


def test_over_https_a_null_origin_needs_fetch_metadata(owner, settings):
    settings.SECURE_SSL_REDIRECT = False
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    client.get(reverse("circle:person_add"), secure=True)
    token = client.cookies["csrftoken"].value
    data = {"name": "Sam", "kind": "friend", "ring": "middle", "csrfmiddlewaretoken": token}
    url = reverse("circle:person_add")
    old_browser = client.post(url, data, secure=True, headers={"origin": "null"})
    assert old_browser.status_code == 403
    modern = client.post(
        url, data, secure=True, headers={"origin": "null", "sec_fetch_site": "same-origin"}
    )
    assert modern.status_code == 302
