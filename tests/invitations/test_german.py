"""Invitations and a forgotten password in German: the pages, the invited person's form, and
the e-mail, which speaks the account's own language."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tending.invitations.services import make_invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MAILED_LINK = re.compile(r"http://testserver(/login/reset/[^/\s]+/[^/\s]+/)")


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def browser_in_german() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="de")


def page(response) -> str:
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_the_invitations_page_speaks_german(german, owner):
    make_invitation(owner, note="Für Sam")
    used = make_invitation(owner, note="Benutzt").invitation
    type(used).objects.filter(pk=used.pk).update(used_at=timezone.now(), used_by=owner)
    make_invitation(None, note="Alt", now=timezone.now() - timezone.timedelta(days=9))
    html = page(german.get(reverse("invitations:manage")))
    for words in (
        "Jemanden einladen",
        "Eine neue Einladung",
        "Für wen ist sie? (wenn du magst)",
        "1 Tag",
        "30 Tage",
        "noch offen bis",
        "von <bdi>owner</bdi> benutzt",
        "abgelaufen, unbenutzt",
        "im Terminal erstellt",
        "Zurückziehen",
    ):
        assert words in html, words
    for english in ("Invite someone", "waiting, until", "ran out on", "made at the terminal"):
        assert english not in html, english
    made = page(german.post(reverse("invitations:manage"), {"note": "Kim", "days": "7"}))
    assert "Kopiere ihn jetzt und schick ihn privat an <bdi>Kim</bdi>" in made
    assert "Er funktioniert einmal, bis" in made and "Copy it now" not in made


def test_the_invited_persons_page_follows_their_browser_and_keeps_their_language(owner):
    made = make_invitation(owner)
    link = reverse("invitations:accept", args=[made.token])
    client = browser_in_german()
    html = page(client.get(link))
    assert "Du bist zu tending eingeladen" in html and "Mein Konto anlegen" in html
    assert "Wer dieses tending betreibt, sieht ihn." in html
    assert "You are invited" not in html and "Make my account" not in html
    gone = page(client.get(reverse("invitations:accept", args=["x" * 40])))
    assert "Dieser Einladungslink funktioniert nicht" in gone
    answer = client.post(
        link,
        {"username": "mia", "password1": "a quiet long one", "password2": "a quiet long one",
         "time_zone": "Europe/Berlin", "language": "de"},
    )  # fmt: skip
    assert answer.status_code == 302
    assert type(owner).objects.get(username="mia").language == "de"
    assert "Willkommen bei tending." in client.get(answer["Location"]).content.decode()


@override_settings(MAIL_CONFIGURED=True)
def test_a_forgotten_password_in_german_and_the_mail_in_the_accounts_language():
    UserFactory(username="kim", email="kim@example.org", language="de")
    client = browser_in_german()
    html = page(client.get(reverse("invitations:forgot")))
    assert "Passwort vergessen?" in html and "Schick mir einen Link" in html
    assert "Send me a link" not in html
    sent = client.post(reverse("invitations:forgot"), {"email": "kim@example.org"})
    assert "Schau in deine E-Mails" in page(client.get(sent["Location"]))
    [message] = mail.outbox
    assert message.subject == "Ein neues Passwort für tending"
    assert "Hallo," in message.body and "„kim“" in message.body
    assert "Er funktioniert einmal, 3 Tage lang." in message.body
    assert "It works once" not in message.body
    opened = client.get(MAILED_LINK.search(message.body).group(1))
    assert "Wähle ein neues Passwort" in page(client.get(opened["Location"]))


@override_settings(MAIL_CONFIGURED=True)
def test_an_english_account_gets_its_mail_in_english_whatever_the_browser():
    UserFactory(username="lee", email="lee@example.org", language="en")
    browser_in_german().post(reverse("invitations:forgot"), {"email": "lee@example.org"})
    [message] = mail.outbox
    assert message.subject == "A new password for tending" and "Hello," in message.body


def test_without_mail_the_page_says_who_can_help_in_german():
    html = page(browser_in_german().get(reverse("invitations:forgot")))
    assert "Dieses tending verschickt keine E-Mails" in html
    assert "Zurück zur Anmeldung" in html and "Back to logging in" not in html
