"""Brave steps: easiest first, a pause after a firing safety rule, and predictions against
outcomes in plain words (tending/growth/brave.py)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tending.growth.brave import (
    BARRIERS,
    PAUSE_DAYS,
    Step,
    easiest_first,
    in_range,
    paused_until,
    prediction_words,
    predictions,
    read_barriers,
    starter_steps,
    step_to_offer,
)

DAY = date(2026, 12, 3)


def step(key, hardness, added=0, **more):
    return Step(key, f"Step {key}", hardness, more.pop("belief", 50),
                DAY + timedelta(days=added), **more)  # fmt: skip


def done(key, hardness, felt, came_true, belief=50, after=None):
    return step(key, hardness, done_on=DAY, felt=felt, fear_came_true=came_true,
                belief=belief, belief_after=after)  # fmt: skip


def test_open_steps_come_easiest_first_then_the_one_written_first():
    steps = [
        step(1, 60),
        step(2, 20, added=2),
        step(3, 20, added=1),
        step(4, 90),
        step(5, 20, added=1),
    ]
    assert [s.key for s in easiest_first(steps)] == [3, 5, 2, 1, 4]


def test_steps_done_or_set_aside_are_never_offered():
    steps = [step(1, 10, done_on=DAY), step(2, 5, set_aside=True), step(3, 40), step(4, 30)]
    assert [s.key for s in easiest_first(steps)] == [4, 3]
    assert step_to_offer(steps, DAY).key == 4
    assert step_to_offer([step(1, 10, done_on=DAY), step(2, 5, set_aside=True)], DAY) is None
    assert step_to_offer([], DAY) is None


def test_a_firing_safety_rule_pauses_steps_for_a_week():
    steps = [step(1, 10)]
    fired = DAY - timedelta(days=3)
    assert paused_until(fired) == fired + timedelta(days=PAUSE_DAYS) and PAUSE_DAYS == 7
    assert paused_until(None) is None
    assert step_to_offer(steps, DAY, fired_on=fired) is None
    assert step_to_offer(steps, fired + timedelta(days=6), fired_on=fired) is None
    assert step_to_offer(steps, fired + timedelta(days=7), fired_on=fired).key == 1
    assert step_to_offer(steps, DAY, fired_on=None).key == 1


def test_predictions_against_outcomes_in_plain_words():
    steps = [done(1, 80, 40, False, 90, 30), done(2, 60, 50, True, 70, 60),
             done(3, 50, 40, False, 50, None), step(4, 10), step(5, 30, done_on=DAY)]  # fmt: skip
    found = predictions(steps)
    assert (found.steps, found.fear_came_true) == (3, 1)
    assert found.easier_by == pytest.approx(20.0) and found.belief_before == pytest.approx(70.0)
    assert found.belief_after == pytest.approx(45.0)
    assert prediction_words(found) == (
        "Your fear came true 1 of 3 times; steps felt 20 points easier than you expected. "
        "Beforehand you believed your fears 70% on average; afterwards, 45%."
    )


def test_a_step_written_without_a_fear_counts_for_how_it_felt_only():
    # Taken from the starter ideas with no fear written: the belief of 50 was never chosen.
    steps = [done(1, 80, 40, False, 90, 30), done(2, 60, 20, None, 50, None)]
    assert [s.was_predicted for s in steps] == [True, False]
    assert all(s.has_outcome for s in steps)
    found = predictions(steps)
    assert (found.steps, found.predicted, found.fear_came_true) == (2, 1, 0)
    assert found.easier_by == pytest.approx(40.0)
    assert (found.belief_before, found.belief_after) == (90, 30)
    assert prediction_words(found) == (
        "Your fear came true 0 of 1 time; steps felt 40 points easier than you expected. "
        "Beforehand you believed your fears 90% on average; afterwards, 30%."
    )
    only = predictions([done(1, 60, 20, None)])
    assert (only.predicted, only.belief_before, only.belief_after) == (0, None, None)
    assert prediction_words(only) == "Steps felt 40 points easier than you expected."
    assert prediction_words(predictions([done(1, 60, 60, None)])) == (
        "Steps felt about as hard as you expected."
    )


def test_a_rerated_belief_without_an_answer_on_the_fear_is_left_out():
    found = predictions([done(1, 60, 50, None, 80, 10), done(2, 60, 50, True, 40, 20)])
    assert (found.belief_before, found.belief_after) == (40, 20)


FEAR = "Your fear came true "
SAME = "steps felt about as hard as you expected."


@pytest.mark.parametrize(
    ("steps", "said"),
    [
        ([done(1, 30, 31, True)],
         FEAR + "1 of 1 time; steps felt 1 point harder than you expected."),
        ([done(1, 30, 30, False)], FEAR + "0 of 1 time; " + SAME),
        ([done(1, 30, 30, False), done(2, 40, 39, False)], FEAR + "0 of 2 times; " + SAME),
        ([done(1, 30, 60, True), done(2, 40, 50, True)],
         FEAR + "2 of 2 times; steps felt 20 points harder than you expected."),
        ([done(1, 90, 88, False)],
         FEAR + "0 of 1 time; steps felt 2 points easier than you expected."),
    ],
)  # fmt: skip
def test_the_words_say_harder_easier_or_as_expected(steps, said):
    assert prediction_words(predictions(steps)) == said


def test_a_fraction_of_a_point_rounds_to_one_point_either_way():
    harder = [done(1, 30, 31, False), done(2, 30, 31, False), done(3, 30, 30, False)]
    assert predictions(harder).easier_by == pytest.approx(-2 / 3)
    assert "steps felt 1 point harder than" in prediction_words(predictions(harder))
    easier = [done(1, 31, 30, False), done(2, 31, 30, False), done(3, 30, 30, False)]
    assert "steps felt 1 point easier than" in prediction_words(predictions(easier))


def test_nothing_to_say_before_a_step_is_done():
    assert predictions([step(1, 10), step(2, 20, done_on=DAY)]) is None
    assert prediction_words(None) == ""


def test_ratings_are_from_0_to_100():
    assert [in_range(v) for v in (-1, 0, 50, 100, 101)] == [False, True, True, True, False]


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30), st.booleans()), max_size=30))
def test_the_offered_step_is_always_an_open_one_no_harder_than_any_other(rows):
    steps = [step(k, h, added=a, set_aside=aside) for k, (h, a, aside) in enumerate(rows)]
    offered = step_to_offer(steps, DAY)
    open_steps = [s for s in steps if s.is_open]
    assert (offered is None) == (not open_steps)
    if offered is not None:
        assert offered.is_open and all(offered.hardness <= s.hardness for s in open_steps)


def test_starter_steps_for_each_barrier_easiest_first_in_plain_words():
    barriers = starter_steps()
    assert [b.key for b in barriers] == ["trauma", "mistrust", "shyness"]
    for barrier in barriers:
        assert len(barrier.steps) >= 6 and barrier.title and barrier.about
        hardness = [s.hardness for s in barrier.steps]
        assert hardness == sorted(hardness) and all(0 <= h <= 100 for h in hardness)
        # Never a diagnosis: the words name no condition.
        words = " ".join([barrier.about, *(s.text for s in barrier.steps)]).lower()
        assert not any(w in words for w in ("disorder", "ptsd", "symptom", "diagnos"))


BARRIER = (
    '[[barriers]]\nkey = "{key}"\ntitle = "T"\nde.title = "T de"\nabout = "A"\nde.about = "A de"'
    "\nsteps = [{steps}]\n"
)
STEPS = (
    '{ text = "a", de.text = "a de", hardness = 1 }, { text = "b", de.text = "b de", hardness = 2 }'
)


def barriers_text(keys=BARRIERS, steps=STEPS):
    return "".join(BARRIER.format(key=key, steps=steps) for key in keys)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (barriers_text(keys=("trauma", "shyness", "mistrust")), "in that order"),
        (barriers_text(keys=("trauma", "mistrust")), "in that order"),
        (barriers_text(steps=STEPS.replace("hardness = 1 ", "hardness = 5 ")),
         "easiest to hardest"),
        (barriers_text(steps='{ text = "a", de.text = "a", hardness = 101 }'), "0-100"),
        (barriers_text(steps='{ text = " ", de.text = "a", hardness = 1 }'), "0-100"),
        (barriers_text(steps='{ text = "a", de.text = " ", hardness = 1 }'), "0-100"),
        (barriers_text(steps='{ text = "a", hardness = 1 }'), "de.text"),
        (barriers_text(steps='{ text = "a", de.txt = "a", de.text = "a", hardness = 1 }'),
         "de.txt"),
        (barriers_text(steps=""), "0-100"),
        (barriers_text().replace('de.about = "A de"', "", 1), "de.about"),
        (barriers_text().replace('de.title = "T de"', 'nl.title = "T"', 1), "'nl'"),
    ],
)  # fmt: skip
def test_a_starter_steps_file_that_is_not_right_says_why(text, said):
    with pytest.raises(ValueError, match=said):
        read_barriers(text)
    assert len(read_barriers(barriers_text())) == 3
    german = read_barriers(barriers_text(), "de")
    assert [s.text for s in german[0].steps] == ["a de", "b de"] and german[2].about == "A de"


def test_every_starter_is_in_german_too_at_the_same_place_and_hardness():
    english, german = starter_steps(), starter_steps("de")
    assert starter_steps("de-CH") == german and starter_steps("fr") == english
    for theirs, ours in zip(english, german, strict=True):
        assert ours.key == theirs.key and ours.title != theirs.title and ours.about != theirs.about
        assert [s.hardness for s in ours.steps] == [s.hardness for s in theirs.steps]
        assert all(o.text != t.text for o, t in zip(ours.steps, theirs.steps, strict=True))
        assert all(len(s.text) <= 200 for s in ours.steps)  # a step's words fit its field
