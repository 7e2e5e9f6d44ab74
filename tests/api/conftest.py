"""API clients: the owner's and another account's, each with a read-write token."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tending.api.tokens import make_token


class ApiClient:
    """A test client that speaks JSON with a bearer token."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def call(self, method: str, path: str, body=None, **headers):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        kwargs = {"headers": {**self.headers, **headers}}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method)(url, **kwargs)

    def get(self, path, **kw):
        return self.call("get", path, **kw)

    def post(self, path, body=None, **kw):
        return self.call("post", path, body if body is not None else {}, **kw)

    def patch(self, path, body=None, **kw):
        return self.call("patch", path, body if body is not None else {}, **kw)

    def put(self, path, body=None, **kw):
        return self.call("put", path, body if body is not None else {}, **kw)

    def delete(self, path, **kw):
        return self.call("delete", path, **kw)


@pytest.fixture
def owner_api(owner) -> ApiClient:
    return ApiClient(make_token(owner, "tests", can_write=True, days=None)[1])


@pytest.fixture
def other_api(other) -> ApiClient:
    return ApiClient(make_token(other, "tests", can_write=True, days=None)[1])


@pytest.fixture
def anon_api(db) -> ApiClient:
    return ApiClient(None)
