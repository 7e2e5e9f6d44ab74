"""`tending checkin` and `tending instruments` at the terminal."""

import argparse

import pytest

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.terminal import checkin
from tending.cli import main


def scripted(*answers):
    """A stand-in for input() that gives these answers in turn and records the prompts."""
    queue = list(answers)
    prompts = []

    def read(prompt):
        prompts.append(prompt)
        item = queue.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item

    read.prompts = prompts
    return read


@pytest.mark.django_db
def test_checkin_at_the_terminal_rejects_bad_answers_and_scores(owner, capsys):
    inst = get_instrument("connection")
    # Numbered choices are 1..3 for the values 1..3; "7" and "x" are asked again.
    read = scripted("7", "x", "3", "2", "3")
    code = checkin(argparse.Namespace(instrument="connection", user=None), read=read)
    assert code == 0
    out = capsys.readouterr().out
    assert out.count("Please type a number from 1 to 3.") == 2
    saved = CheckIn.objects.get()
    assert saved.total == 8 and saved.owner == owner
    assert f"Your {inst.title}: 8" in out and "not a diagnosis" in out


@pytest.mark.django_db
def test_ctrl_c_saves_nothing(owner, capsys):
    read = scripted("2", KeyboardInterrupt())
    assert checkin(argparse.Namespace(instrument="connection", user=None), read=read) == 130
    assert "Nothing was saved." in capsys.readouterr().err
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_choosing_the_check_by_number_and_the_safety_rule(owner, capsys):
    from tending.checkins.registry import instruments

    listed = list(instruments())
    number = str(listed.index("hard-days") + 1)
    inst = get_instrument("hard-days")
    answers = [
        "1" if item.scored else "2" for item in inst.items
    ]  # self-harm answered above "not at all"
    assert (
        checkin(argparse.Namespace(instrument=None, user=None), read=scripted(number, *answers))
        == 0
    )
    out = capsys.readouterr().out
    assert CheckIn.objects.get().safety_fired
    assert "Nobody watches these answers" in out


@pytest.mark.django_db
def test_unknown_check_is_a_clear_error(owner, capsys):
    assert main(["checkin", "nope"]) == 1
    assert "There is no check-in called 'nope'" in capsys.readouterr().err


def test_instruments_check_reports_good_and_bad_files(tmp_path, capsys):
    from tending.checkins.definitions import builtin_folder

    good = builtin_folder() / "connection.toml"
    bad = tmp_path / "broken.toml"
    bad.write_text('id = "broken"\n', encoding="utf-8")
    assert main(["instruments", "check", str(good)]) == 0
    assert "✓" in capsys.readouterr().out
    assert main(["instruments", "check", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "broken.toml" in err and "Problems in 1 of 2 files." in err


@pytest.mark.django_db
def test_at_the_terminal_help_comes_first_with_texting_and_the_plan(owner, capsys):
    from tending.safety.models import CrisisSettings, PlanEntry

    CrisisSettings.objects.create(owner=owner, region="US")
    PlanEntry.objects.create(owner=owner, part="coping", text="Walk round the block", position=1)
    inst = get_instrument("hard-days")
    answers = ["1" if item.scored else "3" for item in inst.items]
    assert (
        checkin(argparse.Namespace(instrument="hard-days", user=None), read=scripted(*answers)) == 0
    )
    out = capsys.readouterr().out
    after_questions = out[out.index("Thank you for answering.") :]
    assert after_questions.index("call 988") < after_questions.index("Your Hard days")
    assert "text" in after_questions and "Walk round the block" in after_questions
