"""Every named route of the URL configuration, with the arguments its URL takes."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

API_NAMESPACE = "api_v1"  # the HTTP API's routes (tending.api.main)


def _walk(patterns, namespace: str = "") -> Iterator[tuple[str, list[str]]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, inner or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, list(entry.pattern.converters)


def all_routes() -> list[tuple[str, list[str]]]:
    """(namespaced name, [argument names]) for every named route, sorted by name.

    Tests that must cover every page and the benchmark both start here, so a new route is
    covered without anyone remembering to add it. The HTTP API's operations are not pages:
    they are walked from the API itself (tests/api/test_ownership.py).
    """
    return sorted(
        (name, args)
        for name, args in _walk(get_resolver().url_patterns)
        if not name.startswith(("djdt", "static", f"{API_NAMESPACE}:"))
    )
