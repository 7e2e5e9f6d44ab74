"""@Name mentions link an entry to people in the circle."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tending.journal.mentions import mentioned_people


@dataclass(frozen=True)
class P:
    name: str


SAM, SAM_RAY, ALEX, ZOE = P("Sam Lee"), P("Sam Ray"), P("Alex"), P("Zoë Müller")


def test_first_name_and_full_name_any_case():
    assert mentioned_people("Coffee with @alex today", [ALEX, ZOE]) == [ALEX]
    assert mentioned_people("Walked with @Zoë", [ALEX, ZOE]) == [ZOE]
    assert mentioned_people("Walked with @zoë müller.", [ALEX, ZOE]) == [ZOE]


def test_a_shared_first_name_needs_the_full_name():
    people = [SAM, SAM_RAY]
    assert mentioned_people("with @Sam", people) == []
    assert mentioned_people("with @Sam Ray and later", people) == [SAM_RAY]


def test_unknown_names_emails_and_repeats():
    assert mentioned_people("@Nobody was there", [ALEX]) == []
    assert mentioned_people("mail alex@alex.org", [ALEX]) == []
    assert mentioned_people("@Alex, @ALEX and @alex", [ALEX]) == [ALEX]
    assert mentioned_people("@Al", [ALEX]) == []


@pytest.mark.django_db
def test_a_mentioned_entry_appears_on_the_persons_page(owner, owner_client):
    from django.urls import reverse

    from tending.journal.models import Entry
    from tending.journal.services import save_entry
    from tests.factories import PersonFactory

    sam = PersonFactory(owner=owner, name="Sam Lee")
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "No entries mention Sam Lee yet" in page
    save_entry(owner, Entry(title="Tea by the window", body="Talked with @Sam for hours."))
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "Tea by the window" in page
