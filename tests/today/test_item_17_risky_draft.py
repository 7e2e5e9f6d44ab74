"""Item 17: a risky answer kept only in a draft makes Today lead with help until it is settled."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tending.checkins.models import CheckInDraft
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_draft
from tests.factories import CrisisSettingsFactory, PlanEntryFactory

pytestmark = pytest.mark.django_db

HELP_WORDS = "Nobody watches these answers as you give them"
TODAY = reverse("today:today")


def risky_draft(owner):
    """Answers ticked and autosaved, then the tab was closed before the result."""
    inst = get_instrument("hard-days")
    unsafe = inst.safety_rules[0].item
    return save_draft(owner, inst, {unsafe: 2, "little-interest": 1})


def main_of(client) -> str:
    response = client.get(TODAY)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") :]


def test_item_17_a_risky_draft_makes_today_lead_with_help(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="PT")
    PlanEntryFactory(owner=owner, part="warning-signs", text="Marker: I stop eating")
    risky_draft(owner)
    main = main_of(owner_client)
    # The result page's words, the country's lines, the plan, then a way to settle the draft.
    assert main.index("You deserve support right now") < main.index(HELP_WORDS)
    assert main.index(HELP_WORDS) < main.index('href="tel:1411"') < main.index("Marker")
    assert main.index("Marker") < main.index(">Today</h2>")
    assert reverse("checkins:take", args=["hard-days"]) in main
    assert reverse("checkins:discard", args=["hard-days"]) in main
    assert "Finish “Hard days”" in main


def test_item_17_the_help_stops_once_the_draft_is_finished(owner, owner_client):
    risky_draft(owner)
    assert HELP_WORDS in main_of(owner_client)
    inst = get_instrument("hard-days")
    data = {f"q-{item.id}": "1" for item in inst.items}
    response = owner_client.post(reverse("checkins:take", args=["hard-days"]), data)
    assert response.status_code == 302
    main = main_of(owner_client)
    assert HELP_WORDS not in main and "<h1>Today</h1>" in main


def test_item_17_the_help_stops_once_the_draft_is_cleared(owner, owner_client):
    risky_draft(owner)
    response = owner_client.post(reverse("checkins:discard", args=["hard-days"]), {"back": "today"})
    assert response.status_code == 302 and response["Location"] == TODAY
    assert not CheckInDraft.objects.filter(owner=owner).exists()
    assert HELP_WORDS not in main_of(owner_client)


def test_item_17_a_calm_draft_or_another_accounts_draft_changes_nothing(owner, owner_client, other):
    inst = get_instrument("hard-days")
    save_draft(owner, inst, {"little-interest": 3, inst.safety_rules[0].item: 0})
    risky_draft(other)
    main = main_of(owner_client)
    assert HELP_WORDS not in main and "<h1>Today</h1>" in main
