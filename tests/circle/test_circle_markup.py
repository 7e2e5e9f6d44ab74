"""The circle page's map and lists, written in Python: every name escaped, every dot linked."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_names_are_escaped_on_the_map_and_in_the_list(owner, owner_client):
    sam = PersonFactory(owner=owner, name='Sam "O\'Neil" <b>', ring="inner")
    PersonFactory(owner=owner, name="Kit", ring="outer")
    page = owner_client.get(reverse("circle:circle")).content.decode()
    shown = "Sam &quot;O&#x27;Neil&quot; &lt;b&gt;"
    assert "<b>" not in page
    link = reverse("circle:person", args=[sam.pk])
    assert (
        f'<li><a href="{link}"><span class="person-name" dir="auto" title="{shown}">{shown}</span>'
        in page
    )
    assert f'<a href="{link}" aria-label="' in page  # the dot on the map
    assert f'data-person="{sam.pk}" data-ring="inner" data-drift="' in page
    assert page.count(f'href="{link}"') == 2


def test_each_ring_lists_its_own_people_with_how_they_are_drifting(owner, owner_client):
    PersonFactory(owner=owner, name="Kit", ring="outer")
    page = owner_client.get(reverse("circle:circle")).content.decode()
    outer = page.split('id="ring-outer"', 1)[1].split("</section>", 1)[0]
    assert ">Kit</span>" in outer and 'class="status drift-' in outer
    inner = page.split('id="ring-inner"', 1)[1].split("</section>", 1)[0]
    assert "Nobody here yet." in inner


def test_a_circle_too_crowded_for_the_map_draws_no_dots_and_lists_everyone(owner, owner_client):
    for n in range(40):
        PersonFactory(owner=owner, name=f"Friend {n:02d}", ring="inner")
    page = owner_client.get(reverse("circle:circle")).content.decode()
    assert 'class="circle-map"' not in page and 'class="dot' not in page
    assert page.count('class="person-name"') == 40
