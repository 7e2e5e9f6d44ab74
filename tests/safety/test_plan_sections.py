"""The plan page in parts that open as they are needed; removing a line asks first."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, PlanEntryFactory, PlanHelperFactory

pytestmark = pytest.mark.django_db

PLAN = reverse("safety:plan")
PART = re.compile(
    r'<section id="part-([\w-]+)" class="plan-part"[^>]*>\s*'
    r'<details class="form-section( has-error)?"( open)?>'
)


def parts(html: str) -> dict[str, tuple[bool, bool]]:
    """{part: (open, marked as holding a note)}, in the page's order."""
    return {key: (bool(is_open), bool(note)) for key, note, is_open in PART.findall(html)}


def open_parts(html: str) -> list[str]:
    return [key for key, (is_open, _) in parts(html).items() if is_open]


def status(html: str, key: str) -> str:
    start = html.index(f'id="part-{key}"')
    summary = html[start : html.index("</summary>", start)]
    return re.sub(r"<[^>]+>", "", summary.split('class="section-status">', 1)[1]).lstrip(": ")


def test_an_empty_plan_opens_its_first_part_only(owner_client):
    html = owner_client.get(PLAN).content.decode()
    assert len(parts(html)) == 7
    assert open_parts(html) == ["warning-signs"]
    assert status(html, "coping") == "Nothing yet"


def test_the_next_empty_part_opens_and_filled_ones_say_how_much(owner, owner_client):
    PlanEntryFactory(owner=owner, part="warning-signs", text="One")
    PlanEntryFactory(owner=owner, part="warning-signs", text="Two")
    PlanHelperFactory(person=PersonFactory(owner=owner, is_safe=True, phone="0170 1"))
    html = owner_client.get(PLAN).content.decode()
    assert open_parts(html) == ["coping"]
    assert status(html, "warning-signs") == "2 lines"
    assert status(html, "helpers") == "1 person"


def test_the_part_just_changed_opens(owner, owner_client):
    entry = PlanEntryFactory(owner=owner, part="reasons", text="My cat")
    response = owner_client.post(
        reverse("safety:entry_add"), {"part": "reasons", "reasons-text": "Sea"}
    )
    html = owner_client.get(response["Location"]).content.decode()
    assert open_parts(html) == ["reasons"]
    html = owner_client.get(f"{PLAN}?open=entry-{entry.pk}").content.decode()
    assert open_parts(html) == ["reasons"]
    assert open_parts(owner_client.get(f"{PLAN}?part=nowhere").content.decode()) == [
        "warning-signs"
    ]


def test_a_note_opens_its_part_and_says_so(owner, owner_client):
    PlanEntryFactory(owner=owner, part="coping", text="Walk")
    response = owner_client.post(
        reverse("safety:entry_add"), {"part": "coping", "coping-text": " "}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert parts(html)["coping"] == (True, True)
    assert open_parts(html) == ["coping"]
    assert status(html, "coping") == "Needs another look"
    assert 'role="alert"' in html


def test_a_helper_note_opens_the_people_part(owner, owner_client):
    response = owner_client.post(reverse("safety:helper_add"), {"person": "999999"})
    html = response.content.decode()
    assert response.status_code == 400
    assert parts(html)["helpers"] == (True, True)


def test_removing_a_line_asks_first_in_place(owner, owner_client):
    entry = PlanEntryFactory(owner=owner, part="coping", text="Walk")
    html = owner_client.get(PLAN).content.decode()
    remove = reverse("safety:entry_remove", args=[entry.pk])
    confirm = html[html.index('<details class="confirm">') : html.index(f'action="{remove}"') + 400]
    assert "Remove…" in confirm and "Take “<bdi>Walk</bdi>” out of your plan?" in confirm
    assert 'class="destructive small" aria-label="Remove “Walk”">Remove it</button>' in confirm


def test_removing_a_number_asks_first_in_place(owner, owner_client):
    from tests.factories import OwnCrisisLineFactory

    line = OwnCrisisLineFactory(owner=owner, name="Clinic")
    html = owner_client.get(reverse("safety:settings")).content.decode()
    start = html.index('<details class="confirm">')
    assert html.index(f'action="{reverse("safety:line_remove", args=[line.pk])}"') > start
    assert "Take <bdi>Clinic</bdi> off your numbers?" in html[start:]
