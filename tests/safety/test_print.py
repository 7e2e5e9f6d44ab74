"""The plan on one printable page, with the crisis lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tending.safety.models import Part
from tests.factories import (
    CrisisSettingsFactory,
    OwnCrisisLineFactory,
    PersonFactory,
    PlanEntryFactory,
    PlanHelperFactory,
)
from tests.safety.helpers import text_of

pytestmark = pytest.mark.django_db

PRINT = reverse("safety:print")


def test_the_print_page_has_every_part_and_every_line(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="GB")
    OwnCrisisLineFactory(owner=owner, name="Clinic crisis team", number="020 7946 0000")
    for part in Part:
        PlanEntryFactory(owner=owner, part=part.value, text=f"Line for {part.value}")
    PlanEntryFactory(owner=owner, part="professionals", text="Dr Okafor", phone="020 7946 0001")
    PlanHelperFactory(
        person=PersonFactory(owner=owner, name="Sam", is_safe=True, phone="07700 900123")
    )
    response = owner_client.get(PRINT)
    assert response.status_code == 200
    page = response.content.decode()
    words = text_of(page)
    for part in Part:
        assert part.label in page
        assert f"Line for {part.value}" in page
    assert "People I can ask for help" in page
    assert "Sam · 07700 900123" in words  # numbers are written out on paper
    assert "Dr Okafor · 020 7946 0001" in words
    assert "Emergency (United Kingdom): 999" in words
    assert "Samaritans: 116 123" in words
    assert "Shout: text SHOUT to 85258" in words
    assert "Clinic crisis team: 020 7946 0000" in words
    assert words.index("If I am in danger") < words.index("My warning signs")


def test_empty_parts_leave_room_to_write_by_hand(owner, owner_client):
    PlanEntryFactory(owner=owner, part="coping", text="Walk")
    page = owner_client.get(PRINT).content.decode()
    assert page.count('class="write-here"') == 6  # seven sections, coping filled
    for part in Part:
        assert part.label in page


def test_the_print_page_hides_tools_when_printed_and_has_no_inline_script(owner_client):
    page = owner_client.get(PRINT).content.decode()
    assert 'class="actions print-tools"' in page
    assert '<button type="button" class="small" data-print hidden>' in page
    assert '<script src="/static/safety/print.js" defer></script>' in page
    assert "<script>" not in page and "style=" not in page


def test_the_stylesheet_prints_the_plan_on_one_page():
    css = Path(finders.find("tending/tending.css")).read_text(encoding="utf-8")
    rules = css[css.index("/* Safety plan and crisis help. */") :]
    assert "@media print" in rules
    assert ".print-tools" in rules and "columns: 2" in rules and "break-inside: avoid" in rules


def test_the_print_page_is_private(owner, other_client):
    PlanEntryFactory(owner=owner, text="Marker private")
    assert "Marker private" not in other_client.get(PRINT).content.decode()
