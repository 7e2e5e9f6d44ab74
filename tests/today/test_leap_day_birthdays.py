"""Birthdays on 29 February are kept every year: on 28 February when the year has no 29th."""

from datetime import date, datetime

import pytest
import time_machine
import vobject
from django.test import Client
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_item_11_leap_day_birthday_is_on_the_28th_in_common_years(owner):
    leap = PersonFactory(owner=owner, birthday_day=29, birthday_month=2)
    assert leap.next_birthday(date(2026, 2, 1)) == date(2026, 2, 28)
    assert leap.next_birthday(date(2026, 3, 1)) == date(2027, 2, 28)
    assert leap.next_birthday(date(2027, 12, 31)) == date(2028, 2, 29)
    for year in range(1901, 2200):
        when = leap.next_birthday(date(year, 1, 1))
        assert when is not None and (when.year, when.month) == (year, 2), year


def test_item_11_today_shows_a_leap_day_birthday_in_a_common_year(owner):
    PersonFactory(owner=owner, name="Leap Lee", birthday_day=29, birthday_month=2)
    with time_machine.travel(datetime(2027, 2, 20, 9, 0, tzinfo=owner.zone), tick=False):
        client = Client()  # logged in on that day, so the session is fresh then
        client.force_login(owner)
        html = client.get(reverse("today:today")).content.decode()
    coming = html[html.index('id="coming-title"') :]
    assert "Leap Lee" in coming and "Sun 28 Feb" in coming


def test_item_11_calendar_feed_recurs_every_year_on_the_last_of_february(
    owner, owner_client, anon_client
):
    leap = PersonFactory(owner=owner, name="Leap Lee", birthday_day=29, birthday_month=2)
    with time_machine.travel(datetime(2026, 1, 10, 9, 0, tzinfo=owner.zone), tick=False):
        link = owner_client.post(reverse("today:calendar"), {"action": "turn-on"}).context["link"]
        body = anon_client.get(link).content.decode()
    calendar = vobject.readOne(body)
    event = next(e for e in calendar.vevent_list if e.uid.value.startswith(f"birthday-{leap.pk}@"))
    days = []
    for day in event.getrruleset():
        if day.year > 2033:
            break
        days.append(day.date() if isinstance(day, datetime) else day)
    assert days == [
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
        date(2029, 2, 28),
        date(2030, 2, 28),
        date(2031, 2, 28),
        date(2032, 2, 29),
        date(2033, 2, 28),
    ]
