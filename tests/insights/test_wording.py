"""What the insights say: never that one thing brings about another, always how many days and
the likely range, and for an early sign what more would tell. Pure, fast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tending.insights import sentences
from tending.insights.analysis import Pattern
from tending.insights.diary import EARLY_SIGN, FINDING

ROOT = Path(__file__).resolve().parents[2]
CAUSAL = re.compile(
    r"\b(makes?|making|made you|causes?|caused|causing|because|leads? to|led to|improves?|"
    r"improved|improving|helps you|helped you|due to|results? in|thanks to|boosts?|"
    r"effect of|affects?|triggers?)\b",
    re.IGNORECASE,
)


def _worded_files():
    files = [ROOT / "tending" / "insights" / "sentences.py"]
    files += sorted(p for p in (ROOT / "tending" / "insights" / "jinja2").rglob("*") if p.is_file())
    return files


def test_the_grep_covers_the_sentences_and_every_insights_template():
    names = {p.name for p in _worded_files()}
    assert "sentences.py" in names
    assert "index.html" in names


@pytest.mark.parametrize("path", _worded_files(), ids=lambda p: p.name)
def test_no_causal_words_in_what_insights_say(path):
    text = path.read_text(encoding="utf-8")
    hits = [m.group(0) for m in CAUSAL.finditer(text)]
    assert hits == [], f"{path}: {hits}"


def test_the_grep_would_catch_causal_words():
    for said in ("Seeing Sam makes you calmer", "This improves mood", "because of", "leads to"):
        assert CAUSAL.search(said)
    assert not CAUSAL.search("On days with a moment, your mood was higher")


def pattern(**changes):
    base = dict(
        exposure="moment-understood",
        outcome="pulse-mood",
        lag_days=0,
        person=None,
        effect=0.56,
        se=0.1,
        df=50.0,
        n_days=120,
        n_effective=90.0,
        exposure_label="a moment where you felt understood",
        outcome_label="your mood",
        low=0.31,
        high=0.84,
        p=0.001,
    )
    return Pattern(**{**base, **changes})


def test_same_day_sentence_says_what_went_together_how_much_and_over_how_many_days():
    said = sentences.describe(pattern(), FINDING, 30.0)
    assert said == (
        "On days with a moment where you felt understood, your mood was about 0.6 points "
        "higher than on days without (most likely between 0.3 and 0.8 higher; "
        "120 days compared)."
    )


def test_a_lower_outcome_is_said_as_lower():
    said = sentences.describe(pattern(effect=-0.56, low=-0.84, high=-0.31), FINDING, 30.0)
    assert "about 0.6 points lower" in said
    assert "most likely between 0.3 and 0.8 lower" in said


def test_next_day_sentence_names_the_day_after_and_yesterday():
    said = sentences.describe(pattern(lag_days=1), FINDING, 30.0)
    assert said.startswith("The day after a moment where you felt understood, your mood was")
    assert "allowing for how the day before went" in said
    assert "120 days compared" in said


def test_amount_sentences_say_per_what():
    said = sentences.describe(
        pattern(exposure="minutes-together", exposure_label="time together", binary=False),
        FINDING,
        30.0,
    )
    assert said.startswith("On days with more time together, your mood tended to be")
    assert "for each extra hour together" in said
    other = sentences.describe(pattern(exposure="x", binary=False, lag_days=1), FINDING, 30.0)
    assert other.startswith("The day after more a moment")
    assert "for each extra point" in other


def test_moment_sentence_names_the_person_and_the_scale():
    said = sentences.describe(
        pattern(
            exposure="moments-with-3",
            outcome="felt_safe",
            person="Sam",
            moments=True,
            outcome_label="safe",
            scale_top=5,
            mean_with=4.62,
            count_with=23,
            effect=0.8,
            low=0.4,
            high=1.2,
        ),
        FINDING,
        30.0,
    )
    assert said == (
        "After time with Sam you usually felt safe: 4.6 of 5 on average over 23 moments, "
        "about 0.8 higher than after your other moments (most likely between 0.4 and 1.2 "
        "higher)."
    )


def test_usually_only_when_the_moments_are_mostly_good():
    base = dict(moments=True, person="Ana", outcome_label="safe", count_with=1, scale_top=5)
    assert "usually" not in sentences.describe(pattern(**base, mean_with=3.4), FINDING, 30.0)
    assert "usually" in sentences.describe(pattern(**base, mean_with=3.5), FINDING, 30.0)
    level = pattern(**base, mean_with=4.0, effect=0.0, low=-0.3, high=0.3)
    assert "usually" in sentences.describe(level, FINDING, 30.0)
    lower = pattern(**base, mean_with=4.0, effect=-0.5, low=-0.9, high=-0.1)
    assert "usually" not in sentences.describe(lower, FINDING, 30.0)
    assert "over 1 moment," in sentences.describe(pattern(**base, mean_with=4.0), FINDING, 30.0)
    nameless = pattern(**{**base, "person": None}, mean_with=4.0)
    assert "After time with this person" in sentences.describe(nameless, FINDING, 30.0)


def test_an_early_sign_says_what_more_would_tell():
    said = sentences.describe(pattern(n_days=20, n_effective=20.0), EARLY_SIGN, 30.0)
    assert said.endswith("This is an early sign: about 14 more days of the daily pulse would tell.")
    moments = sentences.describe(
        pattern(moments=True, n_days=24, n_effective=20.0, person="Sam", outcome_label="safe"),
        EARLY_SIGN,
        30.0,
    )
    assert moments.endswith("This is an early sign: about 15 more rated moments would tell.")
    assert "early sign" not in sentences.describe(pattern(), FINDING, 30.0)


def test_more_needed_counts_towards_the_effective_target():
    assert sentences.more_needed(20, 20.0, 30.0) == 10
    assert sentences.more_needed(40, 20.0, 30.0) == 20  # two days act like one
    assert sentences.more_needed(20, 29.99, 30.0) == 1
    assert sentences.more_needed(20, 30.0, 30.0) == 0
    assert sentences.more_needed(5, 0.5, 30.0) == 148  # 29.5 more, five days each


def test_range_words_cross_zero_honestly():
    assert sentences.range_words(-0.12, 0.8) == (
        "most likely somewhere between 0.1 lower and 0.8 higher"
    )
    assert sentences.range_words(0.0, 0.8) == "most likely between 0.0 and 0.8 higher"
    assert sentences.range_words(-0.8, 0.0) == "most likely between 0.0 and 0.8 lower"


def test_numbers_are_one_decimal_without_a_sign():
    assert sentences.number(0.56) == "0.6"
    assert sentences.number(-1.24) == "1.2"
    assert sentences.number(0.04) == "0.04"
    assert sentences.number(0.0) == "0.0"
    assert sentences.direction(0.0) == "higher"
    assert sentences.direction(-0.01) == "lower"
    assert sentences.days_words(1) == "1 day"
    assert sentences.days_words(2) == "2 days"
