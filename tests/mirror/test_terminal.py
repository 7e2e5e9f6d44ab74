"""`tending mirror` at the terminal: the rounds, one round's window, and bad arguments."""

from __future__ import annotations

import pytest

from tending.cli import main
from tending.mirror import services
from tending.mirror.models import Round

pytestmark = pytest.mark.django_db

MINE = ["calm", "kind", "shy", "warm", "wise"]


def answered(owner, answers, anonymous=True, created="2026-11-02T12:00:00Z"):
    feedback = services.open_round(
        owner, display_name="Ada", message="", words=MINE, anonymous=anonymous
    )
    Round.objects.filter(pk=feedback.pk).update(created_at=created)
    for number, words in enumerate(answers):
        made = services.invite(feedback, label=f"Friend {number}")
        services.answer_by_link(made.invitation, words=words, valued=f"Valued {number}")
    return feedback


def test_lists_rounds_newest_first_with_the_open_area_change(owner, capsys):
    older = answered(
        owner, [["kind", "bold", "able", "loving", "witty"]], False, "2026-03-10T12:00Z"
    )
    newer = answered(owner, [["kind", "calm", "able", "wise", "witty"]] * 2)
    assert main(["mirror"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{newer.pk:>4}  2 November 2026  anonymous, open, 2 answers"
    assert out[1] == f"{older.pk:>4}  10 March 2026  named, open, 1 answer, 1 in the open"
    assert "1 word others see that you see too." in out


def test_prints_a_rounds_window_with_counts(owner, capsys):
    feedback = answered(owner, [["kind", "bold", "able", "wise", "witty"],
                                ["kind", "calm", "able", "loving", "witty"],
                                ["kind", "calm", "happy", "loving", "witty"]])  # fmt: skip
    assert main(["mirror", str(feedback.pk), "--answers"]) == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())  # a long line wraps
    assert "Your round of 2 November 2026 (anonymous, open)" in out
    assert "From 3 answers" in out
    assert "Open (you and they see): kind 3, calm 2, wise 1" in out
    assert (
        "Blind spot (they see, you didn't pick): witty 3, able 2, loving 2, bold 1, happy 1" in flat
    )
    assert "Hidden (you picked, they didn't): shy, warm" in out
    assert "Unknown (nobody picked): 46 words" in out
    assert "- Valued 0" in out and "Friend" not in out


def test_an_anonymous_round_keeps_its_window_until_three_answered(owner, capsys):
    feedback = answered(owner, [["kind", "bold", "able", "wise", "witty"]] * 2)
    assert main(["mirror", str(feedback.pk), "--answers"]) == 0
    out = capsys.readouterr().out
    assert "2 answers so far" in out and "kind" not in out.split("Your words")[1].split("\n", 1)[1]
    assert "Valued" not in out


def test_a_named_rounds_answers_carry_their_labels(owner, capsys):
    feedback = answered(owner, [["kind", "bold", "able", "wise", "witty"]], anonymous=False)
    assert main(["mirror", str(feedback.pk), "--answers"]) == 0
    out = capsys.readouterr().out
    assert "Friend 0: able, bold, kind, wise, witty" in out
    assert "What they value in you: Valued 0" in out


def test_another_accounts_round_is_not_there(owner, other, capsys):
    theirs = answered(other, [])
    answered(owner, [])
    assert main(["mirror", str(theirs.pk), "--user", owner.username]) != 0
    assert f"There is no round {theirs.pk}" in capsys.readouterr().err


def test_no_rounds_says_where_to_start(owner, capsys):
    assert main(["mirror"]) == 0
    assert "No feedback rounds yet" in capsys.readouterr().out


def test_a_round_number_must_be_a_number(owner, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["mirror", "three"])
    assert exited.value.code == 2
    assert "'three' is not a round's number" in capsys.readouterr().err


def test_the_window_speaks_the_terminals_language(owner, capsys, monkeypatch):
    """LANGUAGE=de: the rounds, the window's areas and the list's words in German; the
    numbers to type stay as they are."""
    from django.utils import translation

    monkeypatch.setenv("LANGUAGE", "de")
    feedback = answered(owner, [["kind", "bold", "able", "wise", "witty"]] * 3)
    try:
        assert main(["mirror"]) == 0
        assert main(["mirror", str(feedback.pk)]) == 0
    finally:
        translation.deactivate()
    out = capsys.readouterr().out
    assert f"{feedback.pk:>4}  2. November 2026  anonym, offen, 3 Antworten" in out
    assert "Deine Runde vom 2. November 2026 (anonym, offen)" in out
    assert "Aus 3 Antworten" in out
    assert "Offen (du und die anderen seht es): " in out
    assert "Verborgen (du hast es gewählt, die anderen nicht): " in out
    assert "kind" not in out.split("Deine Wörter: ")[1].splitlines()[0]  # the words too
    assert "`tending mirror NUMMER`" in out
