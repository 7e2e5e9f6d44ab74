"""`tending export --format csv|markdown|vcard` at the terminal: to a file, a folder or a pipe."""

from __future__ import annotations

import io
import stat
import sys
import zipfile

import pytest
import vobject

from tending.cli import main
from tests.exchange.formats_data import Pipe, fill

ENDINGS = {"json": ".json", "csv": ".csv.zip", "markdown": ".md.zip", "vcard": ".vcf"}


@pytest.fixture
def filled(owner, other):
    fill(other, prefix="Other-")
    return fill(owner)


def check(name: str, data: bytes) -> None:
    """The export read back: the owner's rows there, the other account's not."""
    if name == "vcard":
        cards = list(vobject.readComponents(data.decode("utf-8")))
        assert sorted(card.fn.value for card in cards)[-1] == "Zoë Ångström"
        assert len(cards) == 3
    elif name == "json":
        assert b'"Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m"' in data
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            names = archive.namelist()
            data = b"".join(archive.read(n) for n in names)  # unpacked
        assert ("people.csv" in names) == (name == "csv")
        assert ("journal/2026-07-01-etc-passwd.md" in names) == (name == "markdown")
        assert "Zoë".encode() in data
    assert b"Other-" not in data


@pytest.mark.parametrize("name", ["csv", "markdown", "vcard", "json"])
def test_export_each_format_into_a_folder(name, filled, tmp_path, capsys):
    assert main(["export", "--format", name, "--user", "owner", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    made = list(tmp_path.iterdir())
    assert len(made) == 1, made  # no hidden partial file left behind
    target = made[0]
    assert target.name.startswith("tending-export-") and target.name.endswith(ENDINGS[name])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert f"Exported 'owner' to {target}: " in out
    check(name, target.read_bytes())
    # Never over an existing file.
    assert main(["export", "--format", name, "--user", "owner", str(target)]) == 1
    assert "never writes over a file" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["csv", "markdown", "vcard"])
def test_export_each_format_to_a_named_file(name, filled, tmp_path, capsys):
    target = tmp_path / f"mine{ENDINGS[name]}"
    assert main(["export", "--format", name, "--user", "owner", str(target)]) == 0
    check(name, target.read_bytes())
    said = capsys.readouterr().out
    expected = {
        "csv": "3 people, 2 moments, 2 check-ins, 1 daily pulse and 3 journal entries.",
        "markdown": ": 3 journal entries.",
        "vcard": ": 3 people.",
    }
    assert expected[name] in said


@pytest.mark.parametrize("name", ["csv", "markdown", "vcard", "json"])
def test_export_each_format_to_a_pipe(name, filled, monkeypatch, capsys):
    pipe = Pipe()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(pipe)))
    assert main(["export", "--format", name, "--user", "owner", "-"]) == 0
    sys.stdout.flush()
    check(name, bytes(pipe.data))
    assert "to standard output" in capsys.readouterr().err


def test_a_zip_is_not_written_to_a_terminal(filled, monkeypatch, capsys):
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    pipe = Pipe()
    monkeypatch.setattr(sys, "stdout", Terminal(io.BufferedWriter(pipe)))
    assert main(["export", "--format", "csv", "--user", "owner", "-"]) == 1
    assert "a terminal cannot show" in capsys.readouterr().err
    sys.stdout.flush()
    assert pipe.data == b""
    assert (
        main(["export", "--format", "vcard", "--user", "owner", "-"]) == 0
    )  # text is fine on a terminal
    sys.stdout.flush()
    assert pipe.data.startswith(b"BEGIN:VCARD\r\n")


def test_an_unknown_format_is_refused(filled, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "xlsx", str(tmp_path)])
    assert stopped.value.code == 2
    assert "invalid choice: 'xlsx'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
