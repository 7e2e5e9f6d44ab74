"""The full moment form in short sections: who, when and a note first, the rest opens."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tending.moments.forms import MOMENT_SECTIONS, MomentForm
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory
from tests.moments.test_views import full

pytestmark = pytest.mark.django_db

SECTION = re.compile(r'<details class="form-section([^"]*)" id="section-(\w+)"( open)?>')


def opened(html: str) -> dict[str, tuple[bool, bool]]:
    """{section key: (open, marked as holding a note)} in page order."""
    return {key: (bool(is_open), "has-error" in cls) for cls, key, is_open in SECTION.findall(html)}


def status(html: str, key: str) -> str:
    start = html.index(f'id="section-{key}"')
    summary = html[start : html.index("</summary>", start)]
    status = summary.split('<span class="section-status">', 1)[1]
    return re.sub(r"<[^>]+>", "", status).removeprefix(": ")


def test_every_field_but_the_first_few_is_in_a_section_once():
    in_sections = [name for _, _, names in MOMENT_SECTIONS for name in names]
    assert len(in_sections) == len(set(in_sections))
    first = {"people", "occurred_at", "note"}
    assert set(in_sections) | first == set(MomentForm.base_fields)
    assert not first & set(in_sections)


def test_a_new_moment_shows_who_when_and_a_note_with_the_rest_closed(owner, owner_client):
    PersonFactory(owner=owner, name="Sam")
    html = owner_client.get(reverse("moments:add")).content.decode()
    assert opened(html) == {key: (False, False) for key, _, _ in MOMENT_SECTIONS}
    first_section = html.index('class="form-section')
    for name in ("people", "occurred_at", "note"):
        assert html.index(f'name="{name}"') < first_section, name
    for _, title, names in MOMENT_SECTIONS:
        assert f'<span class="section-title">{title}</span>' in html
        for name in names:
            assert f'name="{name}"' in html[first_section:], name
    assert html.index('<button type="submit">Save</button>') > html.index('id="section-tags"')


def test_a_note_opens_its_section_and_nothing_typed_is_lost(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    data = full([sam], duration_minutes="99999", note="Kept note", tag_names="walk, rain")
    response = owner_client.post(reverse("moments:add"), data)
    html = response.content.decode()
    assert not Moment.objects.exists()
    assert 'role="alert"' in html  # the note is announced at the top of the form
    sections = opened(html)
    assert sections.pop("how") == (True, True)
    assert set(sections.values()) == {(False, False)}
    assert status(html, "how") == "Needs another look"
    assert status(html, "sharing") == "2 of 2 answered"
    assert status(html, "responded") == "3 of 3 answered"
    assert status(html, "tags") == "1 of 1 answered"
    # Everything typed comes back, in closed sections too.
    assert 'value="99999"' in html and "Kept note" in html and 'value="walk, rain"' in html
    for name in ("self_disclosure", "felt_understood", "felt_safe"):
        assert re.search(rf'name="{name}" value="{data[name]}" id="[^"]+" checked>', html), name


def test_editing_says_how_much_each_section_holds(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    moment = MomentFactory(owner=owner, people=[sam], channel="call", felt_safe=4)
    html = owner_client.get(reverse("moments:edit", args=[moment.pk])).content.decode()
    assert not any(is_open for is_open, _ in opened(html).values())
    assert status(html, "how") == "1 of 3 answered"
    assert status(html, "sharing") == ""
    assert status(html, "afterwards") == "1 of 2 answered"


def test_delete_sits_apart_under_more_and_asks_first(owner, owner_client):
    moment = MomentFactory(owner=owner, people=[PersonFactory(owner=owner)])
    html = owner_client.get(reverse("moments:detail", args=[moment.pk])).content.decode()
    more = html[html.index('<details class="more-actions">') :]
    delete = reverse("moments:delete", args=[moment.pk])
    assert f'class="button destructive small" href="{delete}"' in more
    assert delete not in html[: html.index('<details class="more-actions">')]
    assert "Delete this moment?" in owner_client.get(delete).content.decode()
