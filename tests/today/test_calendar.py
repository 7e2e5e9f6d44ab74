"""The private calendar feed: a secret link, parsed by an independent iCalendar reader."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
import vobject
from django.urls import reverse
from django.utils import timezone

from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.circle.models import Person
from tending.today.models import CalendarFeed
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def turn_on(client, action="turn-on") -> str:
    response = client.post(reverse("today:calendar"), {"action": action})
    assert response.status_code == 200
    return response.context["link"]


def parse(client, link) -> dict:
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = vobject.readOne(response.content.decode())
    return {event.uid.value.split("@")[0]: event for event in calendar.vevent_list}


def test_the_link_is_shown_once_and_only_its_hash_is_kept(owner, owner_client):
    link = turn_on(owner_client)
    token = link.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 40
    feed = CalendarFeed.objects.get(owner=owner)
    assert token not in feed.token_hash
    assert link not in owner_client.get(reverse("today:calendar")).content.decode()


def test_events_times_and_time_zone(owner, owner_client, anon_client):
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=owner.zone), tick=False):
        sam = PersonFactory(
            owner=owner, name="Sam Rivera", rhythm_days=7, birthday_day=14, birthday_month=3
        )
        Person.objects.filter(pk=sam.pk).update(created_at=timezone.now() - timedelta(days=60))
        MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=3))
        wellbeing = get_instrument("weekly-wellbeing")
        save_checkin(owner, wellbeing, {i.id: 3 for i in wellbeing.items})
        link = turn_on(owner_client)
        owner_client.post(
            reverse("today:calendar"),
            {"action": "options", "review_weekday": "6", "review_time": "18:30"},
        )
        events = parse(anon_client, link)  # a calendar app has no session
    reach = events[f"reach-out-{sam.pk}"]
    assert reach.summary.value == "Reach out to Sam Rivera"
    assert reach.dtstart.value == date(2026, 3, 14)  # last moment 7 March + every week
    birthday = events[f"birthday-{sam.pk}"]
    assert birthday.dtstart.value == date(2026, 3, 14)
    assert "FREQ=YEARLY" in birthday.rrule.value
    assert events["checkin-weekly-wellbeing"].dtstart.value == date(2026, 3, 17)
    review = events["weekly-review"]
    start = review.dtstart.value
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2026, 3, 15, 18, 30)
    assert start.utcoffset() == timedelta(hours=1)  # Berlin in March, read from the VTIMEZONE
    assert "FREQ=WEEKLY" in review.rrule.value
    assert "checkin-daily-pulse" not in events


def test_nothing_private_beyond_names_and_initials_on_request(owner, owner_client, anon_client):
    sam = PersonFactory(owner=owner, name="Sam Rivera", notes="Secret note text")
    MomentFactory(owner=owner, people=[sam], note="Private moment note")
    link = turn_on(owner_client)
    body = anon_client.get(link).content.decode()
    assert "Secret note text" not in body and "Private moment note" not in body
    owner_client.post(reverse("today:calendar"), {"action": "options", "use_initials": "on"})
    body = anon_client.get(link).content.decode()
    assert "Sam Rivera" not in body and "Reach out to S. R." in body


def test_wrong_revoked_and_replaced_links_are_404(owner_client, anon_client, other_client):
    first = turn_on(owner_client)
    assert anon_client.get(first.replace(".ics", "x.ics")).status_code == 404
    second = turn_on(owner_client, action="new-link")
    assert anon_client.get(first).status_code == 404
    assert anon_client.get(second).status_code == 200
    other_link = turn_on(other_client)
    assert other_link != second
    owner_client.post(reverse("today:calendar"), {"action": "turn-off"})
    assert anon_client.get(second).status_code == 404
    assert anon_client.get(other_link).status_code == 200


def test_review_slot_needs_day_and_time(owner_client):
    turn_on(owner_client)
    response = owner_client.post(
        reverse("today:calendar"), {"action": "options", "review_weekday": "2"}
    )
    assert response.status_code == 400
    assert "Please give both the day and the time" in response.content.decode()
