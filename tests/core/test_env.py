"""Settings are read by typed helpers that refuse bad values loudly."""

import ast
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tending.env import env_bool, env_choice, env_int, env_list, persistent_secret_key


def test_yes_no_values(monkeypatch):
    for raw, expected in [
        ("true", True),
        ("1", True),
        ("ON", True),
        ("false", False),
        ("0", False),
    ]:
        monkeypatch.setenv("TENDING_X", raw)
        assert env_bool("TENDING_X") is expected
    monkeypatch.delenv("TENDING_X")
    assert env_bool("TENDING_X", default=True) is True


def test_maybe_is_not_false(monkeypatch):
    monkeypatch.setenv("TENDING_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="TENDING_DEBUG='maybe' is not a yes/no value"):
        env_bool("TENDING_DEBUG")


def test_whole_numbers_in_range(monkeypatch):
    monkeypatch.setenv("TENDING_N", "12")
    assert env_int("TENDING_N", 3, minimum=1, maximum=20) == 12
    monkeypatch.setenv("TENDING_N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="is not a whole number"):
        env_int("TENDING_N", 3)
    monkeypatch.setenv("TENDING_N", "0")
    with pytest.raises(ImproperlyConfigured, match="too small; the least allowed is 1"):
        env_int("TENDING_N", 3, minimum=1)


def test_choices(monkeypatch):
    monkeypatch.setenv("TENDING_LOG_LEVEL", "info")
    assert env_choice("TENDING_LOG_LEVEL", ("INFO", "WARNING"), "WARNING") == "INFO"
    monkeypatch.setenv("TENDING_LOG_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured, match="'loud' is not one of: INFO, WARNING"):
        env_choice("TENDING_LOG_LEVEL", ("INFO", "WARNING"), "WARNING")


def test_lists(monkeypatch):
    monkeypatch.setenv("TENDING_HOSTS", " a.example , b.example,, ")
    assert env_list("TENDING_HOSTS") == ["a.example", "b.example"]


def test_secret_key_is_made_once_and_kept(tmp_path):
    first = persistent_secret_key(tmp_path / "data")
    assert len(first) >= 50
    assert persistent_secret_key(tmp_path / "data") == first
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o077 == 0


def settings_in_subprocess(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment.update({"TENDING_DATA_DIR": str(tmp_path), **env})
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='tending.settings'; "
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], "
        "settings.SESSION_COOKIE_SECURE, settings.DATA_DIR)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


def test_personal_mode_is_sqlite_in_the_data_folder(tmp_path):
    result = settings_in_subprocess(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "False", str(tmp_path)]
    assert (tmp_path / "secret_key").exists()


def test_hosted_mode_needs_a_secret_key_and_hosts(tmp_path):
    result = settings_in_subprocess(tmp_path, TENDING_HOSTED="true")
    assert result.returncode != 0
    assert "Hosted mode needs TENDING_SECRET_KEY" in result.stderr
    result = settings_in_subprocess(tmp_path, TENDING_HOSTED="true", TENDING_SECRET_KEY="k" * 40)
    assert "Hosted mode needs TENDING_ALLOWED_HOSTS" in result.stderr
    result = settings_in_subprocess(
        tmp_path,
        TENDING_HOSTED="true",
        TENDING_SECRET_KEY="k" * 40,
        TENDING_ALLOWED_HOSTS="tending.example.org",
        DATABASE_URL="postgres://someone@127.0.0.1:5432/tending",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["django.db.backends.postgresql", "True"]


def test_database_url_must_be_postgres(tmp_path):
    result = settings_in_subprocess(tmp_path, DATABASE_URL="mysql://x@localhost/db")
    assert result.returncode != 0
    assert "DATABASE_URL must be a PostgreSQL address" in result.stderr


def database_options(tmp_path, url: str = "postgres://x@127.0.0.1/db", **env) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.update({"TENDING_DATA_DIR": str(tmp_path), "DATABASE_URL": url, **env})
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='tending.settings'; "
        "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS', {}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())


def test_postgresql_statements_are_prepared_unless_a_pooler_cannot_keep_them(tmp_path):
    assert database_options(tmp_path) == {"server_side_binding": True, "prepare_threshold": 2}
    assert database_options(tmp_path, TENDING_DB_PREPARED="false") == {}


def test_options_in_the_database_address_are_kept(tmp_path):
    url = "postgres://x@127.0.0.1/db?sslmode=require&connect_timeout=5"
    assert database_options(tmp_path, url) == {
        "sslmode": "require",
        "connect_timeout": 5,
        "server_side_binding": True,
        "prepare_threshold": 2,
    }
    assert database_options(tmp_path, url, TENDING_DB_PREPARED="false") == {
        "sslmode": "require",
        "connect_timeout": 5,
    }
