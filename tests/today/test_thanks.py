"""Today suggests thanking the people who answered a Mirror round lately, until a moment
with them is logged after the round opened."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tending.mirror import services
from tending.mirror.models import Round
from tending.today.small_reads import THANKS_DAYS
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

WORDS = ["calm", "kind", "shy", "warm", "wise"]


def round_answered_by(owner, people, opened_days_ago=2, anonymous=True, answer=True):
    feedback = services.open_round(
        owner, display_name="Ada", message="", words=WORDS, anonymous=anonymous
    )
    Round.objects.filter(pk=feedback.pk).update(
        created_at=timezone.now() - timedelta(days=opened_days_ago)
    )
    for person in people:
        made = services.invite(feedback, label=person.name, person=person)
        if answer:
            services.answer_by_link(made.invitation, words=WORDS)
    return feedback


def thanks_card(html: str) -> str:
    return html.split('id="thanks"')[1].split("</section>")[0] if 'id="thanks"' in html else ""


def test_who_answered_is_offered_a_thank_you_moment(owner, owner_client):
    sam, kim = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kim")
    round_answered_by(owner, [sam, kim])
    card = thanks_card(owner_client.get(reverse("today:today")).content.decode())
    assert "answered your" in card and "<bdi>Kim</bdi>" in card and "<bdi>Sam</bdi>" in card
    assert f"{reverse('moments:quick')}?person={sam.pk}" in card


def test_a_moment_since_the_round_opened_ends_the_suggestion(owner, owner_client):
    sam, kim = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kim")
    round_answered_by(owner, [sam, kim], opened_days_ago=5)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=1))
    MomentFactory(owner=owner, people=[kim], occurred_at=timezone.now() - timedelta(days=9))
    card = thanks_card(owner_client.get(reverse("today:today")).content.decode())
    assert "Kim" in card and "Sam" not in card


def test_no_suggestion_for_an_old_round_an_unanswered_link_or_someone_elses(
    owner, other, owner_client
):
    old = PersonFactory(owner=owner, name="Oldround")
    round_answered_by(owner, [old], opened_days_ago=THANKS_DAYS + 1)
    quiet = PersonFactory(owner=owner, name="Quietone")
    round_answered_by(owner, [quiet], answer=False)
    theirs = PersonFactory(owner=other, name="Theirs")
    round_answered_by(other, [theirs])
    html = owner_client.get(reverse("today:today")).content.decode()
    assert thanks_card(html) == "" and "Say thank you" not in html
