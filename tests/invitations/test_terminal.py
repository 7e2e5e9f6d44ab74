"""`tending invite`: an invitation made at the terminal, its link printed once."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings

from tending.cli import main
from tending.core.tokens import token_hash
from tending.invitations.models import Invitation
from tests.test_cli import run_cli

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^  (\S+/invite/([A-Za-z0-9_-]{43})/)$", re.MULTILINE)


def invite(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["invite", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_invite_prints_a_link_that_works_once(capsys):
    code, out, _ = invite(capsys, "--note", "For Sam")
    assert code == 0
    link, token = LINK.search(out).groups()
    assert link.startswith("http://127.0.0.1:8000/invite/")
    assert "An invitation for For Sam, working once, until" in out
    assert "This is the only time it is shown" in out
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token) and invitation.created_by is None
    assert invitation.note == "For Sam"
    assert (invitation.expires_at - invitation.created_at).days == 7
    path = link.removeprefix("http://127.0.0.1:8000")
    assert Client().get(path).status_code == 200


@pytest.mark.parametrize("days", ["1", "30", " 12 "])
def test_days_from_one_to_thirty(capsys, days):
    assert invite(capsys, "--days", days)[0] == 0
    invitation = Invitation.objects.get()
    assert (invitation.expires_at - invitation.created_at).days == int(days)


@pytest.mark.parametrize("days", ["0", "31", "-1", "seven", "1.5", "", "２"])
def test_bad_days_are_refused_and_nothing_is_made(capsys, days):
    code, out, err = invite(capsys, "--days", days)
    assert code == 1 and not out
    assert f"--days {days}: please give a whole number of days from 1 to 30" in err
    assert "Nothing was made." in err and "Traceback" not in err
    assert not Invitation.objects.exists()


def test_a_long_note_or_a_bad_address_is_refused(capsys):
    code, _, err = invite(capsys, "--note", "x" * 101)
    assert code == 1 and "--note: please keep it to 100 characters (it has 101)" in err
    code, _, err = invite(capsys, "--url", "tending.example.org")
    assert code == 1 and "--url: 'tending.example.org' is not a web address" in err
    assert not Invitation.objects.exists()


def test_the_link_goes_to_the_address_given_or_known(capsys):
    _, out, _ = invite(capsys, "--url", "https://tending.example.org/")
    assert LINK.search(out).group(1).startswith("https://tending.example.org/invite/")
    with override_settings(BASE_URL="https://care.example.org"):
        _, out, _ = invite(capsys)
        assert LINK.search(out).group(1).startswith("https://care.example.org/invite/")
        _, out, _ = invite(capsys, "--url", "http://192.168.1.20:8000")
        assert LINK.search(out).group(1).startswith("http://192.168.1.20:8000/invite/")
    hosted = {"HOSTED": True, "SECURE_SSL_REDIRECT": False}
    with override_settings(ALLOWED_HOSTS=["tending.example.org", "b.example.org"], **hosted):
        _, out, _ = invite(capsys)
        assert LINK.search(out).group(1).startswith("https://tending.example.org/invite/")
    with override_settings(ALLOWED_HOSTS=["*"], **hosted):
        code, out, err = invite(capsys)
        assert code == 1 and "Give it with --url https://… or TENDING_BASE_URL" in err
    assert Invitation.objects.count() == 4


def test_help_names_the_command_and_its_options(tmp_path):
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0 and "invite" in result.stdout
    options = run_cli(tmp_path, "invite", "--help").stdout
    for option in ("--days", "--note", "--url", "TENDING_BASE_URL"):
        assert option in options
