"""The OpenAPI description itself: every schema named once, every operation documented."""

from __future__ import annotations

import importlib
import pkgutil

from ninja import Schema

import tending.api
from tending.api.main import api


def api_schema_classes() -> list[type]:
    found = []
    for module in pkgutil.iter_modules(tending.api.__path__):
        loaded = importlib.import_module(f"tending.api.{module.name}")
        found += [
            value
            for value in vars(loaded).values()
            if isinstance(value, type)
            and issubclass(value, Schema)
            and value.__module__ == loaded.__name__
        ]
    return found


def test_no_two_schemas_share_a_name():
    # django-ninja names the description's components by class name: a second class of the
    # same name in another part would silently stand for both.
    names = [cls.__name__ for cls in api_schema_classes()]
    assert len(names) > 20
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_operation_says_what_it_answers():
    description = api.get_openapi_schema()
    for path, operations in description["paths"].items():
        for method, operation in operations.items():
            answers = {str(code) for code in operation["responses"]}
            assert answers & {"200", "201", "204"}, f"{method} {path}"
            assert {"401", "404"} <= answers, f"{method} {path} does not document 401 and 404"
            assert operation.get("summary"), f"{method} {path}"
