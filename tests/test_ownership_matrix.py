"""Every route, walked by the owner, another account and nobody: 200 / 404 / login.

The routes come from the URL configuration, so a new route is covered without anyone
remembering to add it here; a route with an object argument tests/routes.py does not know fails.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.routes import (
    ADMIN_ONLY,
    OBJECT_ARGUMENTS,
    PRIVATE,
    PUBLIC,
    ROUTES,
    assert_page_is_self_contained,
    make_moment,
    make_person,
    unknown_arguments,
    url_kwargs,
)

pytestmark = pytest.mark.django_db


def test_the_matrix_sees_the_routes():
    names = {name for name, _ in ROUTES}
    assert {"circle:circle", "circle:person", "moments:detail", "moments:quick"} <= names
    assert names >= PUBLIC | ADMIN_ONLY


@pytest.mark.parametrize(("name", "args"), PRIVATE, ids=[n for n, _ in PRIVATE])
def test_route_is_private_to_its_owner(name, args, owner, owner_client, other_client, anon_client):
    unknown = unknown_arguments(args)
    assert not unknown, f"{name} takes {unknown}: add a maker for it to OBJECT_ARGUMENTS"
    # The owner has one row of every kind, so list pages have something they could leak.
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
    url = reverse(name, kwargs=url_kwargs(args, objects))

    response = anon_client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))
    response = anon_client.post(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))

    owner_get = owner_client.get(url)
    # A POST-only address sends a GET on to the page with its form (302).
    assert owner_get.status_code in (200, 302), f"owner got {owner_get.status_code} at {url}"
    assert_page_is_self_contained(owner_get, url)

    other_get = other_client.get(url)
    followed = other_get.status_code == 302 and owner_get.status_code == 302
    if followed:
        # The same redirect for any id; the page it leads to checks ownership itself.
        assert other_get["Location"] == owner_get["Location"]
        other_get = other_client.get(other_get["Location"])
    assert "Marker" not in other_get.content.decode(), f"{url} shows the owner's rows"
    other_post = other_client.post(url)
    if objects:
        allowed = (200, 404) if followed else (404,)  # a form page of one's own, or 404
        assert other_get.status_code in allowed, f"another account got {other_get.status_code}"
        assert other_post.status_code == 404, f"another account's POST got {other_post.status_code}"
    elif name in ADMIN_ONLY:  # not there for an account that is no administrator
        assert other_get.status_code == 404, f"another account got {other_get.status_code}"
        assert other_post.status_code == 404, f"another account's POST got {other_post.status_code}"
    else:
        assert other_get.status_code == 200
        assert other_post.status_code in (200, 204, 302, 400, 405)
        assert "Marker" not in other_post.content.decode()
    for obj in every_kind.values():
        if not hasattr(obj, "_meta"):  # a file, not a row (tests/routes.py make_upload)
            assert obj.still_there(), f"{url} let another account remove the owner's file"
            continue
        before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
        obj.refresh_from_db()  # still there, unchanged by the other account
        assert {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields} == before

    if owner_get.status_code == 302:
        assert owner_client.post(url).status_code in (200, 204, 302, 400)


@pytest.mark.parametrize("name", sorted(PUBLIC - {"core:logout"}))
def test_public_pages_are_self_contained(name, anon_client):
    response = anon_client.get(reverse(name), follow=True)
    assert response.status_code == 200
    assert_page_is_self_contained(response, name)


def test_a_missing_row_gets_a_friendly_page(other_client, owner):
    person = make_person(owner)
    response = other_client.get(reverse("circle:person", args=[person.pk]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is nothing here" in page and "Marker" not in page


def test_lists_show_only_ones_own_rows(owner, other, owner_client, other_client):
    make_moment(owner)
    for url in (
        reverse("circle:circle"),
        reverse("moments:list"),
        reverse("moments:quick"),
        reverse("moments:add"),
    ):
        assert "Marker" in owner_client.get(url).content.decode(), url
        assert "Marker" not in other_client.get(url).content.decode(), url
