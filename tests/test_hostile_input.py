"""Hostile parameters on every route: a clear answer, never a 500 (run on both databases).

NUL bytes, numbers too big for any column, very long text and odd `next=` values go to every
route as query parameters and as form data, by GET and by POST.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.routes import OBJECT_ARGUMENTS, ROUTES, url_kwargs

pytestmark = pytest.mark.django_db

HOSTILE = [
    "a\x00b",
    "\x00",
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "-1",
    "１２",  # full-width digits: digits to Python, not to the database
    "x" * 10_000,
    "up",
    "//evil.example/",
    "/\\evil.example",
    "http://evil.example/",
    "http://testserver/today/",
    "javascript:alert(1)",
    "/today/\r\nSet-Cookie: x=1",
    "2026-02-30",
    "9999-12-31T23:59",
    "0001-01-01T00:00",
]
# Parameters views read themselves, and the fields of every form tending shows.
PARAMETERS = [
    "next", "prompt_id", "prompt", "person", "people", "tag", "since", "until", "q", "s",
    "page", "another", "region", "open", "part", "direction", "action", "archived", "kind",
    "month", "year", "day", "occurred_at", "when", "rhythm_days", "value", "instrument",
    "frequency", "title", "body", "written_on", "name", "text", "phone", "number",
]  # fmt: skip
SKIPPED = {"core:logout"}  # logs the client out; it reads no parameters


def _form_fields(response) -> list[str]:
    names = []
    for context in response.context or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            fields = getattr(value, "fields", None)
            if isinstance(fields, dict):
                names += list(fields)
    return names


def test_item_7_no_route_answers_hostile_parameters_with_a_500(owner):
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    failures = []
    for name, args in ROUTES:
        if name in SKIPPED:
            continue
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        kwargs = {arg: "not-a-real-secret" for arg in args}  # e.g. the calendar feed's token
        kwargs.update(url_kwargs(args, objects))
        url = reverse(name, kwargs=kwargs)
        fields = sorted(set(PARAMETERS + _form_fields(client.get(url))))
        for value in HOSTILE:
            data = dict.fromkeys(fields, value)
            for method in (client.get, client.post):
                response = method(url, data)
                if response.status_code >= 500:
                    failures.append(f"{method.__name__.upper()} {name} {value[:30]!r}")
                location = response.get("Location", "")
                if location and not location.startswith("/"):
                    failures.append(f"{name} redirects off the site to {location[:60]!r}")
    assert not failures, "\n".join(failures)
