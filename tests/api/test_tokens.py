"""Personal access tokens: made in Settings and shown once, hashed, read-only or read-write,
expiring, revocable, rate-limited; and the browser's own session with its CSRF token."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tending.api.models import AccessToken
from tending.api.tokens import make_token
from tending.core.tokens import token_hash
from tests.api.conftest import ApiClient
from tests.factories import PersonFactory
from tests.routes import assert_page_is_self_contained

pytestmark = pytest.mark.django_db


def test_making_a_token_shows_it_once_and_keeps_only_its_hash(owner_client, owner):
    page = owner_client.post(
        reverse("api:tokens"), {"name": "phone", "access": "write", "lasts": "30"}
    )
    assert page.status_code == 200
    token = AccessToken.objects.get(owner=owner)
    html = page.content.decode()
    secret = html.split('id="token-secret" value="')[1].split('"')[0]
    assert secret.startswith("tnd_") and len(secret) > 40
    assert token.token_hash == token_hash(secret) and secret not in str(vars(token))
    assert token.can_write and token.name == "phone"
    assert token.expires_at - timezone.now() > timedelta(days=29, hours=23)
    again = owner_client.get(reverse("api:tokens")).content.decode()
    assert secret not in again and "phone" in again and token.hint in again
    assert ApiClient(secret).get("people").status_code == 200


def test_a_token_needs_a_name(owner_client, owner):
    page = owner_client.post(reverse("api:tokens"), {"name": "  ", "access": "read", "lasts": "30"})
    assert page.status_code == 400
    assert "Please give it a name" in page.content.decode()
    assert not AccessToken.objects.exists()


def test_revoking_stops_it_at_once(owner_client, owner):
    token, secret = make_token(owner, "script", can_write=False, days=None)
    assert ApiClient(secret).get("people").status_code == 200
    answer = owner_client.post(reverse("api:revoke", args=[token.pk]))
    assert answer.status_code == 302
    assert ApiClient(secret).get("people").status_code == 401


def test_another_account_cannot_revoke_mine(other_client, owner):
    token, secret = make_token(owner, "script", can_write=False, days=None)
    assert other_client.post(reverse("api:revoke", args=[token.pk])).status_code == 404
    assert ApiClient(secret).get("people").status_code == 200


def test_an_expired_token_no_longer_works(owner):
    _, secret = make_token(owner, "month", can_write=True, days=30)
    with time_machine.travel(timezone.now() + timedelta(days=29, hours=23)):
        assert ApiClient(secret).get("people").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=30, seconds=1)):
        answer = ApiClient(secret).get("people")
    assert answer.status_code == 401 and answer["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("secret", ["", "nonsense", "tnd_", "tnd_" + "x" * 43, "tnd_" + "y" * 500])
def test_unknown_tokens_are_refused(db, secret):
    assert ApiClient(secret).get("people").status_code == 401


def test_a_read_only_token_only_reads(owner):
    _, secret = make_token(owner, "reader", can_write=False, days=None)
    reader = ApiClient(secret)
    assert reader.get("people").status_code == 200
    answer = reader.post("people", {"name": "Sam"})
    assert answer.status_code == 403 and "only read" in answer.json()["detail"]
    person = PersonFactory(owner=owner)
    assert reader.delete(f"people/{person.pk}").status_code == 403
    assert reader.patch(f"people/{person.pk}", {"name": "X"}).status_code == 403


def test_last_used_is_noted_at_most_once_a_minute(owner):
    token, secret = make_token(owner, "t", can_write=False, days=None)
    assert token.last_used_at is None
    ApiClient(secret).get("people")
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    ApiClient(secret).get("people")
    token.refresh_from_db()
    assert token.last_used_at == first
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        ApiClient(secret).get("people")
    token.refresh_from_db()
    assert token.last_used_at > first


def test_a_token_is_rate_limited(owner, settings):
    settings.API_RATE_PER_MINUTE = 3
    _, secret = make_token(owner, "busy", can_write=False, days=None)
    _, other_secret = make_token(owner, "calm", can_write=False, days=None)
    busy = ApiClient(secret)
    assert [busy.get("people").status_code for _ in range(3)] == [200, 200, 200]
    refused = busy.get("people")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert ApiClient(other_secret).get("people").status_code == 200  # counted per token
    with time_machine.travel(timezone.now() + timedelta(minutes=1, seconds=1)):
        assert busy.get("people").status_code == 200


def test_the_signed_in_browser_may_call_with_its_csrf_token(owner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    assert browser.get("/api/v1/people").status_code == 200
    refused = browser.post("/api/v1/people", '{"name": "Sam"}', content_type="application/json")
    assert refused.status_code == 403
    browser.get(reverse("api:docs"))
    token = browser.cookies["csrftoken"].value
    made = browser.post(
        "/api/v1/people",
        '{"name": "Sam"}',
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert made.status_code == 201


def test_nobody_gets_401_with_a_way_in(db):
    answer = Client().get("/api/v1/people")
    assert answer.status_code == 401 and "Bearer" in answer.json()["detail"]


def test_the_description_and_the_docs_page(owner_client):
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "tending" and "/api/v1/people" in schema["paths"]
    page = owner_client.get(reverse("api:docs"))
    assert page.status_code == 200
    assert_page_is_self_contained(page, "api docs")
    html = page.content.decode()
    assert "vendor/swagger-ui/swagger-ui-bundle.js" in html and "/api/v1/openapi.json" in html
    assert "default-src 'self'" in page["Content-Security-Policy"]
    assert "script-src 'self'" in page["Content-Security-Policy"]


def test_an_unknown_method_answers_json(owner_api):
    answer = owner_api.put("people")
    assert answer.status_code == 405 and answer.json()["detail"]
