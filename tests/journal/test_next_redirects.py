"""`next=` leads back into tending only: a path on this site, never another host or scheme."""

import pytest
from django.test import Client
from django.urls import reverse

from tending.journal.prompts import library
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = "/today/"


def _hide(client, target, **extra):
    data = {"prompt_id": library()[0].id, "next": target}
    return client.post(reverse("journal:hide_prompt"), data, **extra)


def test_item_7_next_up_is_not_a_view_name_and_not_a_500(owner_client):
    response = _hide(owner_client, "up")
    assert response.status_code == 302 and response["Location"] == TODAY


@pytest.mark.parametrize(
    "target",
    [
        "http://testserver/today/",  # same host, but plain http from an https page
        "https://testserver/today/",  # absolute: tending only ever sends relative paths
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "today/",
    ],
)
def test_item_8_hosted_next_never_leaves_the_site_or_drops_to_http(owner, target):
    client = Client()
    client.force_login(owner)
    response = _hide(client, target, secure=True)
    assert response.status_code == 302 and response["Location"] == TODAY


def test_item_8_a_relative_path_is_followed(owner_client):
    response = _hide(owner_client, "/today/?another=2#prompt", secure=True)
    assert response["Location"] == "/today/?another=2#prompt"


def test_item_8_login_follows_the_same_rule(db):
    UserFactory(username="sam", password="a long secret phrase")
    client = Client()
    data = {"username": "sam", "password": "a long secret phrase"}
    response = client.post(
        reverse("core:login") + "?next=http://testserver/circle/", data, secure=True
    )
    assert response.status_code == 302 and response["Location"] != "http://testserver/circle/"
    client.logout()
    response = client.post(reverse("core:login") + "?next=/circle/", data, secure=True)
    assert response["Location"] == "/circle/"
