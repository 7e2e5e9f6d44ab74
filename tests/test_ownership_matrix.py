"""Every route, walked by the owner, another account and nobody: 200 / 404 / login.

The routes come from the URL configuration, so a new route is covered without anyone
remembering to add it here; a route with an object argument this file does not know fails.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

# Pages anyone may see without an account.
PUBLIC = {"core:home", "core:welcome", "core:login", "core:logout", "safety:crisis"}
# Reached without login but only with a secret in the URL; each has its own tests of a
# wrong, revoked and another person's secret (tests/today/test_calendar.py).
SECRET_LINKS = {"today:feed"}


def make_person(owner):
    return PersonFactory(owner=owner, name="Marker Person Name")


def make_moment(owner):
    return MomentFactory(owner=owner, people=[make_person(owner)], note="Marker moment note")


def make_rating(owner):
    return ClosenessRatingFactory(person=make_person(owner))


def make_plan_entry(owner):
    from tests.factories import PlanEntryFactory

    return PlanEntryFactory(owner=owner, part="warning-signs", text="Marker plan line")


def make_plan_helper(owner):
    from tests.factories import PlanHelperFactory

    safe = PersonFactory(owner=owner, name="Marker Safe Person", is_safe=True, phone="0170 123")
    return PlanHelperFactory(person=safe)


def make_own_crisis_line(owner):
    from tests.factories import OwnCrisisLineFactory

    return OwnCrisisLineFactory(owner=owner, name="Marker crisis line")


def make_checkin(owner):
    from tending.checkins.registry import get_instrument
    from tending.checkins.services import save_checkin

    inst = get_instrument("connection")
    return save_checkin(owner, inst, {item.id: 2 for item in inst.items})


def make_journal_entry(owner):
    from tests.factories import JournalEntryFactory

    return JournalEntryFactory(
        owner=owner, title="Marker journal title", body="Marker journal body"
    )


# URL arguments that name something shared by everyone (not a private row), with a value.
PLAIN_ARGUMENTS = {"instrument": "connection"}

# Each URL argument names a kind of private row, and how to make one for an owner.
OBJECT_ARGUMENTS = {
    "checkin_id": make_checkin,
    "person_id": make_person,
    "moment_id": make_moment,
    "rating_id": make_rating,
    "entry_id": make_plan_entry,
    "helper_id": make_plan_helper,
    "line_id": make_own_crisis_line,
    "journal_entry_id": make_journal_entry,
}


def walk(patterns, namespace: str = "", prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, inner or namespace, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, list(entry.pattern.converters)


ROUTES = sorted(
    (name, args)
    for name, args in walk(get_resolver().url_patterns)
    if not name.startswith(("djdt", "static"))
)
PRIVATE = [(name, args) for name, args in ROUTES if name not in PUBLIC | SECRET_LINKS]


def test_the_matrix_sees_the_routes():
    names = {name for name, _ in ROUTES}
    assert {"circle:circle", "circle:person", "moments:detail", "moments:quick"} <= names
    assert names >= PUBLIC


def assert_page_is_self_contained(response, url: str) -> None:
    """No inline script or style, and nothing loaded from another host."""
    if "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    assert "<script>" not in html and "<script " not in html.replace("<script src=", ""), url
    assert "style=" not in html and "<style" not in html, url
    assert "http://" not in html and "https://" not in html, url


@pytest.mark.parametrize(("name", "args"), PRIVATE, ids=[n for n, _ in PRIVATE])
def test_route_is_private_to_its_owner(name, args, owner, owner_client, other_client, anon_client):
    unknown = [a for a in args if a not in OBJECT_ARGUMENTS and a not in PLAIN_ARGUMENTS]
    assert not unknown, f"{name} takes {unknown}: add a maker for it to OBJECT_ARGUMENTS"
    # The owner has one row of every kind, so list pages have something they could leak.
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
    kwargs = {arg: obj.pk for arg, obj in objects.items()}
    kwargs.update({arg: PLAIN_ARGUMENTS[arg] for arg in args if arg in PLAIN_ARGUMENTS})
    url = reverse(name, kwargs=kwargs)

    response = anon_client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))
    response = anon_client.post(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))

    owner_get = owner_client.get(url)
    assert owner_get.status_code in (200, 405), f"owner got {owner_get.status_code} at {url}"
    assert_page_is_self_contained(owner_get, url)

    other_get = other_client.get(url)
    assert "Marker" not in other_get.content.decode(), f"{url} shows the owner's rows"
    other_post = other_client.post(url)
    if objects:
        assert other_get.status_code in (404, 405), f"another account got {other_get.status_code}"
        assert other_post.status_code == 404, f"another account's POST got {other_post.status_code}"
    else:
        assert other_get.status_code in (200, 405)
        assert other_post.status_code in (200, 204, 302, 400, 405)
        assert "Marker" not in other_post.content.decode()
    for obj in every_kind.values():
        before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
        obj.refresh_from_db()  # still there, unchanged by the other account
        assert {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields} == before

    if owner_get.status_code == 405:
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
