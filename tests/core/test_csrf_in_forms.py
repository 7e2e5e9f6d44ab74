"""Every form that posts carries the page's CSRF token as a hidden field, on every page.

The test client does not check tokens, so a token printed as text, or left out, would pass
every other test and fail only in a real browser.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.routes import OBJECT_ARGUMENTS, ROUTES, url_kwargs

pytestmark = pytest.mark.django_db

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)
TOKEN = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">')


def test_every_posting_form_has_the_one_hidden_token(owner):
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    client = Client()
    client.force_login(owner)
    checked, problems = 0, []
    for name, args in ROUTES:
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        kwargs = {arg: "not-a-real-secret" for arg in args}
        kwargs.update(url_kwargs(args, objects))
        response = client.get(reverse(name, kwargs=kwargs))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        if "csrfmiddlewaretoken" in page and "&lt;input" in page:
            problems.append(f"{name}: a token printed as text")
        tokens = set()
        for form in FORM.findall(page):
            if 'method="post"' not in form:
                continue
            checked += 1
            found = TOKEN.findall(form)
            if len(found) != 1:
                problems.append(f"{name}: a form with {len(found)} tokens")
            tokens.update(found)
        if len(tokens) > 1:
            problems.append(f"{name}: {len(tokens)} different tokens on one page")
    assert checked > 20, "the walk should meet the app's forms"
    assert not problems, "\n".join(problems)
