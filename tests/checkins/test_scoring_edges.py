"""Scoring at the edges mutation testing found unguarded: small changes, subscales, odd scales."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from tending.checkins.definitions import builtin_folder, load_instrument, load_instruments
from tending.checkins.scoring import AnswerError, Change, change_since, score
from tests.checkins.test_definitions import BASE, write

BUILT = load_instruments([builtin_folder()])
PULSE = BUILT["daily-pulse"]  # a mean, higher is better
STRESS = BUILT["stress"]  # a sum, higher is worse


def instrument(tmp_path, method, values=(2, 3, 4, 5, 6), max_missing=1, **scoring):
    """Three items a, b, c and a subscale of a and b, on a scale that need not start at 0 or 1."""
    data = copy.deepcopy(BASE)
    data["scale"] = {"values": list(values), "labels": [f"l{v}" for v in values]}
    data["items"] = [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}]
    missing = "prorate" if max_missing else "refuse"
    data["scoring"] = {"method": method, "missing": missing, **scoring}
    if max_missing:
        data["scoring"]["max_missing"] = max_missing
    data["bands"] = []
    data["safety"] = []
    data["subscales"] = [{"id": "ab", "title": "A and B", "items": ["a", "b"]}]
    return load_instrument(write(tmp_path, data))


def test_item_14_a_small_rise_on_a_mean_is_better_not_worse():
    # Less than one point on a 1-5 mean is still a change for the better.
    assert change_since(PULSE, 3.6, 3.2).direction == "better"
    assert change_since(PULSE, 3.2, 3.6).direction == "worse"
    assert change_since(PULSE, 4.0, 3.0).direction == "better"  # exactly one point
    assert change_since(PULSE, 2.0, 3.0).direction == "worse"
    assert change_since(STRESS, 6, 7).direction == "better"  # one point less stress


def test_item_14_a_change_says_how_big_and_whether_it_counts():
    rise = change_since(PULSE, 3.6, 3.2)
    assert rise.delta == pytest.approx(0.4, abs=0.051)
    assert rise.meaningful is None  # the pulse names no meaningful change
    fall = change_since(STRESS, 6, 9)
    assert (fall.delta, fall.direction) == (-3.0, "better")


def test_item_14_rescaling_counts_from_the_lowest_answer_of_any_scale(tmp_path):
    inst = instrument(tmp_path, "rescale_100")  # answers 2..6, three items: 6..18
    assert score(inst, {"a": 2, "b": 2, "c": 2}).total == 0.0
    assert score(inst, {"a": 6, "b": 6, "c": 6}).total == 100.0
    # 3 + 4 + 5 = 12 of 6..18 -> (12 - 6) / 12 x 100 = 50
    assert score(inst, {"a": 3, "b": 4, "c": 5}).total == 50.0
    # subscale a, b: 3 + 4 = 7 of 4..12 -> (7 - 4) / 8 x 100 = 37.5
    assert score(inst, {"a": 3, "b": 4, "c": 5}).subscales == {"ab": 37.5}


def test_item_14_a_subscale_is_kept_when_no_more_than_the_allowed_answers_are_skipped(tmp_path):
    inst = instrument(tmp_path, "sum")
    # b skipped (one, as allowed): a stands in for it, so the subscale is 3 + 3.
    result = score(inst, {"a": 3, "c": 5})
    assert result.subscales == {"ab": 6.0}
    assert result.total == 12.0  # mean 4 x 3 items
    assert (result.answered, result.missing, result.prorated) == (2, 1, True)


def test_item_14_a_subscale_with_every_item_skipped_is_left_out(tmp_path):
    inst = instrument(tmp_path, "sum", values=(0, 1, 2, 3), max_missing=2)
    result = score(inst, {"c": 3})
    assert result.subscales == {}
    assert result.total == 9.0


def test_item_14_skipping_more_than_allowed_is_refused_by_count(tmp_path):
    inst = instrument(tmp_path, "sum", values=(0, 1, 2, 3), max_missing=2)
    assert score(inst, {"a": 1, "b": None, "c": None}).total == 3.0
    one_allowed = instrument(tmp_path, "sum")
    with pytest.raises(AnswerError, match="at most 1 may be skipped; missing: b, c"):
        score(one_allowed, {"a": 3})


def test_item_14_a_refused_set_names_everything_missing(tmp_path):
    inst = instrument(tmp_path, "sum", max_missing=0)
    with pytest.raises(AnswerError) as caught:
        score(inst, {"a": 3, "b": None})
    assert caught.value.item is None
    assert caught.value.message == "every question needs an answer; missing: b, c"


def test_item_14_sum_times_multiplies_and_a_hand_built_instrument_is_checked(tmp_path):
    times = instrument(tmp_path, "sum_times", factor=3)
    assert score(times, {"a": 2, "b": 3, "c": 4}).total == 27.0
    unknown = dataclasses.replace(times, method="median")
    with pytest.raises(ValueError, match="unknown scoring method 'median'"):
        score(unknown, {"a": 2, "b": 3, "c": 4})


def test_item_14_totals_are_rounded_to_two_decimals(tmp_path):
    inst = instrument(tmp_path, "mean")
    # (2 + 3 + 3) / 3 = 2.666...
    assert score(inst, {"a": 2, "b": 3, "c": 3}).total == 2.67
    assert score(inst, {"a": 2, "b": 3, "c": 3}).subscales == {"ab": 2.5}


def test_item_14_the_change_is_said_in_one_voice():
    # The web and the terminal both read these words (issue 9, item 16).
    words = {
        d: Change(delta=1.0, meaningful=None, direction=d).words
        for d in ("better", "worse", "same")
    }
    assert words == {"better": "better", "worse": "harder", "same": "no change"}
