"""The Today page: pulse, one person to reach out to, a prompt, birthdays, time away."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape  # as the pages escape: an apostrophe is &#39;

from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.circle.models import Person
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def old_person(owner, **fields):
    person = PersonFactory(owner=owner, **fields)
    Person.objects.filter(pk=person.pk).update(created_at=timezone.now() - timedelta(days=400))
    return person


def test_after_login_and_at_the_root_the_person_lands_on_today(owner, owner_client):
    assert owner_client.get("/")["Location"] == reverse("today:today")
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Today" in html and "Add someone" in html


def test_suggests_the_most_overdue_with_a_reason_and_one_tap_links(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7, phone="+49 170 1234")
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=12))
    fine = old_person(owner, name="Fine", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[fine], occurred_at=timezone.now() - timedelta(days=1))
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "It has been 12 days; you usually talk every week." in html
    assert 'href="tel:+491701234"' in html and 'href="sms:+491701234"' in html
    assert f"{reverse('moments:quick')}?person={sam.pk}" in html
    assert "Fine" not in html


def test_not_now_sets_someone_aside_for_a_few_days(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7)
    jo = old_person(owner, name="Jo", ring="middle", rhythm_days=30)
    owner_client.post(reverse("today:not_now", args=[sam.pk]))
    html = owner_client.get(reverse("today:today")).content.decode()
    assert f"today/not-now/{jo.pk}/" in html and f"today/not-now/{sam.pk}/" not in html
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        html = owner_client.get(reverse("today:today")).content.decode()
    assert f"today/not-now/{sam.pk}/" in html


def test_done_leads_to_quick_log_with_the_person_chosen(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7)
    form = owner_client.get(reverse("moments:quick") + f"?person={sam.pk}").context["form"]
    assert [str(v) for v in form["people"].value()] == [str(sam.pk)]
    owner_client.post(reverse("moments:quick"), {"people": [sam.pk]})
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Everyone is in rhythm" in html


def test_offers_the_pulse_until_it_is_done(owner, owner_client):
    assert "Do the daily pulse" in owner_client.get(reverse("today:today")).content.decode()
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    assert "Do the daily pulse" not in owner_client.get(reverse("today:today")).content.decode()


def test_birthdays_in_the_next_two_weeks(owner, owner_client):
    today = timezone.localdate()
    soon = today + timedelta(days=5)
    later = today + timedelta(days=40)
    PersonFactory(owner=owner, name="Soon Person", birthday_day=soon.day, birthday_month=soon.month)
    PersonFactory(
        owner=owner, name="Later Person", birthday_day=later.day, birthday_month=later.month
    )
    html = owner_client.get(reverse("today:today")).content.decode()
    coming = html[html.index('id="coming-title"') :]
    assert "Soon Person" in coming and "Later Person" not in coming


def test_a_gentle_welcome_back_never_a_lost_streak(owner, owner_client):
    sam = PersonFactory(owner=owner)
    with time_machine.travel(timezone.now() - timedelta(days=20)):
        MomentFactory(owner=owner, people=[sam])
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Welcome back" in html
    assert "streak" not in html.lower()
    MomentFactory(owner=owner, people=[sam])
    assert "Welcome back" not in owner_client.get(reverse("today:today")).content.decode()


def test_a_prompt_and_another(owner_client):
    first = owner_client.get(reverse("today:today")).context["prompt"]
    assert first is not None
    seen = {first.id}
    for turn in range(1, 6):
        seen.add(owner_client.get(reverse("today:today") + f"?another={turn}").context["prompt"].id)
    assert len(seen) > 1
    assert owner_client.get(reverse("today:today") + "?another=²").status_code == 200


def test_the_prompt_leads_to_writing_about_it(owner_client):
    response = owner_client.get(reverse("today:today"))
    prompt = response.context["prompt"]
    assert f"{reverse('journal:add')}?prompt={prompt.id}" in response.content.decode()
    page = owner_client.get(reverse("journal:add") + f"?prompt={prompt.id}").content.decode()
    assert escape(prompt.text) in page


def test_item_15_people_without_moments_are_not_called_in_rhythm(owner, owner_client):
    new = PersonFactory(owner=owner, name="Ana New", ring="middle", rhythm_days=30)
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Everyone is in rhythm" not in html
    assert "No moments yet with" in html and "Ana New" in html
    assert f"{reverse('moments:quick')}?person={new.pk}" in html
    MomentFactory(owner=owner, people=[new], occurred_at=timezone.now() - timedelta(hours=1))
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Everyone is in rhythm" in html and "No moments yet" not in html


def test_item_15_someone_set_aside_is_not_called_in_rhythm(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=12))
    owner_client.post(reverse("today:not_now", args=[sam.pk]))
    html = owner_client.get(reverse("today:today")).content.decode()
    assert "Everyone is in rhythm" not in html
    assert "1 you set aside will come up again" in html


def next_step_and_primaries(html: str) -> tuple[str, int]:
    """The next-step card's markup, and how many primary buttons the page's main part has."""
    main = html[html.index("<main") :]
    card = main[main.index('class="card next-step"') :]
    primaries = re.findall(r'class="button( small)?"', main)
    return card[: card.index("</section>")], len(primaries)


def test_issue_15_one_next_step_first_the_pulse_then_the_person(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=12))
    html = owner_client.get(reverse("today:today")).content.decode()
    card, primaries = next_step_and_primaries(html)
    assert "Your next step" in card and "Do the daily pulse" in card and primaries == 1
    # Sam is still there below it, calmly: Done is not a second primary button.
    assert html.index('id="reach-title"') > html.index("</section>", html.index("next-step"))
    assert 'class="button secondary" href="/moments/quick/?person=' in html
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    html = owner_client.get(reverse("today:today")).content.decode()
    card, primaries = next_step_and_primaries(html)
    assert 'id="reach-title"' in card and "Sam" in card and "Done: log it" in card
    assert "Not now" in card and "Do the daily pulse" not in html and primaries == 1


def test_issue_15_with_nobody_yet_adding_someone_is_the_next_step(owner, owner_client):
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    card, primaries = next_step_and_primaries(
        owner_client.get(reverse("today:today")).content.decode()
    )
    assert "Add someone" in card and reverse("circle:person_add") in card and primaries == 1


def test_issue_15_with_everyone_in_rhythm_the_prompt_leads(owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=1))
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    response = owner_client.get(reverse("today:today"))
    card, primaries = next_step_and_primaries(response.content.decode())
    assert 'id="prompt"' in card and "Write about it" in card and primaries == 1
    assert escape(response.context["prompt"].text) in card
    html = response.content.decode()
    assert html.count('id="prompt"') == 1 and "Everyone is in rhythm" in html


def test_issue_15_other_due_check_ins_and_birthdays_are_rows_below(owner, owner_client):
    soon = timezone.localdate() + timedelta(days=3)
    PersonFactory(owner=owner, name="Bea", birthday_day=soon.day, birthday_month=soon.month)
    html = owner_client.get(reverse("today:today")).content.decode()
    due = html[html.index('id="due-title"') :]
    due = due[: due.index("</section>")]
    assert '<li class="list-row">' in due
    assert reverse("checkins:take", args=["weekly-wellbeing"]) in due
    coming = html[html.index('id="coming-title"') :]
    assert "Bea" in coming and f"birthday {soon:%a} {soon.day} {soon:%b}" in coming
