"""The first visit makes the owner account; after that, login; per-person time zone."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

GOOD = {
    "username": "robin",
    "password1": "quiet-river-morning",
    "password2": "quiet-river-morning",
    "time_zone": "Europe/Lisbon",
}


def test_first_visit_leads_to_the_welcome_page():
    client = Client()
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:welcome")
    assert "Welcome to tending" in response.content.decode()


def test_welcome_creates_the_owner_logs_in_and_then_disappears():
    client = Client()
    response = client.post(reverse("core:welcome"), GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("circle:person_add")
    user = get_user_model().objects.get()
    assert user.username == "robin"
    assert user.time_zone == "Europe/Lisbon"
    assert user.check_password("quiet-river-morning")
    assert client.get(reverse("circle:circle")).status_code == 200
    assert Client().get(reverse("core:welcome")).status_code == 404
    login_page = Client().get(reverse("core:login"))
    assert login_page.status_code == 200
    assert "Welcome back" in login_page.content.decode()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"password2": "something-else-entirely"},
            "password2",
            "The two passwords are not the same.",
        ),
        ({"password1": "short", "password2": "short"}, "password1", "at least 8 characters"),
        ({"username": "two words"}, "username", "no spaces"),
        ({"username": ""}, "username", "Please choose a name to log in with."),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Please choose one of the options given."),
    ],
)
def test_bad_welcome_input_is_refused_at_the_field(change, field, message):
    response = Client().post(reverse("core:welcome"), {**GOOD, **change})
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not get_user_model().objects.exists()


def test_login_with_a_wrong_password_says_so(owner):
    response = Client().post(reverse("core:login"), {"username": "owner", "password": "nope"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()
    response = Client().post(
        reverse("core:login"), {"username": "owner", "password": "a-long-test-password"}
    )
    assert response.status_code == 302


def test_logout_ends_the_session(owner_client):
    assert owner_client.get(reverse("circle:circle")).status_code == 200
    owner_client.post(reverse("core:logout"))
    response = owner_client.get(reverse("circle:circle"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_settings_change_the_time_zone(owner, owner_client):
    response = owner_client.post(reverse("core:settings"), {"time_zone": "Asia/Tokyo"})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.time_zone == "Asia/Tokyo"
    response = owner_client.post(reverse("core:settings"), {"time_zone": "Nowhere/Else"})
    assert "Please choose one of the options given." in response.content.decode()
    owner.refresh_from_db()
    assert owner.time_zone == "Asia/Tokyo"


def test_every_page_has_the_help_link(owner_client, anon_client):
    for client, url in [
        (anon_client, reverse("core:login")),
        (anon_client, reverse("safety:crisis")),
        (owner_client, reverse("circle:circle")),
        (owner_client, reverse("moments:list")),
        (owner_client, reverse("core:settings")),
    ]:
        html = client.get(url).content.decode()
        assert 'href="/help/">Need help now</a>' in html, url


def test_crisis_page_is_open_without_login(anon_client):
    response = anon_client.get(reverse("safety:crisis"))
    assert response.status_code == 200
    assert 'href="tel:988"' in response.content.decode()


def test_changing_the_password_ends_other_sessions(owner, owner_client):
    elsewhere = Client()
    elsewhere.force_login(owner)
    url = reverse("core:password")
    response = owner_client.post(
        url, {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}
    )
    assert "That is not your current password" in response.content.decode()
    response = owner_client.post(
        url,
        {
            "old_password": "a-long-test-password",
            "new_password1": "another-quiet-morning",
            "new_password2": "another-quiet-morning",
        },
    )
    assert response["Location"] == reverse("core:settings")
    owner.refresh_from_db()
    assert owner.check_password("another-quiet-morning")
    assert owner_client.get(reverse("circle:circle")).status_code == 200
    assert elsewhere.get(reverse("circle:circle")).status_code == 302
