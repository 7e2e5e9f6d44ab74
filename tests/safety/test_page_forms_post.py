"""Every form on the plan and crisis-numbers pages carries a working CSRF token.

These pages put one token in many small forms; written as escaped text instead of a hidden
field, a browser would post no token and get a refusal. So the forms are posted here the way
a browser would, with CSRF checks on, using only what the page gave.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tending.safety.models import OwnCrisisLine, PlanEntry, PlanHelper
from tests.factories import PersonFactory, PlanEntryFactory, PlanHelperFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">')


def browser(owner) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    return client


def forms_of(page: str) -> list[tuple[str, str]]:
    """(action, token) of each posting form on the page."""
    found = []
    for match in re.finditer(
        r'<form method="post"(?: action="([^"]*)")?[^>]*>(.*?)</form>', page, re.S
    ):
        token = TOKEN.search(match.group(2))
        found.append((match.group(1) or "", token.group(1) if token else ""))
    return found


def test_every_form_of_the_plan_page_has_a_real_token_and_posts(owner):
    client = browser(owner)
    first = PlanEntryFactory(owner=owner, part="coping", text="Music", position=0)
    PlanEntryFactory(owner=owner, part="coping", text="A walk", position=1)
    helper = PlanHelperFactory(owner=owner, person=PersonFactory(owner=owner, is_safe=True))
    page = client.get(reverse("safety:plan")).content.decode()
    assert "&lt;input" not in page
    forms = forms_of(page)
    assert len(forms) >= 3 * 3 + 7  # three per row, and each part's "add" form
    assert all(token for _, token in forms)
    token = forms[0][1]
    moved = client.post(
        reverse("safety:entry_move", args=[first.pk]),
        {"csrfmiddlewaretoken": token, "direction": "down"},
    )
    assert moved.status_code == 302
    assert PlanEntry.objects.get(pk=first.pk).position == 1
    removed = client.post(
        reverse("safety:helper_remove", args=[helper.pk]), {"csrfmiddlewaretoken": token}
    )
    assert removed.status_code == 302 and not PlanHelper.objects.exists()
    refused = client.post(reverse("safety:entry_remove", args=[first.pk]))
    assert refused.status_code == 403


def test_every_form_of_the_numbers_page_has_a_real_token_and_posts(owner):
    client = browser(owner)
    line = OwnCrisisLine.objects.create(owner=owner, name="Clinic", number="+44 20 7946 0000")
    page = client.get(reverse("safety:settings")).content.decode()
    assert "&lt;input" not in page
    forms = forms_of(page)
    remove = reverse("safety:line_remove", args=[line.pk])
    actions = [action for action, _ in forms]
    assert {reverse("safety:settings"), remove, reverse("safety:line_add")} <= set(actions)
    assert all(token for _, token in forms)
    removed = client.post(remove, {"csrfmiddlewaretoken": dict(forms)[remove]})
    assert removed.status_code == 302 and not OwnCrisisLine.objects.exists()
