"""`tending journal`: writing in $EDITOR and searching, at the terminal."""

import argparse
from pathlib import Path
from types import SimpleNamespace

import pytest
import time_machine

from tending.cli import CommandError, main
from tending.journal.models import Entry
from tending.journal.terminal import journal, split_entry
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def editor_that_writes(text, returncode=0):
    """A stand-in for running $EDITOR: it writes `text` into the file it was given."""
    seen = {}

    def run(command):
        path = Path(command[-1])
        seen["path"] = path
        seen["before"] = path.read_text(encoding="utf-8")
        path.write_text(seen["before"] + text, encoding="utf-8")
        return SimpleNamespace(returncode=returncode)

    run.seen = seen
    return run


def args(**extra):
    return argparse.Namespace(**{"user": None, "prompt": False, "action": None, **extra})


def test_an_entry_is_saved_when_the_editor_closes_and_the_file_removed(owner, capsys):
    sam = PersonFactory(owner=owner, name="Sam Lee")
    run = editor_that_writes("# A good walk\n\nTalked with @Sam about the move.\n")
    assert journal(args(), run=run) == 0
    entry = Entry.objects.get(owner=owner)
    assert (entry.title, entry.body) == ("A good walk", "Talked with @Sam about the move.")
    assert list(entry.people.all()) == [sam]
    assert not run.seen["path"].exists()
    assert "Saved your entry" in capsys.readouterr().out


def test_an_empty_file_saves_nothing(owner, capsys):
    run = editor_that_writes("\n\n")
    assert journal(args(), run=run) == 0
    assert not Entry.objects.exists()
    assert not run.seen["path"].exists()
    assert "nothing was saved" in capsys.readouterr().out


def test_a_failing_editor_saves_nothing(owner):
    from tending.cli import CommandError

    run = editor_that_writes("Half a thought", returncode=1)
    with pytest.raises(CommandError, match="did not finish cleanly"):
        journal(args(), run=run)
    assert not Entry.objects.exists()
    assert not run.seen["path"].exists()


def test_starting_from_a_prompt_records_it(owner):
    run = editor_that_writes("Something I noticed.")
    journal(args(prompt=True), run=run)
    entry = Entry.objects.get(owner=owner)
    assert entry.prompt_id
    assert "<!--" in run.seen["before"]


def test_search_prints_matches(owner, capsys):
    journal(args(), run=editor_that_writes("# River\n\nWe walked along the river at dusk."))
    journal(args(), run=editor_that_writes("Nothing about water here."))
    capsys.readouterr()
    assert main(["journal", "search", "river"]) == 0
    out = capsys.readouterr().out
    assert "River" in out and "[river]" in out and "1 entry." in out


def test_split_entry():
    assert split_entry("<!-- a\nb -->\n# Title\n\nBody") == ("Title", "Body")
    assert split_entry("  Just text ") == ("", "Just text")
    assert split_entry("<!-- only a comment -->") == ("", "")


def test_a_real_editor_process(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    env.pop("DATABASE_URL", None)
    env["TENDING_DATA_DIR"] = str(tmp_path)
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\nopen(sys.argv[1], 'a', encoding='utf-8').write('Written for real.')\n"
    )
    env["EDITOR"] = f"{sys.executable} {script}"

    def tending(*argv, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "tending", *argv],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert (
        tending("createuser", "kim", "--password-stdin", stdin="a-long-quiet-password\n").returncode
        == 0
    )
    done = tending("journal")
    assert done.returncode == 0, done.stderr
    assert "Saved your entry" in done.stdout
    found = tending("journal", "search", "real")
    assert "Written for [real]." in found.stdout
    leftovers = Path(os.environ.get("TMPDIR", "/tmp")).glob("tending-journal-*.md")
    assert not [p for p in leftovers if "Written for real." in p.read_text(encoding="utf-8")]


def test_item_14_search_prints_plain_text_not_html(owner, capsys):
    body = '> "You don\'t have to" & <b>walk</b> it alone, said Sam.'
    journal(args(), run=editor_that_writes(f"# Tea & <cake>\n\n{body}"))
    capsys.readouterr()
    assert main(["journal", "search", "alone"]) == 0
    out = capsys.readouterr().out
    for entity in ("&gt;", "&lt;", "&quot;", "&#x27;", "&amp;", "&#"):
        assert entity not in out
    assert "Tea & <cake>" in out
    assert '"You don\'t have to" & walk it [alone], said Sam.' in out


def test_item_14_user_goes_before_or_after_search(owner, other, capsys):
    journal(args(user="owner"), run=editor_that_writes("We walked along the river."))
    capsys.readouterr()
    assert main(["journal", "search", "river"]) == 1
    assert "say whose with --user NAME" in capsys.readouterr().err
    for argv in (
        ["journal", "--user", "owner", "search", "river"],
        ["journal", "search", "river", "--user", "owner"],
        ["journal", "search", "--user", "owner", "river"],
    ):
        assert main(argv) == 0, argv
        assert "1 entry." in capsys.readouterr().out
    assert main(["journal", "search", "river", "--user", "other"]) == 0
    assert "Nothing in your journal matches" in capsys.readouterr().out


def test_item_14_a_long_search_says_its_real_length(owner, capsys):
    assert main(["journal", "search", "w" * 100_000]) == 1
    err = capsys.readouterr().err
    assert "at most 500 characters" in err and "100,000" in err


def test_item_14_a_long_search_on_the_web_says_its_real_length(owner_client):
    from django.urls import reverse

    response = owner_client.post(reverse("journal:search"), {"q": "w" * 100_000})
    page = response.content.decode()
    assert "at most 500 characters" in page and "100000" in page
    assert "1000)" not in page


def test_item_13_a_day_far_ahead_is_refused_before_the_editor_opens(owner):
    run = editor_that_writes("Words that must not be lost.")
    with time_machine.travel("2026-03-14 12:00:00+00:00", tick=False):
        with pytest.raises(CommandError, match="still to come"):
            journal(args(date="2030-01-01"), run=run)
        assert "path" not in run.seen  # nothing was written, so nothing is lost
        assert main(["journal", "--date", "2030-01-01"]) != 0
        journal(args(date="2026-03-15"), run=editor_that_writes("Tomorrow, by my clock."))
        journal(args(date="yesterday"), run=editor_that_writes("Yesterday."))
    assert sorted(str(e.written_on) for e in Entry.objects.all()) == ["2026-03-13", "2026-03-15"]


def test_item_13_a_day_that_is_not_a_date_is_refused(owner):
    with pytest.raises(CommandError, match="not a day I understand"):
        journal(args(date="soon"), run=editor_that_writes("x"))


def test_text_printed_at_the_terminal_carries_no_control_codes():
    from tending.journal.terminal import for_terminal

    shown = for_terminal("Tea \x1b]0;gone\x07with <mark>Sam</mark>\x9b2J\tafter\nthen")
    assert shown == "Tea ]0;gonewith [Sam]2J\tafter\nthen"
    assert for_terminal("left \u202eright\u2066 👨\u200d👩") == "left right 👨\u200d👩"
