"""The page an invitation link opens: a name and a password make an account, once."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tending.invitations import services, views
from tending.invitations.models import Invitation
from tending.invitations.services import make_invitation

pytestmark = pytest.mark.django_db

GOOD = {
    "username": "kim",
    "password1": "quiet-river-morning",
    "password2": "quiet-river-morning",
    "time_zone": "Europe/Lisbon",
    "country": "PT",
}
GONE = "This invitation link does not work"


def accept_url(token: str) -> str:
    return reverse("invitations:accept", args=[token])


def accounts() -> list[str]:
    return sorted(get_user_model().objects.values_list("username", flat=True))


def test_accepting_makes_the_account_logs_in_and_lands_on_today(owner):
    made = make_invitation(owner, note="For Kim")
    client = Client()
    page = client.get(accept_url(made.token))
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    html = page.content.decode()
    assert "You are invited to tending" in html and 'data-browser-time-zone="true"' in html
    assert 'name="email"' not in html  # no mail set up: no address asked for
    response = client.post(accept_url(made.token), GOOD)
    assert response.status_code == 302 and response["Location"] == reverse("today:today")
    kim = get_user_model().objects.get(username="kim")
    assert kim.check_password("quiet-river-morning") and kim.time_zone == "Europe/Lisbon"
    assert not kim.is_staff and kim.email == ""
    today = client.get(reverse("today:today")).content.decode()
    assert "Logged in as kim." in today and "Your account is ready." in today
    invitation = Invitation.objects.get()
    assert invitation.used_by == kim and invitation.used_at is not None
    from tending.safety.models import CrisisSettings

    assert CrisisSettings.objects.get(owner=kim).region == "PT"  # asked as on the welcome page


def test_a_used_link_works_no_more_and_a_second_tab_makes_nothing(owner):
    made = make_invitation(owner)
    first, second = Client(), Client()
    assert second.get(accept_url(made.token)).status_code == 200  # both tabs open the form
    assert first.post(accept_url(made.token), GOOD).status_code == 302
    late = second.post(accept_url(made.token), {**GOOD, "username": "kim2"})
    assert late.status_code == 404 and GONE in late.content.decode()
    assert accounts() == ["kim", "owner"]


def test_two_accepts_that_both_found_the_link_open_make_one_account(owner, monkeypatch):
    """The race: both requests read the invitation before either claimed it. The claim's
    conditional UPDATE is what stops the second."""
    made = make_invitation(owner)
    stale = services.find_open(made.token)
    monkeypatch.setattr(services, "find_open", lambda token: stale)
    assert Client().post(accept_url(made.token), GOOD).status_code == 302
    late = Client().post(accept_url(made.token), {**GOOD, "username": "kim2"})
    assert late.status_code == 404 and GONE in late.content.decode()
    assert accounts() == ["kim", "owner"]
    assert Invitation.objects.get().used_by.username == "kim"


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql_only
def test_two_accepts_at_the_same_moment_make_one_account(owner):
    made = make_invitation(owner)
    start = threading.Barrier(2)
    answers = []

    def send(name: str) -> None:
        try:
            start.wait()
            answers.append(Client().post(accept_url(made.token), {**GOOD, "username": name}))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(name,)) for name in ("kim", "lee")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [302, 404]
    assert len(accounts()) == 2 and Invitation.objects.get().used_by is not None


@pytest.mark.parametrize("why", ["unknown", "used", "expired", "withdrawn"])
def test_every_link_that_does_not_work_gets_the_same_kind_page(owner, why):
    made = make_invitation(owner)
    token = made.token
    if why == "unknown":
        token = "x" * 43
    elif why == "used":
        Invitation.objects.update(used_at=timezone.now())
    elif why == "expired":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        services.withdraw(made.invitation.pk)
    for method in ("get", "post"):
        response = getattr(Client(), method)(accept_url(token), GOOD)
        html = response.content.decode()
        assert response.status_code == 404 and GONE in html
        assert "ask whoever sent it to you for a new one" in html
        assert "used already, or it ran out, or it was withdrawn" in html  # never which
    assert accounts() == ["owner"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"username": "Owner"}, "username", "There is already an account called 'owner'"),
        ({"username": "OWNER"}, "username", "which reads the same as 'OWNER'"),
        ({"username": "ｏwner"}, "username", "There is already an account called 'owner'"),
        ({"username": "two words"}, "username", "no spaces"),
        ({"password2": "something-else-entirely"}, "password2", "not the same"),
        ({"password1": "short", "password2": "short"}, "password1", "at least 8 characters"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Please choose one of the options given."),
    ],
)
def test_bad_input_is_refused_at_the_field_and_the_link_still_works(owner, change, field, message):
    made = make_invitation(owner)
    response = Client().post(accept_url(made.token), {**GOOD, **change})
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert accounts() == ["owner"] and Invitation.objects.get().used_at is None
    assert Client().post(accept_url(made.token), GOOD).status_code == 302


@override_settings(MAIL_CONFIGURED=True)
def test_with_mail_set_up_an_email_address_may_be_given(owner):
    made = make_invitation(owner)
    page = Client().get(accept_url(made.token)).content.decode()
    assert 'name="email"' in page and "if you forget your password" in page
    bad = Client().post(accept_url(made.token), {**GOOD, "email": "not an address"})
    assert bad.status_code == 400 and "name@example.org" in bad.content.decode()
    Client().post(accept_url(made.token), {**GOOD, "email": "kim@example.org"})
    assert get_user_model().objects.get(username="kim").email == "kim@example.org"


def test_someone_logged_in_is_told_and_then_becomes_the_new_account(owner, owner_client):
    made = make_invitation(owner)
    page = owner_client.get(accept_url(made.token)).content.decode()
    assert "You are logged in as owner." in page
    owner_client.post(accept_url(made.token), GOOD)
    assert "Logged in as kim." in owner_client.get(reverse("today:today")).content.decode()


def test_many_requests_from_one_address_are_asked_to_wait(owner, monkeypatch):
    monkeypatch.setattr(views, "PER_ADDRESS", 3)
    made = make_invitation(owner)
    client = Client()
    assert [client.get(accept_url(made.token)).status_code for _ in range(3)] == [200] * 3
    response = client.post(accept_url(made.token), GOOD)
    assert response.status_code == 429 and "Please wait a little" in response.content.decode()
    assert accounts() == ["owner"]
    # Another address is counted on its own.
    assert Client(REMOTE_ADDR="192.0.2.7").get(accept_url(made.token)).status_code == 200


def test_an_invitation_works_on_a_hosted_server_too(owner):
    made = make_invitation(None)
    with override_settings(HOSTED=True, SECURE_SSL_REDIRECT=False):
        client = Client()
        response = client.post(accept_url(made.token), GOOD)
        assert response.status_code == 302
        assert client.get(reverse("today:today")).status_code == 200
    assert accounts() == ["kim", "owner"]
