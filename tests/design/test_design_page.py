"""The /design/ page: every component, light and dark, in development only."""

from __future__ import annotations

import importlib
import re

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse

from tending.core.icons import icon_names

pytestmark = pytest.mark.django_db


def test_production_has_no_design_page(anon_client):
    with pytest.raises(NoReverseMatch):
        reverse("design:design")
    assert anon_client.get("/design/").status_code == 404


@override_settings(ROOT_URLCONF="tending.core.design")
def test_the_page_shows_every_component_in_both_schemes(anon_client):
    page = anon_client.get(reverse("design:design"))
    assert page.status_code == 200
    html = page.content.decode()
    for scheme in ("light", "dark"):
        assert f'class="design-scheme scheme-{scheme}"' in html
    assert "/static/tending/design.css" in html
    for component in (
        'class="page-header"', 'class="card"', 'class="button secondary"', 'class="button quiet"',
        'class="button destructive"', 'class="chip-person"', 'class="chip-tag"',
        'class="chips scale"', 'class="list-row"', 'class="empty-state"', 'class="sparkline"',
        'class="form-section"', 'class="form-section has-error"', 'class="confirm"',
        "disabled", "checked",
    ):  # fmt: skip
        assert html.count(component) >= 2, component
    for name in icon_names():
        assert html.count(f"<code>{name}</code>") == 2, name
    # No inline style: the Content Security Policy forbids them.
    assert not re.search(r"\sstyle=", html)


def test_development_adds_the_page_to_the_product_routes(settings):
    import tending.urls

    settings.DEBUG = True
    try:
        reloaded = importlib.reload(tending.urls)
        clear_url_caches()
        assert any(getattr(p, "namespace", "") == "design" for p in reloaded.urlpatterns)
    finally:
        settings.DEBUG = False
        importlib.reload(tending.urls)
        clear_url_caches()
    assert not any(getattr(p, "namespace", "") == "design" for p in tending.urls.urlpatterns)
