"""Hosted mode: `tending check --deploy` is clean, and HTTPS-only headers and cookies are on.

These run tending in a subprocess with a realistic hosted environment, because settings are
read from the environment once, at start. On the PostgreSQL run of the suite the hosted
server uses that database, as a real host would.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import textwrap

import pytest

from tending.bench.server import child_environment


def hosted_environment(tmp_path, **extra: str) -> dict[str, str]:
    hosted = {
        "TENDING_HOSTED": "true",
        "TENDING_SECRET_KEY": secrets.token_urlsafe(50),
        "TENDING_ALLOWED_HOSTS": "tending.example.org",
        **extra,
    }
    if os.environ.get("DATABASE_URL"):  # the suite's PostgreSQL run: host on PostgreSQL too
        hosted["DATABASE_URL"] = os.environ["DATABASE_URL"]
    return child_environment(tmp_path, hosted)


def tending(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tending", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_hosted_mode(tmp_path):
    environment = hosted_environment(tmp_path)
    result = tending(environment, "check", "--deploy")
    if environment.get("DATABASE_URL"):
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No problems found. Ready for hosting." in result.stdout
        assert "WARNINGS" not in result.stdout
    else:
        # Without PostgreSQL, the one thing left to say is that hosting wants PostgreSQL.
        assert result.returncode == 1
        found = [line for line in result.stdout.splitlines() if line.startswith("?: (")]
        assert len(found) == 1 and "(tending.W003) Hosted mode is running on SQLite" in found[0]


def test_check_deploy_names_what_is_missing(tmp_path):
    environment = hosted_environment(tmp_path, TENDING_HSTS_SECONDS="0")
    result = tending(environment, "check", "--deploy")
    assert result.returncode == 1
    assert "security.W004" in result.stdout
    assert "please fix the problems above" in result.stdout


def test_item_8_check_deploy_refuses_any_host_name(tmp_path):
    result = tending(hosted_environment(tmp_path, TENDING_ALLOWED_HOSTS="*"), "check", "--deploy")
    assert result.returncode == 1
    assert "Ready" not in result.stdout
    assert "(tending.W004) TENDING_ALLOWED_HOSTS is '*'" in result.stdout


@pytest.mark.one_database  # a database that cannot be reached, whichever run
def test_item_8_check_deploy_says_the_database_cannot_be_reached(tmp_path):
    environment = hosted_environment(tmp_path)
    environment["DATABASE_URL"] = "postgres://tending:not-shown@127.0.0.1:1/tending"
    result = tending(environment, "check", "--deploy")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Ready" not in result.stdout
    assert "could not open the PostgreSQL database 'tending' at 127.0.0.1, port 1" in result.stdout
    assert "not-shown" not in result.stdout + result.stderr


@pytest.mark.one_database  # no DATABASE_URL: a SQLite file of its own
def test_item_8_check_deploy_names_a_missing_data_folder(tmp_path):
    environment = hosted_environment(tmp_path / "not-made-yet")
    environment.pop("DATABASE_URL", None)
    result = tending(environment, "check", "--deploy")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"The data folder {tmp_path / 'not-made-yet'} does not exist" in result.stdout
    environment["LANGUAGE"] = "de"  # and in the terminal's language
    result = tending(environment, "check", "--deploy")
    assert result.returncode == 1
    assert f"Den Datenordner {tmp_path / 'not-made-yet'} gibt es nicht" in result.stdout


@pytest.mark.one_database  # personal mode: a SQLite file of its own
def test_check_in_personal_mode(tmp_path):
    environment = child_environment(tmp_path)
    plain = tending(environment, "check")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "No problems found." in plain.stdout
    deploy = tending(environment, "check", "--deploy")
    assert deploy.returncode == 1
    assert "tending.W001" in deploy.stdout and "personal mode" in deploy.stdout


PROBE = textwrap.dedent(
    """
    import json, os
    os.environ["DJANGO_SETTINGS_MODULE"] = "tending.settings"
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as serve --production does
    from django.contrib.auth import get_user_model
    from django.test import Client
    get_user_model().objects.create_user(username="robin", password="a-long-quiet-password")
    plain = Client(HTTP_HOST="tending.example.org").get("/login/")
    client = Client(HTTP_HOST="tending.example.org", HTTP_X_FORWARDED_PROTO="https", secure=True)
    page = client.get("/login/")
    token = client.cookies["csrftoken"].value
    login = client.post(
        "/login/",
        {"username": "robin", "password": "a-long-quiet-password", "csrfmiddlewaretoken": token},
        headers={"origin": "https://tending.example.org"},
    )
    print(json.dumps({
        "plain_status": plain.status_code,
        "plain_location": plain.get("Location", ""),
        "hsts": page.get("Strict-Transport-Security", ""),
        "csrf_secure": client.cookies["csrftoken"]["secure"],
        "login_status": login.status_code,
        "session_secure": login.cookies["sessionid"]["secure"],
        "session_httponly": login.cookies["sessionid"]["httponly"],
    }))
    """
)


@pytest.mark.one_database  # no DATABASE_URL: a SQLite file of its own
def test_hosted_mode_sends_https_only_headers_and_cookies(tmp_path):
    environment = hosted_environment(tmp_path)
    environment.pop("DATABASE_URL", None)  # headers, not databases: a fresh SQLite file will do
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://tending.example.org/login/"
    assert seen["hsts"] == "max-age=31536000"
    assert seen["csrf_secure"] is True
    assert seen["login_status"] == 302
    assert seen["session_secure"] is True and seen["session_httponly"] is True
