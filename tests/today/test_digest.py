"""The weekly e-mail digest: sent to those who asked, one failure does not stop the rest."""

import socketserver
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tending.circle.models import Person
from tending.cli import main
from tending.today.digest import send_digests
from tending.today.models import EmailDigest
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def due_friend(owner, name):
    friend = PersonFactory(owner=owner, name=name, rhythm_days=7, notes="Private note")
    Person.objects.filter(pk=friend.pk).update(created_at=timezone.now() - timedelta(days=90))
    MomentFactory(
        owner=owner,
        people=[friend],
        note="Private moment",
        occurred_at=timezone.now() - timedelta(days=5),
    )
    return friend


def test_sends_the_weeks_reminders_to_those_who_turned_it_on(owner, other):
    due_friend(owner, "Sam Rivera")
    due_friend(other, "Alex Chen")
    EmailDigest.objects.create(owner=owner, email="owner@example.org")
    EmailDigest.objects.create(owner=other, email="other@example.org", enabled=False)
    report = send_digests()
    assert (report.sent, report.failed) == (1, 0)
    [message] = mail.outbox
    assert message.to == ["owner@example.org"]
    assert "Reach out to Sam Rivera" in message.body
    assert "Alex Chen" not in message.body
    assert "Private" not in message.body
    assert EmailDigest.objects.get(owner=owner).last_sent_at is not None


def test_one_failure_is_logged_and_the_others_still_go(owner, other, monkeypatch, caplog):
    EmailDigest.objects.create(owner=owner, email="owner@example.org")
    EmailDigest.objects.create(owner=other, email="other@example.org")
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def flaky(message, fail_silently=False):
        if message.to == ["owner@example.org"]:
            raise OSError("mail server said no")
        return real_send(message, fail_silently=fail_silently)

    monkeypatch.setattr(EmailMessage, "send", flaky)
    report = send_digests()
    assert (report.sent, report.failed) == (1, 1)
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert "Could not send the weekly digest" in caplog.text
    assert "owner@example.org" not in caplog.text


def test_the_command_line_reports_and_fails_when_any_failed(owner, capsys):
    EmailDigest.objects.create(owner=owner, email="owner@example.org")
    assert main(["send-digests"]) == 0
    assert "Sent 1 weekly e-mail; 0 could not be sent." in capsys.readouterr().out


@override_settings(HOSTED=True)
def test_people_turn_it_on_in_hosted_mode(owner, owner_client):
    url = reverse("today:calendar")
    assert "A weekly e-mail" in owner_client.get(url).content.decode()
    response = owner_client.post(url, {"action": "digest", "email": "not an address"})
    assert response.status_code == 400
    assert "Please give an e-mail address" in response.content.decode()
    owner_client.post(url, {"action": "digest", "email": "me@example.org", "enabled": "on"})
    digest = EmailDigest.objects.get(owner=owner)
    assert (digest.email, digest.enabled) == ("me@example.org", True)


def test_personal_mode_has_no_e_mail(owner_client):
    assert "A weekly e-mail" not in owner_client.get(reverse("today:calendar")).content.decode()


class RefusingMailServer(socketserver.StreamRequestHandler):
    """A real SMTP server, just enough of one, that refuses every recipient."""

    def handle(self):
        self.wfile.write(b"220 mail.example.org ready\r\n")
        for line in self.rfile:
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 mail.example.org\r\n")
            elif verb == b"RCPT":
                address = line.split(b":", 1)[1].strip()
                self.wfile.write(b"550 5.1.1 " + address + b" no such mailbox here\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # MAIL FROM, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


def test_item_8_a_refused_address_is_not_logged(owner, caplog):
    EmailDigest.objects.create(owner=owner, email="owner@example.org")
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), RefusingMailServer) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=server.server_address[1],
            ):
                report = send_digests()
        finally:
            server.shutdown()
    assert (report.sent, report.failed) == (0, 1)
    assert "Could not send the weekly digest" in caplog.text and "550" in caplog.text
    assert "owner@example.org" not in caplog.text
    assert "example.org" not in caplog.text.replace("mail.example.org", "")
