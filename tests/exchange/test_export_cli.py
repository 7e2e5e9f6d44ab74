"""`tending export` and `tending import` at the terminal: files, standard output, refusals."""

from __future__ import annotations

import json
import os
import stat

import pytest

from tending.circle.models import Person
from tending.cli import main
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory, UserFactory


@pytest.fixture
def sam(owner):
    person = PersonFactory(owner=owner, name="Sam")
    MomentFactory(owner=owner, people=[person], note="Tea by the river")
    return person


def test_export_to_a_file_then_import_into_a_new_account(sam, owner, tmp_path, capsys):
    target = tmp_path / "mine.json"
    assert main(["export", "--user", "owner", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Exported 'owner' to {target}: 1 person, 1 moment" in out
    assert "Keep the file somewhere safe and private: it holds what you wrote." in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["moments"][0]["note"] == "Tea by the river"

    UserFactory(username="fresh")
    assert main(["import", str(target), "--user", "fresh"]) == 0
    out = capsys.readouterr().out
    assert "into 'fresh'. Added:" in out
    assert "  people: 1" in out and "  moments: 1" in out
    assert Moment.objects.get(owner__username="fresh").note == "Tea by the river"


def test_export_into_a_folder_gets_a_dated_name_and_never_overwrites(sam, tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 0
    made = list(tmp_path.glob("tending-export-*.json"))
    assert len(made) == 1
    assert main(["export", str(made[0])]) == 1
    assert "never writes over a file" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "no" / "such.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_to_standard_output(sam, capsys):
    assert main(["export", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["people"][0]["name"] == "Sam"
    assert "to standard output" in captured.err


def test_import_dry_run_writes_nothing(sam, owner, tmp_path, capsys):
    target = tmp_path / "mine.json"
    main(["export", str(target)])
    fresh = UserFactory(username="fresh")
    capsys.readouterr()
    assert main(["import", "--dry-run", "--user", "fresh", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Nothing was written (--dry-run)" in out and "would add" in out
    assert not Person.objects.filter(owner=fresh).exists()


def test_import_refusals_are_one_clear_line(sam, owner, tmp_path, capsys):
    target = tmp_path / "mine.json"
    main(["export", str(target)])
    capsys.readouterr()
    assert main(["import", str(target)]) == 1  # into the same account: it has data
    assert "already holds data (people: 1, moments: 1)" in capsys.readouterr().err

    UserFactory(username="fresh")
    document = json.loads(target.read_text())
    document["moments"][0]["people"] = ["person-7"]
    target.write_text(json.dumps(document))
    assert main(["import", str(target), "--user", "fresh"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tending: {target}: moments[0].people[0]: there is no person")
    assert err.strip().endswith("Nothing was changed.")

    document["version"] = 99
    target.write_text(json.dumps(document))
    assert main(["import", str(target), "--user", "fresh"]) == 1
    assert "newer tending" in capsys.readouterr().err

    target.write_text("{not json")
    assert main(["import", str(target), "--user", "fresh"]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.json"), "--user", "fresh"]) == 1
    assert "There is no file" in capsys.readouterr().err
    assert not Person.objects.filter(owner__username="fresh").exists()


def test_export_says_whose_when_there_are_several(sam, other, tmp_path, capsys):
    assert main(["export", os.fspath(tmp_path / "x.json")]) == 1
    assert "say whose with --user NAME" in capsys.readouterr().err


def test_only_the_json_format_and_tendings_own_documents_for_now(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["export", "--format", "xlsx", str(tmp_path / "x.xlsx")])
    with pytest.raises(SystemExit):
        main(["import", "--from", "nowhere-known", str(tmp_path / "x.json")])


def test_a_file_far_too_large_is_refused_before_it_is_read(owner, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tending.exchange.terminal.LARGEST_DOCUMENT", 10)
    target = tmp_path / "big.json"
    target.write_text('{"format": "tending-export", "version": 1}')
    assert main(["import", str(target)]) == 1
    assert "larger than" in capsys.readouterr().err
