"""Accounts: look-alike names, passwords of only spaces, and setting a forgotten password."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.urls import reverse

from tending.cli import main
from tending.core.forms import WelcomeForm
from tending.core.models import LoginThrottle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RIGHT = "a-long-test-password"
NINE_SPACES = " " * 9


def run(argv: list[str], monkeypatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_item_1_createuser_refuses_a_name_that_reads_like_another(monkeypatch, capsys):
    UserFactory(username="alice")
    for name in ("ａlice", "Alice", "ＡＬＩＣＥ"):
        assert run(["createuser", name, "--password-stdin"], monkeypatch, RIGHT + "\n") == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and "IntegrityError" not in err
        assert "There is already an account called 'alice'" in err, err
        assert f"reads the same as {name!r}" in err
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["alice"]


def test_item_1_demo_refuses_a_name_that_reads_like_another(monkeypatch, capsys):
    UserFactory(username="alice")
    assert run(["demo", "--user", "ａlice", "--years", "1"], monkeypatch) == 1
    err = capsys.readouterr().err
    assert "IntegrityError" not in err
    assert "There is already an account called 'alice'" in err
    assert get_user_model().objects.count() == 1


def test_item_1_the_welcome_form_refuses_a_look_alike_name():
    UserFactory(username="alice")
    form = WelcomeForm(
        {"username": "ａlice", "password1": RIGHT, "password2": RIGHT, "time_zone": "UTC"}
    )
    assert not form.is_valid()
    assert "already an account called 'alice'" in " ".join(form.errors["username"])


def test_item_1_a_new_name_is_kept_as_django_reads_it(monkeypatch, capsys):
    assert run(["createuser", "ａlice", "--password-stdin"], monkeypatch, RIGHT + "\n") == 0
    assert "Created the account 'alice'" in capsys.readouterr().out
    assert get_user_model().objects.get().username == "alice"


def test_item_8_a_password_of_spaces_is_refused(owner, owner_client, monkeypatch, capsys):
    # At the terminal: a new account, and a new password.
    assert run(["createuser", "kim", "--password-stdin"], monkeypatch, NINE_SPACES + "\n") == 1
    assert "only spaces" in capsys.readouterr().err
    assert not get_user_model().objects.filter(username="kim").exists()
    assert run(["password", "owner", "--password-stdin"], monkeypatch, NINE_SPACES + "\n") == 1
    assert "only spaces" in capsys.readouterr().err
    # On the welcome page.
    form = WelcomeForm(
        {"username": "kim", "password1": NINE_SPACES, "password2": NINE_SPACES, "time_zone": "UTC"}
    )
    assert not form.is_valid() and "only spaces" in " ".join(form.errors["password1"])
    # On the password page.
    response = owner_client.post(
        reverse("core:password"),
        {"old_password": RIGHT, "new_password1": NINE_SPACES, "new_password2": NINE_SPACES},
    )
    assert response.status_code == 200 and "only spaces" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(RIGHT)


def test_item_27_the_login_page_says_how_to_set_a_new_password(owner, anon_client):
    page = anon_client.get(reverse("core:login")).content.decode()
    assert "Forgotten your password?" in page and "tending password" in page
    with override_settings(HOSTED=True, SECURE_SSL_REDIRECT=False):
        page = anon_client.get(reverse("core:login")).content.decode()
    assert "Forgotten your password?" in page and "ask the person who runs" in page
    assert "tending password" not in page


def test_item_27_password_sets_a_new_one_and_ends_every_session(owner, other, monkeypatch, capsys):
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(owner)
    elsewhere = Client()
    elsewhere.force_login(other)
    for _ in range(5):  # a forgotten password, tried until the login page waits
        Client().post(reverse("core:login"), {"username": "owner", "password": "guess"})
    assert LoginThrottle.objects.exists()

    assert run(["password", "owner", "--password-stdin"], monkeypatch, "a-new-calm-river\n") == 0
    assert "The password for 'owner' is changed" in capsys.readouterr().out
    owner.refresh_from_db()
    assert owner.check_password("a-new-calm-river")
    for browser in browsers:
        response = browser.get(reverse("today:today"))
        assert response.status_code == 302 and reverse("core:login") in response["Location"]
    assert elsewhere.get(reverse("today:today")).status_code == 200
    assert Session.objects.count() == 1  # only the other person's
    assert not LoginThrottle.objects.exists()
    login = Client().post(
        reverse("core:login"), {"username": "owner", "password": "a-new-calm-river"}
    )
    assert login.status_code == 302


def test_item_27_password_refuses_unknown_names_and_weak_passwords(owner, monkeypatch, capsys):
    assert run(["password", "nobody", "--password-stdin"], monkeypatch, "a-new-calm-river\n") == 1
    assert "There is no account called 'nobody'" in capsys.readouterr().err
    assert run(["password", "Owner", "--password-stdin"], monkeypatch, "a-new-calm-river\n") == 1
    assert "Did you mean 'owner'?" in capsys.readouterr().err
    for weak, words in (
        ("short", "too short: please use at least 8 characters"),
        ("password123", "one of the most common ones"),
        ("", "only spaces"),
    ):
        assert run(["password", "owner", "--password-stdin"], monkeypatch, weak + "\n") == 1
        err = capsys.readouterr().err
        assert words in err and "Nothing was changed." in err, err
    owner.refresh_from_db()
    assert owner.check_password(RIGHT)


def test_item_27_password_asks_twice_at_a_terminal(owner, monkeypatch, capsys):
    answers = iter(["a-new-calm-river", "a-new-calm-rivr"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["password", "owner"]) == 1
    assert "not the same" in capsys.readouterr().err
    answers = iter(["a-new-calm-river", "a-new-calm-river"])
    assert main(["password", "owner"]) == 0
    owner.refresh_from_db()
    assert owner.check_password("a-new-calm-river")


def test_item_27_help_names_the_password_command():
    from tending.cli import build_parser, epilog

    parser = build_parser()
    assert "password" in parser.format_help() and "tending password sam" in epilog(str)
    assert "--user goes before or after a subcommand" in epilog(str)
    commands = next(a for a in parser._actions if a.dest == "command")
    assert "--password-stdin" in commands.choices["password"].format_help()
