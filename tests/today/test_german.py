"""Today in German: the one-minute routine, its reasons and notes, the calendar page, the
calendar feed's events (in the account's language, never the calendar app's) and the weekly
e-mail."""

from __future__ import annotations

import html as html_text
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tending.circle.models import Person
from tending.today.digest import send_digests
from tending.today.models import EmailDigest
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def words(response) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.content.decode())
    return html_text.unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def check(response, german: list[str], english: list[str], status: int = 200) -> str:
    assert response.status_code == status
    read = words(response)
    for phrase in german:
        assert phrase in read, (phrase, read)
    for phrase in english:
        assert phrase not in read, (phrase, read)
    return read


def old_person(owner, **fields):
    person = PersonFactory(owner=owner, **fields)
    Person.objects.filter(pk=person.pk).update(created_at=timezone.now() - timedelta(days=400))
    return person


def speaks(user, language: str) -> None:
    type(user).objects.filter(pk=user.pk).update(language=language)


@pytest.fixture
def german(owner, owner_client):
    speaks(owner, "de")
    return owner_client


def test_today_with_nobody_yet(german):
    check(
        german.get(reverse("today:today")),
        ["Heute", "Dein nächster Schritt", "Wie geht es dir heute?", "Zum Tagespuls",
         "Bei wem du dich melden könntest", "Füge die Menschen in deinem Leben hinzu",
         "Jemanden hinzufügen", "Check-ins für dich", "Schwere Tage",
         "Ein Moment, der zählt?", "Moment festhalten", "Demnächst",
         "Keine Geburtstage in den nächsten zwei Wochen.",
         "Diese Erinnerungen in deinem eigenen Kalender"],
        ["Your next step", "How are you today?", "Someone to reach out to", "Add someone",
         "Coming up", "No birthdays"],
    )  # fmt: skip


def test_someone_to_reach_out_to_with_the_reason_and_a_birthday(owner, german):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7, phone="+49 170 1234")
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=12))
    soon = timezone.localdate() + timedelta(days=3)
    old_person(owner, name="Bea", birthday_day=soon.day, birthday_month=soon.month)
    old_person(owner, name="Jo", ring="outer", rhythm_days=14)
    check(
        german.get(reverse("today:today")),
        ["Es sind 12 Tage her; sonst sprecht ihr", "Anrufen", "Nachricht schreiben",
         "Erledigt: festhalten", "Nicht jetzt",
         "2 weitere Personen in deinem Kreis würden gern von dir hören", "Geburtstag am"],
        ["It has been", "Not now", "more in your circle", "birthday"],
    )  # fmt: skip
    later = german.post(reverse("today:not_now", args=[sam.pk]), follow=True)
    check(later, ["Sam kann warten.", "Du hast Bea vor 400 Tagen hinzugefügt"], ["can wait"])


def test_nobody_due_names_those_without_a_moment_yet(owner, german):
    for name in ["Ada", "Ben", "Cy", "Di", "Ed"]:
        PersonFactory(owner=owner, name=name)
    check(
        german.get(reverse("today:today")),
        ["Heute ist niemand überfällig.", "Noch keine Momente mit Ada , Ben , Cy und",
         "2 weiteren Personen. Wenn ihr Zeit miteinander verbringt", "Moment mit Ada festhalten"],
        ["No moments yet", "and 2 more", "Log a moment with"],
    )  # fmt: skip


def test_the_calendar_page_and_its_notes(german):
    check(
        german.get(reverse("today:calendar")),
        ["Erinnerungen in deinem eigenen Kalender", "Meinen Kalender-Link erstellen"],
        ["Reminders in your own calendar", "Make my calendar link"],
    )
    on = german.post(reverse("today:calendar"), {"action": "turn-on"})
    check(
        on,
        ["Dein privater Kalender-Link.", "Wochenrückblick: Tag", "Dienstag", "Uhrzeit"],
        ["Your private calendar link", "Tuesday", "Weekly review"],
    )
    half = german.post(reverse("today:calendar"), {"action": "options", "review_weekday": "1"})
    check(half, ["Bitte gib Tag und Uhrzeit an oder keins von beiden."], [], status=400)


def feed_of(client, asked_in: str) -> str:
    link = client.post(reverse("today:calendar"), {"action": "turn-on"}).context["link"]
    client.post(
        reverse("today:calendar"),
        {"action": "options", "review_weekday": "1", "review_time": "18:00"},
    )
    # A calendar app asks in its own language; the events speak the account's.
    response = Client(HTTP_ACCEPT_LANGUAGE=asked_in).get(link)
    assert response.status_code == 200
    return response.content.decode().replace("\r\n ", "")


def test_the_feed_speaks_the_accounts_language(owner, german):
    soon = timezone.localdate() + timedelta(days=3)
    old_person(owner, name="Sam", birthday_day=soon.day, birthday_month=soon.month)
    feed = feed_of(german, "fr")
    assert "SUMMARY:Bei Sam melden" in feed
    assert "DESCRIPTION:Du wolltest" in feed and "in Kontakt sein." in feed
    assert "SUMMARY:Geburtstag von Sam" in feed
    assert "SUMMARY:Wochenrückblick in tending" in feed
    assert "SUMMARY:Check-in: Schwere Tage" in feed  # the check-in's own German title
    assert "SUMMARY:Reach out" not in feed and "'s birthday" not in feed


def test_the_feed_of_an_account_without_a_language_is_english(owner, owner_client):
    old_person(owner, name="Sam")
    feed = feed_of(owner_client, "de")  # the calendar app's language has no say
    assert "SUMMARY:Reach out to Sam" in feed and "SUMMARY:Weekly review in tending" in feed


@override_settings(HOSTED=True)
def test_the_weekly_email_speaks_the_accounts_language(owner, other):
    speaks(owner, "de")
    sam = old_person(owner, name="Sam", rhythm_days=7)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=5))
    EmailDigest.objects.create(owner=owner, email="owner@example.org")
    EmailDigest.objects.create(owner=other, email="other@example.org")
    assert send_digests().sent == 2
    german, english = sorted(mail.outbox, key=lambda m: m.to != ["owner@example.org"])
    assert german.subject == "Deine Woche in tending"
    assert german.body.startswith("Hallo,\n\nHier ist deine Woche in tending:")
    assert ": Bei Sam melden" in german.body and "„Hilfe jetzt“" in german.body
    assert english.subject == "Your week in tending"
    assert english.body.startswith("Hello,\n\nHere is your week in tending:")
    assert "“Need help now”" in english.body
