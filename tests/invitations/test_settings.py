"""The two settings this part reads: whether mail is set up, and the address to link to."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tending.settings'; "
    "from django.conf import settings; print(settings.MAIL_CONFIGURED, repr(settings.BASE_URL))"
)


def read_settings(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment.update({"TENDING_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", CODE], env=environment, capture_output=True, text=True, timeout=60
    )


def test_mail_counts_as_set_up_only_when_the_host_said_where_it_goes(tmp_path):
    for env, expected in (
        ({}, "False"),
        ({"TENDING_EMAIL_HOST": " "}, "False"),
        ({"TENDING_EMAIL_HOST": "smtp.example.org"}, "True"),
        ({"TENDING_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "True"),
    ):
        result = read_settings(tmp_path, **env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[0] == expected, env


def test_the_base_address_is_optional_and_refused_when_it_is_none(tmp_path):
    assert read_settings(tmp_path).stdout.split()[1] == "''"
    given = read_settings(tmp_path, TENDING_BASE_URL="https://tending.example.org/")
    assert given.stdout.split()[1] == "'https://tending.example.org'"
    bad = read_settings(tmp_path, TENDING_BASE_URL="tending.example.org")
    assert bad.returncode != 0
    assert "TENDING_BASE_URL: 'tending.example.org' is not a web address" in bad.stderr
