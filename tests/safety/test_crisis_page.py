"""Need help now: crisis lines first for everyone, then the plan, only for its owner."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.template.backends.jinja2 import Jinja2
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import (
    CrisisSettingsFactory,
    OwnCrisisLineFactory,
    PersonFactory,
    PlanEntryFactory,
    PlanHelperFactory,
)
from tests.safety.helpers import text_of

pytestmark = pytest.mark.django_db

MARKER = "Marker: I stop answering messages"


def crisis(client, **params) -> str:
    response = client.get(reverse("safety:crisis"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_without_login_it_shows_lines_and_never_a_plan(owner, anon_client):
    PlanEntryFactory(owner=owner, part="warning-signs", text=MARKER)
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Marker Sam", is_safe=True))
    page = crisis(anon_client)
    assert 'href="tel:112"' in page and "Call 112" in page
    assert 'href="tel:911"' in page
    assert 'href="tel:988"' in page and 'href="sms:988"' in page and 'href="tel:116123"' in page
    assert "Marker" not in page
    assert "Your safety plan" not in page
    assert "contacts no one on its own" in page


def test_without_login_it_lists_countries_emergency_numbers_and_a_picker(anon_client):
    page = crisis(anon_client)
    words = text_of(page)
    assert "Emergency numbers by country" in words
    assert "United Kingdom 999" in words and "Australia 000" in words
    assert 'href="tel:999"' in page
    assert '<select id="crisis-region" name="country">' in page


def test_anyone_can_look_up_a_countrys_lines(anon_client):
    page = crisis(anon_client, region="DE")
    assert "Germany" in page
    assert 'href="tel:08001110111"' in page and "TelefonSeelsorge" in page
    assert "Showing the numbers for Germany." in text_of(page)


def test_an_unknown_country_shows_the_general_numbers(anon_client):
    page = crisis(anon_client, region="<script>")
    assert "Call 112" in page and "&lt;script&gt;" not in page and "<script>" not in page


def test_with_login_the_lines_come_before_the_plan(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="GB")
    PlanEntryFactory(owner=owner, part="warning-signs", text=MARKER)
    page = crisis(owner_client)
    assert page.index('href="tel:999"') < page.index("Samaritans") < page.index(MARKER)
    assert page.index("Your safety plan") < page.index(MARKER)
    assert 'href="sms:85258?&amp;body=SHOUT"' in page


def test_own_numbers_come_before_the_shipped_lines(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="GB")
    OwnCrisisLineFactory(owner=owner, name="Dr Okafor's crisis line", number="+44 20 7946 0000")
    page = crisis(owner_client)
    assert 'href="tel:+442079460000"' in page
    assert page.index("Dr Okafor") < page.index("Samaritans")


def test_the_plan_shows_safe_people_with_one_tap_links(owner, owner_client):
    sam = PersonFactory(
        owner=owner, name="Sam Rivera", is_safe=True, phone="+49 170 1234567", email="sam@ex.org"
    )
    PlanHelperFactory(person=sam)
    page = crisis(owner_client)
    assert 'href="tel:+491701234567"' in page
    assert 'href="sms:+491701234567"' in page
    assert 'href="mailto:sam@ex.org"' in page
    assert "People I can ask for help" in page


def test_people_no_longer_safe_or_archived_drop_out_of_the_plan(owner, owner_client):
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Unmarked Uma", is_safe=False))
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Archived Ari", is_archived=True))
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Safe Sol", is_safe=True))
    page = crisis(owner_client)
    assert "Safe Sol" in page
    assert "Unmarked Uma" not in page and "Archived Ari" not in page


def test_only_filled_parts_show_and_an_empty_plan_gets_an_invitation(owner, owner_client):
    page = crisis(owner_client)
    assert "You have not written a safety plan yet" in page
    assert reverse("safety:plan") in page
    PlanEntryFactory(owner=owner, part="reasons", text="My niece")
    page = crisis(owner_client)
    assert "What I live for" in page and "My niece" in page
    assert "My warning signs" not in page


def test_another_account_sees_its_own_help_and_not_the_owners_plan(owner, other, other_client):
    PlanEntryFactory(owner=owner, text=MARKER)
    OwnCrisisLineFactory(owner=owner, name="Marker line")
    CrisisSettingsFactory(owner=owner, region="AU")
    page = crisis(other_client)
    assert "Marker" not in page
    assert "13 11 14" not in page  # the owner's country is not theirs
    assert "You have not written a safety plan yet" in page


def test_the_page_works_without_javascript_and_loads_nothing_else(owner, owner_client):
    PlanEntryFactory(owner=owner, text="Walk round the block")
    page = crisis(owner_client)
    assert "<script>" not in page and "style=" not in page
    assert "http://" not in page and "https://" not in page


def test_the_page_needs_few_queries(owner, owner_client, django_assert_max_num_queries):
    CrisisSettingsFactory(owner=owner, region="GB")
    for n in range(5):
        PlanEntryFactory(owner=owner, text=f"Line {n}")
        PlanHelperFactory(person=PersonFactory(owner=owner, is_safe=True))
        OwnCrisisLineFactory(owner=owner)
    with django_assert_max_num_queries(8):
        crisis(owner_client)


def test_the_macro_renders_general_lines_for_nobody_and_the_plan_for_its_owner(owner):
    PlanEntryFactory(owner=owner, text=MARKER)
    jinja = next(e for e in engines.all() if isinstance(e, Jinja2))
    call = '{% from "safety/_crisis_help.html" import crisis_help %}<h1>Result</h1>'
    template = jinja.from_string(call + "{{ crisis_help(request) }}")
    request = RequestFactory().get("/checkins/result/")
    request.user = AnonymousUser()
    anonymous = template.render({}, request=request)
    assert "Call 112" in anonymous and "Marker" not in anonymous
    request.user = owner
    mine = template.render({}, request=request)
    assert mine.index("Call 112") < mine.index(MARKER)
    # Without a request it still shows the lines, and nothing private.
    bare = jinja.from_string(call + "{{ crisis_help() }}").render({})
    assert "Call 112" in bare and "Marker" not in bare
