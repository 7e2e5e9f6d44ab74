"""core.auth reads the signed-in user quickly and otherwise exactly as Django's get_user does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tending.core.auth import read_user, signed_in_user
from tending.core.models import User
from tending.core.sessions import SessionStore

pytestmark = pytest.mark.django_db

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def person():
    user = User.objects.create_user("rowan", password="a long pass phrase", time_zone="Asia/Tokyo")
    User.objects.filter(pk=user.pk).update(
        last_login=datetime(2026, 11, 30, 21, 15, 7, 123456, tzinfo=UTC),
        first_name="Rowan",
        is_staff=True,
    )
    return User.objects.get(pk=user.pk)


def request_with(session_data: dict):
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request.session.update(session_data)
    request.session.create()
    return request


def signed_in_as(user, backend=BACKEND, **extra):
    data = {
        auth.SESSION_KEY: str(user.pk),
        auth.BACKEND_SESSION_KEY: backend,
        auth.HASH_SESSION_KEY: user.get_session_auth_hash(),
    }
    data.update(extra)
    return request_with(data)


def fields_of(user) -> dict:
    return {f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields}


def test_the_user_read_is_the_orms_user_field_for_field(person):
    quick = read_user(person.pk)
    assert type(quick) is User
    assert fields_of(quick) == fields_of(person)
    assert quick.last_login == datetime(2026, 11, 30, 21, 15, 7, 123456, tzinfo=UTC)
    assert quick.last_login.utcoffset() is not None
    assert quick.is_active is True and quick.is_staff is True and quick.is_superuser is False
    assert quick._state.adding is False and quick._state.db == "default"
    assert quick.zone.key == "Asia/Tokyo"


def test_no_such_user_reads_as_none(person):
    assert read_user(person.pk + 1000) is None


def test_a_signed_in_session_gives_its_user_in_one_query(person, monkeypatch):
    monkeypatch.setattr(auth, "get_user", lambda request: pytest.fail("not the quick way"))
    request = signed_in_as(person)
    request.session.load()  # the session's own read is not the user's
    with CaptureQueriesContext(connection) as queries:
        user = signed_in_user(request)
    assert user == person and fields_of(user) == fields_of(person)
    assert len(queries) == 1


def test_a_session_without_a_user_is_anonymous():
    request = request_with({"words": "kept search"})
    assert isinstance(signed_in_user(request), AnonymousUser)


def test_a_changed_password_ends_the_session(person):
    request = signed_in_as(person)
    person.set_password("another long pass phrase")
    person.save()
    assert isinstance(signed_in_user(request), AnonymousUser)
    assert auth.SESSION_KEY not in request.session  # flushed, as Django does


def test_a_session_without_its_hash_ends(person):
    request = signed_in_as(person)
    del request.session[auth.HASH_SESSION_KEY]
    assert isinstance(signed_in_user(request), AnonymousUser)
    assert auth.SESSION_KEY not in request.session


def test_an_inactive_user_is_not_signed_in(person):
    User.objects.filter(pk=person.pk).update(is_active=False)
    assert isinstance(signed_in_user(signed_in_as(person)), AnonymousUser)


def test_a_deleted_user_is_not_signed_in(person):
    request = signed_in_as(person)
    User.objects.filter(pk=person.pk).delete()
    assert isinstance(signed_in_user(request), AnonymousUser)


def test_a_backend_not_in_use_is_not_trusted(person):
    request = signed_in_as(person, backend="somewhere.else.Backend")
    assert isinstance(signed_in_user(request), AnonymousUser)


@pytest.mark.parametrize("user_id", ["x1", "²", "\u0661", " 1", ""])
def test_a_user_id_that_is_not_plain_digits_goes_the_django_way(person, monkeypatch, user_id):
    asked = []
    monkeypatch.setattr(auth, "get_user", lambda request: asked.append(request) or "django's")
    request = signed_in_as(person)
    request.session[auth.SESSION_KEY] = user_id
    assert signed_in_user(request) == "django's" and asked == [request]


def test_a_hash_made_with_an_older_secret_is_kept_and_renewed(person, settings):
    old_hash = person.get_session_auth_hash()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a brand new secret key for this test, long enough" * 2
    request = signed_in_as(person)
    request.session[auth.HASH_SESSION_KEY] = old_hash
    user = signed_in_user(request)
    assert user == person
    assert request.session[auth.HASH_SESSION_KEY] == person.get_session_auth_hash() != old_hash


def test_a_page_sees_the_user_through_the_middleware(client, person):
    client.force_login(person)
    page = client.get("/today/")
    assert page.status_code == 200
    assert page.wsgi_request.user == person
    person.set_password("another long pass phrase")
    person.save()
    again = client.get("/today/")
    assert again.status_code == 302 and again["Location"].startswith("/login/")


def test_the_model_backend_is_not_trusted_once_it_is_no_longer_configured(person, settings):
    request = signed_in_as(person)
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.RemoteUserBackend"]
    assert isinstance(signed_in_user(request), AnonymousUser)
