"""Hiding prompts for good, and not offering ones answered lately."""

import pytest
from django.urls import reverse

from tending.journal.models import Entry, HiddenPrompt
from tending.journal.offering import offer_prompt
from tending.journal.prompts import library

pytestmark = pytest.mark.django_db


def test_a_hidden_prompt_never_comes_back_until_shown_again(owner, owner_client):
    first = owner_client.get(reverse("today:today")).context["prompt"]
    response = owner_client.post(
        reverse("journal:hide_prompt"), {"prompt_id": first.id, "next": "/today/?another=1"}
    )
    assert response["Location"] == "/today/?another=1"
    offered = {offer_prompt(owner, seed=f"s{n}").id for n in range(200)}
    assert first.id not in offered
    page = owner_client.get(reverse("journal:hidden_prompts")).content.decode()
    assert first.text.split()[0] in page
    owner_client.post(reverse("journal:unhide_prompt"), {"prompt_id": first.id})
    assert not HiddenPrompt.objects.exists()


def test_hiding_refuses_unknown_prompts_and_foreign_redirects(owner_client):
    assert (
        owner_client.post(reverse("journal:hide_prompt"), {"prompt_id": "nope"}).status_code == 400
    )
    prompt = library()[0]
    response = owner_client.post(
        reverse("journal:hide_prompt"),
        {"prompt_id": prompt.id, "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == reverse("today:today")


def test_prompts_answered_lately_are_not_offered_while_others_remain(owner):
    answered = library()[:80]
    for prompt in answered:
        Entry.objects.create(owner=owner, body="x", prompt_id=prompt.id)
    fresh = {p.id for p in library()[80:]}
    offered = {offer_prompt(owner, seed=f"s{n}").id for n in range(60)}
    assert offered <= fresh


def test_hidden_prompts_are_private(owner, other, other_client):
    HiddenPrompt.objects.create(owner=owner, prompt_id=library()[0].id)
    page = other_client.get(reverse("journal:hidden_prompts")).content.decode()
    assert "You have not hidden any prompts." in page
    other_client.post(reverse("journal:unhide_prompt"), {"prompt_id": library()[0].id})
    assert HiddenPrompt.objects.filter(owner=owner).exists()
