"""The terminal in German: help, messages and the quick paths speak the language the
environment names (LANGUAGE=de); commands, options and machine-readable output stay as typed."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import translation

from tending.cli import epilog, main
from tending.core.terminal_words import catalogue
from tests.core.test_direct import HEAVY, imported, run
from tests.factories import MomentFactory, PersonFactory

GERMAN = {"LANGUAGE": "de"}
ENGLISH = {"LANGUAGE": "", "LC_ALL": "C", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
# Runs a command as `tending` does, help included (argparse ends it with SystemExit).
SHOW_HELP = (
    "import sys\n"
    "from tending.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as stop:\n"
    "    code = stop.code\n"
    "print('DJANGO' if any(m.startswith('django') for m in sys.modules) else 'NO DJANGO')\n"
    "sys.exit(code)\n"
)


# Help ----------------------------------------------------------------------------------------


def test_the_english_epilog_is_as_it_was():
    assert epilog(str).startswith("examples:\n  tending                          start tending at ")


def test_the_german_epilog_keeps_the_commands_and_fits_a_terminal():
    german = epilog(catalogue("de").gettext)
    assert german.startswith(
        "Beispiele:\n  tending                          tending unter "
        "http://127.0.0.1:8000/ starten"
    )
    assert "Konfiguration (Umgebungsvariablen):" in german
    assert "  TENDING_DATA_DIR     wo Datenbank und geheimer Schlüssel liegen\n" in german
    assert '  curl -H "Authorization: Bearer tnd_..." http://127.0.0.1:8000/api/v1/people' in german
    for typed in (  # commands and variables, as typed
        "tending createuser robin --admin ",
        '  tending log "Sam" "Alex" --how video --when "2026-03-14 19:30"\n',
        "  tending journal search walk --user sam\n",
        "  tending export --format csv ~/exports    ",
        "  tending import journal.txt --from jrnl --dry-run\n",
        "  TENDING_INSTRUMENTS_DIR  ",
    ):
        assert typed in german
    assert max(len(line) for line in german.splitlines()) <= 80
    assert "examples:" not in german and "where the database" not in german


def test_help_in_german_loads_no_django(tmp_path):
    shown = run(tmp_path, "--help", env=GERMAN, script=SHOW_HELP)
    assert shown.returncode == 0, shown.stderr
    assert "tending: eine private Begleitung für Selbstfürsorge durch Nähe." in shown.stdout
    assert "createuser  ein Konto anlegen" in shown.stdout
    assert "  tending createuser sam           ein Konto anlegen (fragt nach" in shown.stdout
    assert "start the web app" not in shown.stdout and "examples:" not in shown.stdout
    # argparse's own words too (tending/core/argparse_words.py)
    assert shown.stdout.startswith("Aufruf: tending ")
    assert "Optionen:\n  -h, --help    diese Hilfe zeigen und beenden" in shown.stdout
    assert "usage:" not in shown.stdout and "show this help" not in shown.stdout
    assert shown.stdout.rstrip().endswith("NO DJANGO")
    log = run(tmp_path, "log", "--help", env=GERMAN, script=SHOW_HELP).stdout
    assert "mit wem es war" in log and "wie viel du von dir geteilt hast" in log
    assert "{nothing,facts,thoughts,feelings,vulnerable}" in log  # the choices as typed
    assert not (tmp_path / "tending.sqlite3").exists()


def test_help_in_english_stays_english(tmp_path):
    shown = run(tmp_path, "--help", env=ENGLISH, script=SHOW_HELP).stdout
    assert "serve       start the web app (the default)" in shown
    assert epilog(str).rstrip() in shown
    assert "Beispiele" not in shown
    assert shown.startswith("usage: tending ") and "show this help message and exit" in shown


def test_a_wrong_value_is_refused_in_german(tmp_path):
    refused = run(tmp_path, "log", "Sam", "--understood", "9", env=GERMAN, script=SHOW_HELP)
    assert refused.returncode == 2
    assert "tending log: Fehler: Argument --understood: 9 liegt nicht zwischen 1 und 5" in (
        refused.stderr
    )
    missing = run(tmp_path, "log", env=GERMAN, script=SHOW_HELP)
    assert missing.returncode == 2
    assert "tending log: Fehler: diese Argumente werden gebraucht: NAME" in missing.stderr


# The quick paths, and the Django path behind them --------------------------------------------


@pytest.fixture
def data_folder(tmp_path):
    assert run(tmp_path, "createuser", "sam", "--password-stdin").returncode == 0
    made = run(
        tmp_path,
        "manage",
        "shell",
        "-c",
        "from datetime import date; from tending.circle.models import Person; "
        "from tending.journal.models import Entry; from tending.journal.services import "
        "save_entry; from tending.core.models import User; u = User.objects.get(); "
        "Person.objects.create(owner=u, name='Alex Chen'); "
        "save_entry(u, Entry(title='By the sea', body='A **walk** & more', "
        "written_on=date(2026, 3, 1))); "
        "save_entry(u, Entry(title='', body='Another walk in the rain', "
        "written_on=date(2026, 3, 2)))",
    )
    assert made.returncode == 0, made.stderr
    return tmp_path


def heavy(result) -> list[str]:
    return [m for m in imported(result) if m.startswith(HEAVY)]


@pytest.mark.one_database
def test_log_and_search_speak_german_on_the_quick_path(data_folder):
    logged = run(data_folder, "log", "Alex", "--note", "Tee", env=GERMAN)
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith("Moment mit Alex Chen am ")
    assert " festgehalten.\n" in logged.stdout
    found = run(data_folder, "journal", "search", "sea", env=GERMAN)
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("2026-03-01  By the [sea]\n    A walk & more\n1 Eintrag.\n")
    nothing = run(data_folder, "journal", "search", "nowhere", env=GERMAN)
    assert nothing.stdout.startswith("Nichts in deinem Tagebuch passt dazu.\n")
    for result in (logged, found, nothing):
        assert heavy(result) == []


@pytest.mark.one_database
def test_an_untitled_entry_is_headed_by_its_day_in_german(data_folder):
    """Only Django writes a day out in German: that search takes the Django path."""
    german = run(data_folder, "journal", "search", "rain", env=GERMAN)
    assert german.returncode == 0, german.stderr
    assert german.stdout.startswith("2026-03-02  Montag, 2. März 2026\n")
    assert "1 Eintrag." in german.stdout
    english = run(data_folder, "journal", "search", "rain", env=ENGLISH)
    assert english.stdout.startswith("2026-03-02  Monday 2 March 2026\n")
    assert "1 entry." in english.stdout
    assert heavy(english) == []  # English stays on the quick path


@pytest.mark.one_database
def test_a_refusal_is_said_in_german_with_a_non_zero_exit(data_folder):
    refused = run(data_folder, "log", "Nobody", env=GERMAN)
    assert refused.returncode == 1
    assert "tending: In deinem Kreis heißt niemand 'Nobody'. Es wurde nichts festgehalten." in (
        refused.stderr
    )
    unknown = run(data_folder, "password", "nobody", env=GERMAN)
    assert unknown.returncode == 1
    assert "Es gibt kein Konto namens 'nobody'. Es wurde nichts geändert." in unknown.stderr


# Commands with Django set up -----------------------------------------------------------------


@pytest.fixture
def german(monkeypatch):
    """The terminal's language is German; what Django set up in it is undone afterwards."""
    monkeypatch.setenv("LANGUAGE", "de")
    translation.activate("de")
    yield
    translation.deactivate()


@pytest.mark.django_db
def test_export_counts_in_german(german, owner, tmp_path, capsys):
    sam = PersonFactory(owner=owner, name="Sam")
    MomentFactory(owner=owner, people=[sam])
    target = tmp_path / "mine.json"
    assert main(["export", "--user", "owner", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"'owner' exportiert nach {target}: 1 Person, 1 Moment, " in out
    assert "und alles andere." in out
    assert "Bewahr die Datei an einem sicheren, privaten Ort auf" in out
    document = json.loads(target.read_text(encoding="utf-8"))
    assert "moments" in document  # the file itself keeps its English keys


@pytest.mark.django_db
def test_an_import_refusal_is_german(german, owner, tmp_path, capsys):
    missing = tmp_path / "nothing-here.json"
    assert main(["import", str(missing)]) == 1
    assert f"tending: Unter {missing} gibt es keine Datei." in capsys.readouterr().err


@pytest.mark.one_database
def test_backup_and_restore_refusals_are_german(tmp_path):
    """A real `tending` on an SQLite data folder of its own, whatever DATABASE_URL says."""
    assert run(tmp_path, "createuser", "sam", "--password-stdin").returncode == 0
    nowhere = tmp_path / "nowhere"
    backup = run(tmp_path, "backup", str(nowhere / "backup.sqlite3"), env=GERMAN)
    assert backup.returncode == 1
    assert (
        f"tending: Den Ordner {nowhere} gibt es nicht. Leg ihn zuerst an oder wähl einen anderen."
        in backup.stderr
    )
    missing = tmp_path / "no-backup.sqlite3"
    restore = run(tmp_path, "restore", str(missing), "--yes", env=GERMAN)
    assert restore.returncode == 1
    assert f"tending: Unter {missing} gibt es keine Datei." in restore.stderr
    assert "does not exist" not in backup.stderr and "There is no file" not in restore.stderr


@pytest.mark.django_db
def test_insights_in_german_and_their_json_in_english(german, owner, capsys):
    assert main(["insights"]) == 0
    out = capsys.readouterr().out
    assert "Das sind Muster in deinen eigenen Tagen: sie sagen nicht, was wovon kommt" in out
    assert "not a diagnosis" not in out
    assert main(["insights", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.django_db
def test_an_invitation_in_german(german, capsys):
    assert main(["invite", "--note", "Sam"]) == 0
    out = capsys.readouterr().out
    pattern = r"^Eine Einladung für Sam, einmal nutzbar, gültig bis \d\d\.\d\d\.\d{4}, "
    assert re.search(pattern, out)
    assert "Schick sie privat weiter." in out


@pytest.mark.django_db
def test_a_journal_entry_saved_in_german(german, owner, capsys):
    from tending.journal.terminal import journal

    seen = {}

    def editor(command):
        path = Path(command[-1])
        seen["before"] = path.read_text(encoding="utf-8")
        path.write_text("Ein ruhiger Tag.\n", encoding="utf-8")
        return SimpleNamespace(returncode=0)

    done = argparse.Namespace(user=None, prompt=False, action=None, date="2026-03-04")
    assert journal(done, run=editor) == 0
    assert "Dein Eintrag vom 04. März 2026 ist gespeichert." in capsys.readouterr().out
    assert seen["before"].startswith("<!-- Schreib unter diese Zeilen.")


@pytest.mark.django_db
def test_restore_asks_in_german_and_hears_ja(german):
    from tending.exchange.terminal import confirm

    asked = []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return "ja"

    assert confirm("Sicher?", read, interactive=True)
    assert asked == ["Sicher? Tippe ja, um fortzufahren: "]
    assert confirm("Sicher?", lambda prompt: "yes", interactive=True)  # English still counts
    assert not confirm("Sicher?", lambda prompt: "nein", interactive=True)


@pytest.mark.django_db
def test_the_editors_prompt_is_in_german_too(german, owner):
    from tending.journal.prompts import library
    from tending.journal.terminal import journal

    seen = {}

    def editor(command):
        seen["before"] = Path(command[-1]).read_text(encoding="utf-8")
        return SimpleNamespace(returncode=0)

    journal(argparse.Namespace(user=None, prompt=True, action=None, date=None), run=editor)
    german_prompts = {p.text_in("de") for p in library()}
    shown = seen["before"].split("-->\n")[1].strip().removeprefix("<!-- ").removesuffix(" -->")
    assert shown in german_prompts
