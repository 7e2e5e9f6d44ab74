"""Every part's catalogue holds exactly the words marked in its code, each translated, and
its compiled .mo is the one its .po makes (scripts/messages.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "messages.py"


@pytest.fixture(scope="module")
def messages():
    spec = importlib.util.spec_from_file_location("messages_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_catalogue_is_up_to_date_and_whole(messages, capsys):
    assert messages.run("check") == 0, capsys.readouterr().out


def test_a_new_word_without_german_is_caught(messages, tmp_path, monkeypatch, capsys):
    part = tmp_path / "tending" / "core"
    (part / "jinja2").mkdir(parents=True)
    (part / "jinja2" / "page.html").write_text('{{ _("A word no catalogue has") }}')
    (tmp_path / "tending" / "settings.py").write_text('INSTALLED_APPS = [\n"tending.core",\n]\n')
    monkeypatch.setattr(messages, "ROOT", tmp_path)
    monkeypatch.setattr(messages, "PACKAGE", tmp_path / "tending")
    assert messages.run("check") == 1
    out = capsys.readouterr().out
    assert "behind the code" in out and "'A word no catalogue has'" in out
    assert messages.run("update") == 0
    capsys.readouterr()
    assert messages.run("check") == 1  # gathered, but still without its German
    assert "no de for 'A word no catalogue has'" in capsys.readouterr().out


def test_a_translation_survives_an_update_and_reaches_the_page(messages):
    from django.utils import translation

    with translation.override("de"):
        assert translation.gettext("Need help now") == "Hilfe jetzt"
        assert translation.pgettext("date format", "j F Y") == "j. F Y"


def test_a_word_two_parts_translate_differently_is_caught(messages):
    said = {
        ("de", "Save", None): {"core": "Speichern", "growth": "Sichern"},
        ("de", "Open", "button"): {"core": "Öffnen", "journal": "Öffnen"},
        ("de", "Open", None): {"mirror": "Offen"},
    }
    assert messages._said_twice(said) == ["de: 'Save' is translated differently in core, growth"]
