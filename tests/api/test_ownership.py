"""Every API operation, called by another account and by nobody: 404 / 401, nothing changed.

The operations come from the API itself, so a new endpoint is covered without anyone
remembering to add it here; one whose path argument tests/routes.py cannot make fails.
"""

from __future__ import annotations

import re

import pytest

from tending.api.main import api
from tests.routes import OBJECT_ARGUMENTS, PLAIN_ARGUMENTS

pytestmark = pytest.mark.django_db

NOBODY_ID = 2**62  # a row id no test makes


def api_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, path as written in the API (with {arguments})."""
    found = []
    for prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                for method in operation.methods:
                    found.append((method, (prefix + path).replace("//", "/").lstrip("/")))
    return sorted(set(found))


OPERATIONS = api_operations()


def arguments(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def filled(path: str, values: dict[str, int]) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), path)


def snapshot(rows: dict) -> dict:
    seen = {}
    for arg, row in rows.items():
        if hasattr(row, "_meta"):
            row.refresh_from_db()
            seen[arg] = {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}
    return seen


DESCRIPTION = api.get_openapi_schema()


def _resolved(schema: dict) -> dict:
    while "$ref" in schema:
        schema = DESCRIPTION["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def example(schema: dict):
    """A value the schema takes, as plain as it can be: what a careless client would send."""
    schema = _resolved(schema)
    for choice in schema.get("anyOf", []):
        if _resolved(choice).get("type") != "null":
            return example(choice)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        required = schema.get("required", [])
        return {name: example(schema["properties"][name]) for name in required}
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if schema.get("format") == "date":
        return "2026-01-05"
    if schema.get("format") == "date-time":
        return "2026-01-05T10:00:00+00:00"
    return "x" * max(1, schema.get("minLength", 1))


def request_body(method: str, path: str) -> dict | None:
    """A body with every required field, so that a write reaches its ownership check rather
    than stopping at the schema's (which would prove nothing about ownership)."""
    operation = DESCRIPTION["paths"][f"/api/v1/{path}"][method.lower()]
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return {} if method in ("POST", "PATCH", "PUT") else None
    return example(content["schema"])


def test_the_matrix_sees_the_operations():
    assert ("GET", "people") in OPERATIONS
    assert ("PATCH", "people/{person_id}") in OPERATIONS
    assert len(OPERATIONS) >= 7


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_is_private_to_its_owner(method, path, owner, owner_api, other_api, anon_api):
    unknown = [a for a in arguments(path) if a not in OBJECT_ARGUMENTS | PLAIN_ARGUMENTS]
    assert not unknown, f"{path} takes {unknown}: add a maker to tests/routes.py OBJECT_ARGUMENTS"
    # The owner has one row of every kind, so a list could leak them.
    rows = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    before = snapshot(rows)
    # An argument naming something everyone shares (a check-in's id) keeps its plain value.
    private = [a for a in arguments(path) if a in OBJECT_ARGUMENTS]
    url = filled(path, {**PLAIN_ARGUMENTS, **{arg: rows[arg].pk for arg in private}})
    call = method.lower()

    body = request_body(method, path)
    nobody = anon_api.call(call, url, body)
    assert nobody.status_code == 401, f"{method} {url} answered {nobody.status_code} to nobody"

    theirs = other_api.call(call, url, body)
    assert theirs.status_code < 500
    assert "Marker" not in theirs.content.decode(), f"{method} {url} shows the owner's rows"
    if private:
        # The owner's row does not exist for them: the very answer a row nobody has gets.
        missing = other_api.call(
            call, filled(path, {**PLAIN_ARGUMENTS, **dict.fromkeys(private, NOBODY_ID)}), body
        )
        assert (theirs.status_code, theirs.content) == (missing.status_code, missing.content)
        assert theirs.status_code == 404, f"{method} {url}: {theirs.status_code} {theirs.content}"
    assert snapshot(rows) == before, f"{method} {url} changed the owner's rows"
    for row in rows.values():
        if not hasattr(row, "_meta"):
            assert row.still_there()

    mine = owner_api.call(call, url, body)
    assert mine.status_code < 500, f"the owner's {method} {url} failed: {mine.content[:300]}"
