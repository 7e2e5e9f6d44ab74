"""Reminders by Web Push: an empty wake-up, signed with tending's own VAPID keys, once a day
from nine in the morning, to addresses that are browsers' push services and nothing else."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta

import pytest
import requests
from django.test import override_settings
from django.utils import translation

from tending.pwa import push
from tending.pwa.models import PushKeys, PushSubscription
from tests.factories import PersonFactory

ENDPOINT = "https://push.example.net/wake/abc123"
# A browser's keys, as Chromium makes them: an uncompressed P-256 point and 16 random bytes.
P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
AUTH = "tBHItJI5svbpez7KI4CCXg"


@pytest.fixture(autouse=True)
def public_push_service(monkeypatch):
    """The push service's name resolves to a public address (no DNS in the tests)."""
    monkeypatch.setattr(
        push, "_addresses_of", lambda host: ["142.250.185.78", "2a00:1450:4001:82a::200a"]
    )


class Recorder(requests.Session):
    """A requests session that answers every request itself and keeps it to look at."""

    def __init__(self, status: int = 201):
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []
        self.status = status

    def send(self, request, **kwargs):
        self.sent.append(request)
        answer = requests.Response()
        answer.status_code = self.status
        answer.request = request
        answer._content = b""
        return answer


def test_the_server_makes_its_keys_once(db):
    first = push.server_keys()
    assert push.server_keys().pk == first.pk and PushKeys.objects.count() == 1
    point = base64.urlsafe_b64decode(first.public_key + "=" * (-len(first.public_key) % 4))
    assert len(point) == 65 and point[0] == 4  # what a browser's applicationServerKey takes
    assert first.private_pem.startswith("-----BEGIN PRIVATE KEY-----")
    # A second row made by a server at the same moment changes nothing: the first is used.
    PushKeys.objects.create(private_pem="other", public_key="other")
    assert push.server_keys().pk == first.pk


@override_settings(HOSTED=True)
def test_a_browser_subscribes_and_unsubscribes(owner, owner_client, other, other_client):
    sent = {"endpoint": ENDPOINT, "keys": {"p256dh": P256DH, "auth": AUTH}}
    response = owner_client.post("/phone/push/", json.dumps(sent), content_type="application/json")
    assert response.status_code == 200 and response.json() == {"subscribed": True}
    again = owner_client.post("/phone/push/", json.dumps(sent), content_type="application/json")
    assert again.status_code == 200
    assert PushSubscription.objects.filter(owner=owner).count() == 1  # once per address
    # Another account's "stop" never reaches the owner's subscription.
    body = json.dumps({"endpoint": ENDPOINT})
    other_client.post("/phone/push/stop", body, content_type="application/json")
    assert PushSubscription.objects.filter(owner=owner).count() == 1
    owner_client.post("/phone/push/stop", body, content_type="application/json")
    assert not PushSubscription.objects.exists()


@override_settings(HOSTED=True)
def test_stopping_forgets_only_what_was_asked(owner, owner_client):
    """A browser with no subscription of its own, or a send that arrived broken, leaves the
    other devices' reminders alone; an empty request stops them all."""
    for n in range(3):
        PushSubscription.objects.create(
            owner=owner, endpoint=f"{ENDPOINT}{n}", p256dh=P256DH, auth=AUTH
        )
    stop = "/phone/push/stop"
    for broken in ('{"endpoint": ', "null", "[1]", '{"endpoint": 5}', "[" * 5000 + "]" * 5000):
        answer = owner_client.post(stop, broken, content_type="application/json")
        assert answer.status_code == 400, broken
    assert owner_client.post(
        stop, '{"endpoint": null}', content_type="application/json"
    ).json() == {"subscribed": False}
    assert PushSubscription.objects.filter(owner=owner).count() == 3
    owner_client.post(
        stop, json.dumps({"endpoint": f"{ENDPOINT}1"}), content_type="application/json"
    )
    assert PushSubscription.objects.filter(owner=owner).count() == 2
    owner_client.post(stop, "", content_type="application/json")
    assert not PushSubscription.objects.filter(owner=owner).exists()


@override_settings(HOSTED=True)
@pytest.mark.parametrize(
    "sent",
    [
        {"endpoint": "https://127.0.0.1:5432/", "keys": {"p256dh": P256DH, "auth": AUTH}},
        {"endpoint": ENDPOINT, "keys": {"p256dh": P256DH}},
        {"endpoint": ENDPOINT, "keys": {"p256dh": "", "auth": AUTH}},
        {"endpoint": ENDPOINT, "keys": {"p256dh": "x" * 201, "auth": AUTH}},
        {"endpoint": ENDPOINT, "keys": {"p256dh": P256DH, "auth": "a" * 101}},  # its column
        {"endpoint": ENDPOINT, "keys": {"p256dh": P256DH, "auth": "tBHI\x00tJI5"}},
        {"endpoint": ENDPOINT},
        ["not", "an", "object"],
        "no json at all {",
        "[" * 5000 + "]" * 5000,  # deeper than Python reads
    ],
)
def test_a_subscription_that_is_not_one_is_refused(owner_client, sent):
    body = sent if isinstance(sent, str) else json.dumps(sent)
    response = owner_client.post("/phone/push/", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_personal_mode_offers_the_calendar_instead(owner_client):
    page = owner_client.get("/phone/").content.decode()
    assert "data-push " not in page and "Reminders on the phone need tending to run" in page
    assert 'href="/today/calendar/"' in page
    refused = owner_client.post("/phone/push/", "{}", content_type="application/json")
    assert refused.status_code == 400


@override_settings(HOSTED=True)
def test_hosted_mode_offers_push_with_the_servers_key(owner_client):
    page = owner_client.get("/phone/").content.decode()
    assert f'data-key="{push.server_keys().public_key}"' in page
    assert 'data-subscribe="/phone/push/"' in page


def overdue_person(owner):
    long_ago = datetime.now(UTC) - timedelta(days=90)
    return PersonFactory(owner=owner, name="Ana Hidden", rhythm_days=7, last_moment_at=long_ago)


def test_the_reminder_names_nobody_and_speaks_the_accounts_language(owner, owner_client):
    overdue_person(owner)
    answer = owner_client.get("/phone/reminder").json()
    assert "Someone in your circle would be glad to hear from you." in answer["body"]
    assert "Ana" not in json.dumps(answer) and answer["url"] == "/today/"
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    owner.refresh_from_db()
    with translation.override("en"):  # the thread's language does not matter
        german = push.reminder_for(owner, date.today())
    assert "Jemand aus deinem Kreis" in german["body"]


def test_the_reminder_asks_for_a_login(client, db):
    response = client.get("/phone/reminder")
    assert response.status_code == 302 and "/login/" in response["Location"]


def subscribed(owner, **fields):
    return PushSubscription.objects.create(
        owner=owner, endpoint=ENDPOINT, p256dh=P256DH, auth=AUTH, **fields
    )


def test_a_wakeup_is_an_empty_signed_push_once_a_day(owner):
    type(owner).objects.filter(pk=owner.pk).update(time_zone="Europe/Berlin")
    owner.refresh_from_db()
    overdue_person(owner)
    subscription = subscribed(owner)
    recorder = Recorder()
    early = datetime(2026, 12, 4, 7, 30, tzinfo=UTC)  # 8:30 in Berlin: too early
    assert push.send_wakeups(early, recorder).sent == 0 and not recorder.sent
    later = datetime(2026, 12, 4, 8, 5, tzinfo=UTC)  # 9:05 in Berlin
    report = push.send_wakeups(later, recorder)
    assert report.sent == 1 and len(recorder.sent) == 1
    request = recorder.sent[0]
    assert request.url == ENDPOINT and request.method == "POST"
    assert not request.body  # a wake-up: nothing in it at all
    assert request.headers["TTL"] == str(push.TIME_TO_LIVE)
    scheme, _, signed = request.headers["Authorization"].partition(" ")
    assert scheme == "vapid" and f"k={push.server_keys().public_key}" in signed
    token = signed.split("t=")[1].split(",")[0]
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["aud"] == "https://push.example.net" and claims["sub"].startswith("mailto:")
    subscription.refresh_from_db()
    assert subscription.woken_on == date(2026, 12, 4)
    # The same day again (another server, the next hourly look): nothing more.
    assert push.send_wakeups(later + timedelta(hours=3), recorder).sent == 0
    assert len(recorder.sent) == 1
    assert push.send_wakeups(later + timedelta(days=1), recorder).sent == 1


def test_nothing_waiting_means_no_wakeup(owner, monkeypatch):
    subscribed(owner)
    monkeypatch.setattr(push, "reminder_for", lambda user, day: None)
    recorder = Recorder()
    assert push.send_wakeups(datetime(2026, 12, 4, 12, tzinfo=UTC), recorder).sent == 0
    assert not recorder.sent


def test_a_second_server_claiming_the_same_day_sends_nothing(owner):
    subscription = subscribed(owner)
    day = date(2026, 12, 4)
    assert push.claim(subscription, day) is True
    assert push.claim(subscription, day) is False
    assert push.claim(subscription, day + timedelta(days=1)) is True


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_forgot_is_removed(owner, status):
    overdue_person(owner)
    subscribed(owner)
    report = push.send_wakeups(datetime(2026, 12, 4, 12, tzinfo=UTC), Recorder(status))
    assert report.gone == 1 and report.sent == 0
    assert not PushSubscription.objects.exists()


def test_a_push_service_in_trouble_keeps_the_subscription(owner):
    overdue_person(owner)
    subscribed(owner)
    report = push.send_wakeups(datetime(2026, 12, 4, 12, tzinfo=UTC), Recorder(500))
    assert report.failed == ["push.example.net: 500"] and report.sent == 0
    assert PushSubscription.objects.count() == 1


def test_a_name_pointed_inside_gets_no_wakeup(owner, monkeypatch):
    overdue_person(owner)
    subscribed(owner)
    monkeypatch.setattr(push, "_addresses_of", lambda host: ["127.0.0.1"])
    recorder = Recorder()
    report = push.send_wakeups(datetime(2026, 12, 4, 12, tzinfo=UTC), recorder)
    assert report.sent == 0 and report.failed == ["push.example.net: 0"] and not recorder.sent


@override_settings(HOSTED=True)
def test_an_account_keeps_its_newest_devices_only(owner, owner_client):
    from tending.pwa.views import DEVICES_KEPT

    for n in range(DEVICES_KEPT + 2):
        sent = {"endpoint": f"{ENDPOINT}/{n}", "keys": {"p256dh": P256DH, "auth": AUTH}}
        owner_client.post("/phone/push/", json.dumps(sent), content_type="application/json")
    kept = PushSubscription.objects.filter(owner=owner).values_list("endpoint", flat=True)
    assert len(kept) == DEVICES_KEPT == 10
    assert f"{ENDPOINT}/0" not in kept and f"{ENDPOINT}/{DEVICES_KEPT + 1}" in kept


def test_a_failed_sending_logs_no_address(owner, caplog):
    overdue_person(owner)
    subscribed(owner)

    class Broken(Recorder):
        def send(self, request, **kwargs):
            raise requests.ConnectionError(f"cannot reach {request.url}")

    report = push.send_wakeups(datetime(2026, 12, 4, 12, tzinfo=UTC), Broken())
    assert report.failed == ["push.example.net: 0"]
    assert "ConnectionError" in caplog.text and "wake/abc123" not in caplog.text
