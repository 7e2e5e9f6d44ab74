"""A forgotten password: by e-mail when mail is set up (Django's flow, tending's words),
and otherwise a plain word on who can set a new one."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from tending.core.models import LoginThrottle
from tending.core.throttle import count_try
from tending.invitations import reset

pytestmark = pytest.mark.django_db

NEW = "a-new-quiet-password"
MAILED_LINK = re.compile(r"http://testserver(/login/reset/[^/\s]+/[^/\s]+/)")
mail_on = override_settings(MAIL_CONFIGURED=True)


@pytest.fixture
def kim(db):
    from tests.factories import UserFactory

    return UserFactory(username="kim", email="Kim@Example.org")


def ask(client: Client, email: str):
    return client.post(reverse("invitations:forgot"), {"email": email})


@mail_on
def test_the_mailed_link_sets_a_new_password_once(kim):
    client = Client()
    form = client.get(reverse("invitations:forgot"))
    assert form.status_code == 200 and "Send me a link" in form.content.decode()
    response = ask(client, "kim@example.org")
    assert response["Location"] == reverse("invitations:forgot_sent")
    [message] = mail.outbox
    assert message.to == ["Kim@Example.org"] and message.subject == "A new password for tending"
    assert "“kim”" in message.body and "It works once, for 3 days." in message.body
    assert "If you did not ask" in message.body
    path = MAILED_LINK.search(message.body).group(1)

    # The secret moves into the session, and out of the address bar.
    opened = client.get(path)
    assert opened.status_code == 302 and opened["Location"].endswith("/set-password/")
    page = client.get(opened["Location"])
    assert "Choose a new password" in page.content.decode()
    short = client.post(opened["Location"], {"new_password1": "short", "new_password2": "short"})
    assert "Please use at least 8 characters." in short.content.decode()
    done = client.post(opened["Location"], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("invitations:reset_done")
    kim.refresh_from_db()
    assert kim.check_password(NEW)
    assert "Your new password is set" in client.get(done["Location"]).content.decode()

    # Once: the same link now opens the page that says it no longer works.
    again = Client().get(path)
    assert again.status_code == 200 and "does not work any more" in again.content.decode()
    assert Client().login(username="kim", password=NEW)


@mail_on
def test_the_answer_is_the_same_whether_or_not_an_account_has_the_address(kim):
    known = ask(Client(), "kim@example.org")
    unknown = ask(Client(REMOTE_ADDR="192.0.2.8"), "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    page = Client().get(known["Location"]).content.decode()
    assert "If an account here has that address" in page


@mail_on
def test_setting_a_new_password_logs_out_everywhere_and_lifts_the_login_wait(kim):
    elsewhere = Client()
    elsewhere.force_login(kim)
    for _ in range(5):
        count_try("kim", "192.0.2.1")
    client = Client()
    ask(client, "kim@example.org")
    path = MAILED_LINK.search(mail.outbox[0].body).group(1)
    form = client.get(path)["Location"]
    client.post(form, {"new_password1": NEW, "new_password2": NEW})
    assert elsewhere.get(reverse("today:today")).status_code == 302  # sent to log in
    assert not LoginThrottle.objects.exists()


@mail_on
def test_requests_are_counted_per_address_and_per_e_mail_address(kim, monkeypatch):
    # However many addresses ask, one mailbox gets at most PER_EMAIL mails in an hour,
    # and the answer does not change.
    for n in range(reset.PER_EMAIL + 2):
        assert ask(Client(REMOTE_ADDR=f"192.0.2.{n + 10}"), "KIM@example.org").status_code == 302
    assert len(mail.outbox) == reset.PER_EMAIL
    # One address asking too often is asked to wait, whatever it asks about.
    monkeypatch.setattr(reset, "PER_ADDRESS", 2)
    client = Client()
    assert ask(client, "nobody@example.org").status_code == 302
    assert ask(client, "other@example.org").status_code == 302
    refused = ask(client, "nobody@example.org")
    assert refused.status_code == 429 and "Please wait a little" in refused.content.decode()
    assert client.get(reverse("invitations:forgot")).status_code == 200  # only asking counts


@mail_on
def test_a_mail_that_cannot_be_sent_is_logged_without_the_address(kim, caplog):
    with override_settings(EMAIL_BACKEND="tests.invitations.test_reset.BrokenBackend"):
        assert ask(Client(), "kim@example.org").status_code == 302
    assert "could not be sent: ConnectionRefusedError" in caplog.text
    assert "example.org" not in caplog.text.lower()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError


def test_without_mail_the_page_says_who_can_set_a_new_password(kim):
    page = Client().get(reverse("invitations:forgot")).content.decode()
    assert "does not send e-mail" in page and "tending password" in page and "<form" not in page
    sent = ask(Client(), "kim@example.org")
    assert sent.status_code == 200 and not mail.outbox
    with override_settings(HOSTED=True, SECURE_SSL_REDIRECT=False):
        page = Client().get(reverse("invitations:forgot")).content.decode()
    assert "ask the person who runs this tending" in page and "tending password" not in page


def test_the_login_page_leads_there(kim):
    forgot = reverse("invitations:forgot")
    page = Client().get(reverse("core:login")).content.decode()
    assert f'href="{forgot}"' in page and "tending password" in page
    with mail_on:
        page = Client().get(reverse("core:login")).content.decode()
    assert f'href="{forgot}"' in page and "send you a link by e-mail" in page


def test_an_address_added_in_settings_can_get_a_reset_link(owner, owner_client, settings):
    from django.core import mail
    from django.test import Client
    from django.urls import reverse

    settings.MAIL_CONFIGURED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = owner_client.get(reverse("core:settings")).content.decode()
    assert "Your e-mail address (if you like)" in page
    saved = owner_client.post(
        reverse("core:settings"), {"time_zone": owner.time_zone, "email": "me@example.org"}
    )
    assert saved.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "me@example.org"
    bad = owner_client.post(reverse("core:settings"), {"time_zone": "UTC", "email": "not mail"})
    assert "Please give an e-mail address" in bad.content.decode()
    owner.refresh_from_db()
    assert owner.email == "me@example.org"
    Client().post(reverse("invitations:forgot"), {"email": "me@example.org"})
    assert [m.to for m in mail.outbox] == [["me@example.org"]]


def test_without_mail_settings_asks_for_no_address(owner_client, settings):
    from django.urls import reverse

    settings.MAIL_CONFIGURED = False
    page = owner_client.get(reverse("core:settings")).content.decode()
    assert "e-mail address" not in page
