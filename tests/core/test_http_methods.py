"""Every route answers GET, HEAD and POST only: HEAD wherever GET works, others get 405."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.routes import OBJECT_ARGUMENTS, PLAIN_ARGUMENTS, ROUTES, url_kwargs

pytestmark = pytest.mark.django_db

UNANSWERED = ("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO")


def every_url(owner) -> list[str]:
    """One URL per route, with a row of the owner's for each object argument."""
    objects = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    urls = []
    for name, args in ROUTES:
        known = {a: objects[a] for a in args if a in OBJECT_ARGUMENTS}
        kwargs = url_kwargs(args, known)
        # An argument that is neither (the calendar feed's secret): any value, same answer.
        kwargs.update({a: "not-a-real-token" for a in args if a not in kwargs})
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_item_8_unknown_methods_get_405_on_every_route(owner, owner_client, anon_client):
    for url in every_url(owner):
        for client in (owner_client, anon_client):
            for method in UNANSWERED:
                response = client.generic(method, url)
                assert response.status_code == 405, f"{method} {url}: {response.status_code}"
                assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST"}


def test_item_8_head_works_wherever_get_does(owner, owner_client, anon_client):
    assert len(ROUTES) > 30 and PLAIN_ARGUMENTS
    for url in every_url(owner):
        for client in (owner_client, anon_client):
            got = client.get(url)
            head = client.head(url)
            assert head.status_code == got.status_code, f"HEAD {url}: {head.status_code}"
            assert head.content == b""
            assert head.get("Content-Type") == got.get("Content-Type"), url
            assert head.get("Location") == got.get("Location"), url


def wsgi(method: str, path: str) -> tuple[str, dict[str, str], bytes]:
    """Ask the WSGI application itself, as a server would: the test client drops HEAD bodies."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test.client import RequestFactory

    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD=method)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    # As Django's test client does: a finished request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, start_response)
        body = b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body


def test_item_8_head_sends_no_body_but_says_its_length(owner):
    status, headers, body = wsgi("GET", reverse("core:login"))
    head_status, head_headers, head_body = wsgi("HEAD", reverse("core:login"))
    assert status == head_status == "200 OK"
    assert body and head_body == b""
    assert head_headers["Content-Length"] == headers["Content-Length"] == str(len(body))
