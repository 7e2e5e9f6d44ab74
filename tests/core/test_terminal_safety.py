"""What the terminal prints of someone else's words never reaches the terminal as its own
commands: a stranger's Mirror answer, a line or a group name in an imported file, and the
refusals that quote them, show each control or direction character as its escape."""

from __future__ import annotations

import pytest

from tending.cli import main
from tending.core.terminal_support import shown
from tending.mirror import services
from tending.mirror.queries import round_page
from tending.mirror.terminal import answer_lines

ESCAPES = "\x1b]0;owned\x07\x1b[2J\u202e"


def test_shown_keeps_what_is_text_though_it_is_invisible():
    """Joiners and no-break spaces are part of names and words; only commands are escaped."""
    family, persian = "Fam 👨\u200d👩\u200d👧", "می\u200cخواهم"
    assert shown(f"{family} Jean\xa0Paul {persian}") == f"{family} Jean\xa0Paul {persian}"
    assert shown("ok\u2066x\u2069\u200f") == "ok\\u2066x\\u2069\\u200f"


def test_shown_escapes_what_a_terminal_would_act_on_and_keeps_the_rest():
    assert shown("Ana Müller, 東京 – ok\nnext line") == "Ana Müller, 東京 – ok\nnext line"
    assert shown("a\x1b[2Jb\tc\u202ed\x00") == "a\\x1b[2Jb\\tc\\u202ed\\x00"
    assert shown("") == ""


@pytest.mark.django_db
def test_a_strangers_mirror_answer_is_printed_inert(owner):
    feedback = services.open_round(
        owner, display_name="Ada", message="", words=["calm", "kind", "shy", "warm", "wise"],
        anonymous=False,
    )  # fmt: skip
    made = services.invite(feedback, label="Friend")
    services.answer_by_link(
        made.invitation, words=["kind", "bold", "able", "wise", "witty"],
        valued=f"You listen{ESCAPES}", unseen="You\x1b[8m hide",
    )  # fmt: skip
    printed = "\n".join(answer_lines(round_page(feedback)))
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "You listen\\x1b]0;owned\\x07\\x1b[2J\\u202e" in printed


@pytest.mark.django_db
def test_an_imported_files_words_are_printed_inert(owner, tmp_path, capsys):
    card = tmp_path / "people.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Fam\x1b[31mily\nEND:VCARD\n",
        encoding="utf-8",
    )
    assert main(["import", str(card), "--from", "vcard", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Fam\\x1b[31mily" in out
    refused = tmp_path / "not-a-card.vcf"
    refused.write_text(f"HELLO{ESCAPES}\n", encoding="utf-8")
    assert main(["import", str(refused), "--from", "vcard"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "HELLO\\x1b]0;owned" in err


@pytest.mark.django_db
def test_a_name_that_came_from_an_imported_file_is_printed_inert_where_it_is_used(
    owner, monkeypatch, capsys
):
    """A vCard import keeps a name as it was written; logging a moment with that person, a
    finding that names them, and the plan's people after a check-in print it inert."""
    import argparse

    from tending.checkins.registry import get_instrument
    from tending.checkins.terminal import checkin
    from tending.insights import analysis
    from tending.safety.models import CrisisSettings, OwnCrisisLine, PlanEntry
    from tests.factories import PersonFactory
    from tests.insights.test_findings_cache import finding
    from tests.insights.test_page import pulses

    name = f"Fam{ESCAPES}ily"
    PersonFactory(owner=owner, name=name)
    assert main(["log", "Fam"]) == 0
    logged = capsys.readouterr().out
    assert "\x1b" not in logged and "\u202e" not in logged and "Fam\\x1b]0;owned" in logged

    sentence = f"On days with {name}, your mood was higher."
    monkeypatch.setattr(analysis, "find_patterns", lambda diary: [finding(sentence=sentence)])
    pulses(owner, 20)
    assert main(["insights"]) == 0
    found = capsys.readouterr().out
    assert "\x1b" not in found and "\u202e" not in found and "with Fam\\x1b]0;owned" in found

    CrisisSettings.objects.create(owner=owner, region="US")
    PlanEntry.objects.create(owner=owner, part="coping", text=f"Walk{ESCAPES}", position=1)
    OwnCrisisLine.objects.create(owner=owner, name=f"Sam{ESCAPES}", number="0123 456")
    inst = get_instrument("hard-days")
    answers = iter(["1" if item.scored else "3" for item in inst.items])
    asked = argparse.Namespace(instrument="hard-days", user=None)
    assert checkin(asked, read=lambda prompt="": next(answers)) == 0
    after = capsys.readouterr().out
    assert "\x1b" not in after and "\u202e" not in after and "- Walk\\x1b]0;owned" in after
    assert "  Sam\\x1b]0;owned" in after  # one's own crisis number, first of all
