"""`tending import FILE --from jrnl|dayone`: preview, --dry-run, summary, refusals, progress."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from tending.cli import build_parser, main
from tending.core.models import Tag
from tending.exchange.foreign import SOURCES
from tending.exchange.foreign_terminal import Bar
from tending.journal.models import Entry

SAMPLES = Path(__file__).parent / "samples"


def rows() -> tuple[int, int]:
    return Entry.objects.count(), Tag.objects.count()


def test_dry_run_previews_and_writes_nothing(owner, capsys):
    code = main(["import", str(SAMPLES / "dayone-export.zip"), "--from", "dayone", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "New, to add: 8 journal entries." in out
    assert "places → a line “Place: …” at the end of the entry (2 entries)" in out
    assert "music → not carried: fields tending does not know" in out
    assert out.rstrip().endswith("Nothing was written (--dry-run).")
    assert rows() == (0, 0)


def test_import_then_import_again(owner, capsys):
    file = str(SAMPLES / "jrnl-journal.txt")
    assert main(["import", file, "--from", "jrnl", "--user", "owner"]) == 0
    out = capsys.readouterr().out
    assert "Added to 'owner': 14 journal entries." in out
    assert "Left out, as already in tending: 0." in out
    assert "Adding [" not in out  # no progress bar when output is not a terminal
    assert Entry.objects.filter(owner=owner).count() == 14
    assert main(["import", str(SAMPLES / "jrnl-export.md"), "--from", "jrnl"]) == 0
    out = capsys.readouterr().out
    assert "Already in tending, left out: 14 journal entries." in out
    assert "stars → not carried: jrnl's Markdown export" in out
    assert "Nothing new to add to 'owner'; nothing was changed." in out
    assert Entry.objects.count() == 14


def test_the_summary_counts_what_was_left_out(owner, capsys):
    assert main(["import", str(SAMPLES / "jrnl-journal-24h.txt"), "--from", "jrnl"]) == 0
    capsys.readouterr()
    assert main(["import", str(SAMPLES / "jrnl-journal.txt"), "--from", "jrnl"]) == 0
    out = capsys.readouterr().out
    assert "New, to add: 1 journal entry." in out
    assert "Already in tending, left out: 13 journal entries." in out
    assert "Added to 'owner': 1 journal entry." in out
    assert "Left out, as already in tending: 13." in out
    assert Entry.objects.count() == 14


def test_an_account_with_data_takes_a_foreign_import(owner, capsys):
    Entry.objects.create(owner=owner, body="Written in tending first")
    assert main(["import", str(SAMPLES / "jrnl-export.json"), "--from", "jrnl"]) == 0
    assert Entry.objects.count() == 15


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            json.dumps({"entries": [{"date": "2024-01-01", "body": "x" * 60_000}]}).encode(),
            "Entry 1 is 60,000 characters long; tending keeps at most 50,000 in one entry.",
        ),
        (
            b'{"entries": [{"date": "2024-01-01"}, {"date": 5}]}',
            "In entry 2, “date” should be text",
        ),
        (b"hello", "This does not look like a jrnl file."),
        (b"[2024-01-01 09:00] ok\n[2024-13-01 09:00] no\n", "The entry on line 2 has a date that"),
    ],
)
def test_a_bad_file_is_refused_naming_the_problem(owner, tmp_path, capsys, content, said):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    Entry.objects.create(owner=owner, body="Already here")
    assert main(["import", str(bad), "--from", "jrnl"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tending: {bad}: {said}")
    assert err.rstrip().endswith("Nothing was changed.")
    assert rows() == (1, 0)
    assert len(err.strip().splitlines()) == 1


def test_a_day_one_zip_bomb_is_refused_at_the_terminal(owner, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tending.exchange.foreign.dayone.MOST_JSON", 2**20)
    bomb = tmp_path / "Export.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", b" " * (2 * 2**20))
    assert main(["import", str(bomb), "--from", "dayone"]) == 1
    err = capsys.readouterr().err
    assert "The JSON in this zip unpacks to more than 1 MB" in err
    assert rows() == (0, 0)
    nested = tmp_path / "Journal.json"
    nested.write_bytes(b'{"entries": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    assert main(["import", str(nested), "--from", "dayone"]) == 1
    assert "nested far too deeply" in capsys.readouterr().err
    assert rows() == (0, 0)


def test_a_failure_while_adding_leaves_nothing_behind(owner, capsys, monkeypatch):
    calls = {"n": 0}
    real = Entry.full_clean

    def fail_third(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValidationError("Something about the third entry is wrong.")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Entry, "full_clean", fail_third)
    code = main(["import", str(SAMPLES / "jrnl-export.json"), "--from", "jrnl"])
    assert code == 1
    err = capsys.readouterr().err
    assert "Something about the third entry is wrong. Nothing was changed." in err
    assert rows() == (0, 0)


def test_standard_input_and_a_missing_file(owner, capsys, monkeypatch):
    data = json.dumps({"entries": [{"date": "2024-01-01", "body": "from a pipe"}]}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["import", "-", "--from", "jrnl"]) == 0
    assert "Read standard input as jrnl" in capsys.readouterr().out
    assert Entry.objects.get().body == "from a pipe"
    assert main(["import", "/nowhere/at/all.json", "--from", "dayone"]) == 1
    assert "There is no file at /nowhere/at/all.json." in capsys.readouterr().err


def test_a_folder_is_named_as_one(tmp_path, capsys):
    for source in ("jrnl", "tending"):
        assert main(["import", str(tmp_path), "--from", source]) == 1
        assert f"{tmp_path} is a folder; please give the file itself." in capsys.readouterr().err


def test_the_choices_come_from_sources_and_help_says_the_difference(monkeypatch, capsys):
    monkeypatch.setitem(SOURCES, "elsewhere", "tending.exchange.foreign.jrnl")
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["import", "--help"])
    out = capsys.readouterr().out
    choices = "{" + ",".join(["tending", *sorted(SOURCES)]) + "}"
    assert "elsewhere" in choices and choices in out.replace("\n", "").replace(" ", "")
    assert "account that has no data yet" in out and "may already hold data" in out
    assert "docs/importing.md" in out
    assert parser.parse_args(["import", "x", "--from", "elsewhere"]).source == "elsewhere"


def test_the_bar_draws_only_on_a_terminal():
    out = io.StringIO()
    bar = Bar(out, "Adding", is_terminal=True)
    for done in range(1, 5):
        bar(done, 4)
    bar(4, 4)  # the same percent again draws nothing more
    bar.close()
    drawn = out.getvalue()
    assert drawn.count("\r") == 4 + 2  # four draws, then the line wiped
    assert "Adding [#######.......................] 25%" in drawn
    assert "Adding [##############################] 100%" in drawn
    assert drawn.endswith("\r" + " " * 44 + "\r")
    quiet = io.StringIO()
    silent = Bar(quiet, "Adding", is_terminal=False)
    silent(1, 2)
    silent.close()
    assert quiet.getvalue() == ""
    assert Bar(io.StringIO(), "x").on is False  # a StringIO is no terminal
    edges = io.StringIO()
    bar = Bar(edges, "x", is_terminal=True)
    bar(0, 1)
    bar(2, 3)
    bar(99, 100)
    bar(1, 1)
    bar(5, 4)  # more than the whole is still a whole
    bar.close()
    assert edges.getvalue() == (
        "\rx [" + "." * 30 + "] 0%"
        "\rx [" + "#" * 19 + "." * 11 + "] 66%"
        "\rx [" + "#" * 29 + ".] 99%"
        "\rx [" + "#" * 30 + "] 100%"
        "\r" + " " * 39 + "\r"
    )
    nothing = io.StringIO()
    empty = Bar(nothing, "x", is_terminal=True)
    empty(0, 0)
    empty.close()
    assert nothing.getvalue() == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_bar_shows_while_adding(owner, monkeypatch):
    screen = Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    assert main(["import", str(SAMPLES / "dayone-export.zip"), "--from", "dayone"]) == 0
    shown = screen.getvalue()
    assert "\rAdding [##############################] 100%" in shown
    assert shown.index("100%") < shown.index("Added to 'owner': 8 journal entries.")
    assert "What was kept as text, or not carried, is listed above." in shown
