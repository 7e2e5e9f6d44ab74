"""The `tending` command line: help, accounts and logging moments from the terminal."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from tending.cli import main
from tending.moments.models import Moment
from tests.factories import PersonFactory, UserFactory


def run_cli(env_dir, *args, stdin: str = "") -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment["TENDING_DATA_DIR"] = str(env_dir)
    return subprocess.run(
        [sys.executable, "-m", "tending", *args],
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_documents_every_command(tmp_path):
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0
    for word in ("serve", "createuser", "log", "demo", "TENDING_DATA_DIR", "DATABASE_URL"):
        assert word in result.stdout
    log_help = run_cli(tmp_path, "log", "--help").stdout
    for option in ("--shared", "--understood", "--note", "--when", "--tag", "--user"):
        assert option in log_help


@pytest.mark.one_database  # a child process on its own SQLite file
def test_createuser_then_log_in_a_fresh_data_folder(tmp_path):
    made = run_cli(
        tmp_path,
        "createuser",
        "robin",
        "--password-stdin",
        "--time-zone",
        "Europe/Paris",
        stdin="a-long-quiet-password\n",
    )
    assert made.returncode == 0, made.stderr
    assert "Created the account 'robin'" in made.stdout
    again = run_cli(tmp_path, "createuser", "robin", "--password-stdin", stdin="x-long-password\n")
    assert again.returncode == 1
    assert "already an account called 'robin'" in again.stderr
    weak = run_cli(tmp_path, "createuser", "kim", "--password-stdin", stdin="123\n")
    assert weak.returncode == 1 and "Nothing was created" in weak.stderr
    nobody = run_cli(tmp_path, "log", "Sam")
    assert nobody.returncode == 1
    assert "Nobody called 'Sam' is in your circle" in nobody.stderr
    admin = run_cli(
        tmp_path, "createuser", "ada", "--admin", "--password-stdin", stdin="a-long-admin-pass\n"
    )
    assert admin.returncode == 0 and "It is an administrator" in admin.stdout
    import sqlite3

    with sqlite3.connect(tmp_path / "tending.sqlite3") as database:
        staff = dict(database.execute("SELECT username, is_staff FROM core_user").fetchall())
    assert staff == {"robin": 0, "ada": 1}


@pytest.fixture
def circle(owner):
    for name in ("Sam Rivera", "Samira Haddad", "Alex Chen"):
        PersonFactory(owner=owner, name=name)
    return owner


@pytest.mark.django_db
def test_log_refuses_a_note_past_the_limit_and_saves_nothing(circle, capsys):
    from tending.moments.models import Moment

    code = main(["log", "Alex", "--note", "x" * 10_001])
    assert code != 0 and not Moment.objects.exists()
    assert "10,000 characters" in capsys.readouterr().err


@pytest.mark.django_db
def test_log_a_full_moment(circle, capsys):
    code = main(
        [
            "log",
            "Alex",
            "--shared",
            "feelings",
            "--they-shared",
            "facts",
            "--understood",
            "4",
            "--cared",
            "5",
            "--closeness",
            "6",
            "--how",
            "call",
            "--minutes",
            "30",
            "--note",
            "Long call",
            "--tag",
            "Support",
            "--when",
            "2026-03-14 19:30",
        ]
    )
    assert code == 0
    assert "Logged a moment with Alex Chen on 2026-03-14 19:30" in capsys.readouterr().out
    m = Moment.objects.get()
    assert [p.name for p in m.people.all()] == ["Alex Chen"]
    assert (m.self_disclosure, m.other_disclosure, m.felt_understood) == (3, 1, 4)
    assert (m.felt_cared_for, m.closeness_after, m.channel, m.duration_minutes) == (
        5,
        6,
        "call",
        30,
    )
    assert m.note == "Long call" and [t.name for t in m.tags.all()] == ["support"]
    assert m.occurred_at.isoformat() == "2026-03-14T18:30:00+00:00"  # owner lives in Berlin


@pytest.mark.django_db
def test_ambiguous_name_lists_the_matches_and_logs_nothing(circle, capsys):
    assert main(["log", "Sam"]) == 1
    err = capsys.readouterr().err
    assert "'Sam' could be several people: Sam Rivera, Samira Haddad" in err
    assert main(["log", "Alx Chen"]) == 1
    assert "Did you mean: Alex Chen?" in capsys.readouterr().err
    assert not Moment.objects.exists()


@pytest.mark.django_db
def test_bad_values_are_refused(circle, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["log", "Alex", "--understood", "6"])
    assert stop.value.code == 2
    assert "6 is outside 1 to 5" in capsys.readouterr().err
    assert main(["log", "Alex", "--when", "2999-01-01 10:00"]) == 1
    assert "still to come" in capsys.readouterr().err
    assert main(["log", "Alex", "--when", "soonish"]) == 1
    assert "not a time I understand" in capsys.readouterr().err
    assert not Moment.objects.exists()


@pytest.mark.django_db
def test_several_accounts_need_user(circle, capsys):
    other = UserFactory(username="second")
    PersonFactory(owner=other, name="Alex Other")
    assert main(["log", "Alex"]) == 1
    assert "say whose with --user NAME" in capsys.readouterr().err
    assert main(["log", "Alex", "--user", "second"]) == 0
    assert Moment.objects.get().owner == other
    assert main(["log", "Sam Rivera", "--user", "nobody"]) == 1


@pytest.mark.django_db
def test_archived_people_are_not_matched(owner, capsys):
    PersonFactory(owner=owner, name="Gone Person", is_archived=True)
    assert main(["log", "Gone"]) == 1
    assert get_user_model().objects.count() == 1


@pytest.mark.one_database  # a child process on its own SQLite file
def test_bad_port_is_a_clear_error(tmp_path):
    result = run_cli(tmp_path, "serve", "--port", "70000")
    assert result.returncode == 1
    assert "not a port number" in result.stderr


@pytest.mark.one_database  # a child process on its own SQLite file
def test_log_in_a_fresh_data_folder_is_a_clear_error(tmp_path):
    result = run_cli(tmp_path, "log", "Sam")
    assert result.returncode == 1
    assert "There is no account yet" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.one_database  # a child process on its own SQLite file
def test_demo_refuses_bad_years_without_leaving_an_account(tmp_path):
    result = run_cli(tmp_path, "demo", "--years", "0")
    assert result.returncode == 1 and "from 1 to 30 years" in result.stderr
    made = run_cli(tmp_path, "demo", "--years", "1", "--seed", "3")
    assert made.returncode == 0, made.stderr
    assert "Log in as 'demo' with the password:" in made.stdout
    again = run_cli(tmp_path, "demo", "--years", "1")
    assert again.returncode == 1 and "only goes into an empty account" in again.stderr


@pytest.mark.one_database  # a child process on its own SQLite file
def test_createuser_refuses_a_zone_the_settings_page_cannot_show(tmp_path):
    result = run_cli(
        tmp_path,
        "createuser",
        "kim",
        "--password-stdin",
        "--time-zone",
        "EST",
        stdin="a-long-quiet-password\n",
    )
    assert result.returncode == 1 and "not a time zone we know" in result.stderr


@pytest.mark.django_db
def test_log_refuses_old_dates_and_long_tags(circle, capsys):
    assert main(["log", "Alex", "--when", "1899-12-31"]) == 1
    assert "after 1900" in capsys.readouterr().err
    assert main(["log", "Alex", "--tag", "x" * 41]) == 1
    assert "at most 40 characters" in capsys.readouterr().err
    assert not Moment.objects.exists()


def test_terminal_choices_match_the_models():
    from tending.moments.models import SHARING_SLUGS, Channel
    from tending.moments.terminal import CHANNELS, SHARING

    assert list(SHARING_SLUGS) == SHARING
    assert [SHARING_SLUGS[slug] for slug in SHARING] == list(range(len(SHARING)))  # as stored
    assert list(Channel.values) == CHANNELS


def _subcommands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path of command words, parser) for every command and subcommand, nested."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for word, sub in action.choices.items():
                yield (*path, word), sub
                yield from _subcommands(sub, (*path, word))


def _takes_user(parser: argparse.ArgumentParser) -> bool:
    return any("--user" in action.option_strings for action in parser._actions)


def test_item_14_every_user_option_goes_before_or_after_the_subcommand():
    from tending.cli import build_parser

    commands = dict(_subcommands(build_parser()))
    with_user = [path for path, parser in commands.items() if _takes_user(parser)]
    assert ("journal",) in with_user and ("log",) in with_user
    for path in with_user:
        for inner_path, inner in commands.items():
            if inner_path[: len(path)] == path and inner_path != path:
                assert _takes_user(inner), f"tending {' '.join(inner_path)} refuses --user"
    # And the value given in either place arrives.
    parser = build_parser()
    for argv in (
        ["journal", "--user", "kim", "search", "river"],
        ["journal", "search", "river", "--user", "kim"],
    ):
        assert parser.parse_args(argv).user == "kim"
    assert parser.parse_args(["journal", "search", "river"]).user is None


def test_item_14_createuser_without_a_terminal_points_to_password_stdin(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment["TENDING_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "tending", "createuser", "kim"],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,  # no controlling terminal, as under cron or in a container
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    assert "--password-stdin" in result.stderr and "Nothing was created" in result.stderr


def test_production_without_hosted_settings_says_what_to_set(tmp_path):
    result = run_cli(tmp_path, "serve", "--production", "--port", "8799")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "TENDING_HOSTED=true" in result.stderr and "leave out --production" in result.stderr
