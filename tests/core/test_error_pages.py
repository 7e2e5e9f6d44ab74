"""Error pages are tending's own, with "Need help now"; a GET of a POST-only address leads on."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.routes import OBJECT_ARGUMENTS, ROUTES, SECRET_LINKS, url_kwargs

DJANGO_WORDS = ("CSRF verification failed", "Forbidden", "Bad Request (400)", "Server Error")


def _is_tendings_page(response) -> None:
    html = response.content.decode()
    assert "Need help now" in html and "· tending</title>" in html, html[:300]
    assert not any(words in html for words in DJANGO_WORDS), html[:300]


@pytest.mark.django_db
def test_item_20_400_403_404_405_are_tendings_own_pages(owner, owner_client):
    response = owner_client.get("/no/such/page/")
    assert response.status_code == 404
    _is_tendings_page(response)

    response = owner_client.post(reverse("journal:hide_prompt"), {"prompt_id": "nope"})
    assert response.status_code == 400
    _is_tendings_page(response)

    response = Client().get("/", HTTP_HOST="not-a-host-tending-serves.example")
    assert response.status_code == 400
    _is_tendings_page(response)

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("core:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    _is_tendings_page(response)
    assert "Please try again" in response.content.decode()

    response = owner_client.put(reverse("moments:add"))
    assert response.status_code == 405 and "POST" in response["Allow"]
    _is_tendings_page(response)
    assert "frame-ancestors" in response["Content-Security-Policy"]  # headers kept


def test_item_20_the_500_page_needs_no_database():
    # No django_db mark: any query here fails the test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Need help now" in html and "What you saved before is safe" in html


@pytest.mark.django_db
def test_item_20_a_get_of_a_post_only_route_goes_to_its_form(owner, owner_client):
    response = owner_client.get(reverse("safety:entry_add"))
    assert response.status_code == 302 and response["Location"] == reverse("safety:plan")
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    post_only = []
    for name, args in ROUTES:
        if name == "core:logout" or name in SECRET_LINKS:
            continue
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        url = reverse(name, kwargs=url_kwargs(args, objects))
        response = owner_client.get(url)
        assert response.status_code != 405, f"GET {name} is an empty 405"
        if response.status_code == 302 and owner_client.post(url).status_code != 405:
            post_only.append(name)
            target = owner_client.get(response["Location"])
            assert target.status_code == 200, f"GET {name} leads to {response['Location']}"
    assert len(post_only) >= 18  # every @post_only view, each tested above
