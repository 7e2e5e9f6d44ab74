"""Scoring against hand-worked examples for every built-in, plus properties over any answers."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tending.checkins.definitions import builtin_folder, load_instrument, load_instruments
from tending.checkins.scoring import AnswerError, band_for, change_since, safety_fired, score
from tests.checkins.test_definitions import BASE, write

BUILT = load_instruments([builtin_folder()])
WELLBEING = BUILT["weekly-wellbeing"]
STRESS = BUILT["stress"]
CONNECTION = BUILT["connection"]
HARD = BUILT["hard-days"]
PULSE = BUILT["daily-pulse"]


def answers(inst, *values):
    """Answers in the order the instrument asks its items."""
    return {item.id: value for item, value in zip(inst.items, values, strict=False)}


# --- weekly well-being: raw sum x 4 -------------------------------------------------------


def test_wellbeing_hand_worked():
    result = score(WELLBEING, answers(WELLBEING, 3, 4, 2, 5, 1))
    # 3 + 4 + 2 + 5 + 1 = 15; 15 x 4 = 60 (not (15 - 5) x 4 = 40)
    assert result.total == 60.0
    assert result.band.label == "Good"
    assert (result.answered, result.missing, result.prorated, result.fired) == (5, 0, False, ())


@pytest.mark.parametrize(
    ("values", "total", "label"),
    [
        ((0, 0, 0, 0, 0), 0.0, "Very low"),
        ((2, 2, 1, 1, 1), 28.0, "Very low"),  # raw 7 -> 28: the top of the lowest band
        ((2, 2, 2, 1, 1), 32.0, "Lower than usual"),  # raw 8 -> 32
        ((3, 3, 2, 2, 2), 48.0, "Lower than usual"),  # raw 12 -> 48
        ((3, 3, 3, 2, 2), 52.0, "Good"),  # raw 13 -> 52
        ((5, 5, 5, 5, 5), 100.0, "Good"),
    ],
)
def test_wellbeing_bands(values, total, label):
    result = score(WELLBEING, answers(WELLBEING, *values))
    assert (result.total, result.band.label) == (total, label)


@pytest.mark.parametrize(
    ("total", "label"),
    [
        (28, "Very low"),
        (28.5, "Very low"),  # between 0-28 and 29-50: belongs to the band below
        (29, "Lower than usual"),
        (50, "Lower than usual"),
        (50.99, "Lower than usual"),
        (51, "Good"),
        (100, "Good"),
    ],
)
def test_band_edges_and_the_gap_rule(total, label):
    assert band_for(WELLBEING, total).label == label


def test_band_for_outside_every_band():
    assert band_for(WELLBEING, -1) is None and band_for(WELLBEING, 100.5) is None
    assert band_for(STRESS, 5) is None  # stress has no bands


def test_wellbeing_prorates_one_missing_answer():
    result = score(WELLBEING, answers(WELLBEING, 3, 4, 2, 5, None))
    # answered mean 14 / 4 = 3.5; x 5 items = 17.5 raw; x 4 = 70
    assert result.total == 70.0 and result.band.label == "Good"
    assert (result.answered, result.missing, result.prorated) == (4, 1, True)
    absent = {k: v for k, v in answers(WELLBEING, 3, 4, 2, 5, 1).items() if k != "rested"}
    # 3 + 4 + 2 + 1 = 10 -> mean 2.5 -> 12.5 raw -> 50: the top of "Lower than usual"
    assert score(WELLBEING, absent).total == 50.0


def test_wellbeing_refuses_two_missing_answers():
    with pytest.raises(AnswerError) as caught:
        score(WELLBEING, answers(WELLBEING, 3, None, 2, 5, None))
    assert caught.value.item is None
    assert str(caught.value) == "at most 1 may be skipped; missing: at-ease, interest"


# --- stress: items 2 and 3 reverse-keyed ---------------------------------------------------


@pytest.mark.parametrize(
    ("values", "total"),
    [
        ((2, 1, 3, 0), 6.0),  # 2 + (4 - 1) + (4 - 3) + 0
        ((0, 4, 4, 0), 0.0),
        ((4, 0, 0, 4), 16.0),
        ((4, 4, 4, 4), 8.0),  # 4 + 0 + 0 + 4
    ],
)
def test_stress_reverse_keying(values, total):
    result = score(STRESS, answers(STRESS, *values))
    assert result.total == total and result.band is None


def test_stress_refuses_a_missing_answer():
    with pytest.raises(AnswerError, match="every question needs an answer; missing: going-well"):
        score(STRESS, answers(STRESS, 2, 1, None, 0))


# --- connection: 1-3, sum 3-9 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "total", "label"),
    [
        ((1, 1, 1), 3.0, "Not often lonely"),
        ((2, 2, 1), 5.0, "Not often lonely"),
        ((2, 2, 2), 6.0, "Often lonely"),
        ((3, 3, 3), 9.0, "Often lonely"),
    ],
)
def test_connection_bands(values, total, label):
    result = score(CONNECTION, answers(CONNECTION, *values))
    assert (result.total, result.band.label) == (total, label)


# --- hard days: two scored items and an unscored safety item --------------------------------


def test_hard_days_three_suggests_talking():
    result = score(HARD, answers(HARD, 1, 2, 0))
    assert result.total == 3.0 and result.band.label == "Worth talking about"
    assert "not a diagnosis" in result.band.meaning
    assert score(HARD, answers(HARD, 1, 1, 0)).band.label == "Fewer hard days"


def test_hard_days_self_harm_zero_fires_nothing():
    assert score(HARD, answers(HARD, 3, 3, 0)).fired == ()


@pytest.mark.parametrize("raw", [1, 2, 3])
def test_hard_days_self_harm_any_answer_above_not_at_all_fires(raw):
    result = score(HARD, answers(HARD, 0, 0, raw))
    assert [rule.item for rule in result.fired] == ["self-harm"]
    assert result.total == 0.0  # the safety item never counts in the score
    assert result.fired[0].message


@pytest.mark.parametrize("skipped", [{"self-harm": None}, {}])
def test_hard_days_self_harm_may_be_skipped(skipped):
    result = score(HARD, {"little-interest": 2, "feeling-low": 1, **skipped})
    assert result.total == 3.0 and result.fired == () and not result.prorated


def test_hard_days_refuses_a_missing_scored_item_but_still_reports_the_safety_rule():
    refused = {"little-interest": None, "feeling-low": None, "self-harm": 2}
    with pytest.raises(AnswerError) as caught:
        score(HARD, refused)
    assert [rule.item for rule in safety_fired(HARD, refused)] == ["self-harm"]
    assert "little-interest, feeling-low" in str(caught.value)
    with pytest.raises(AnswerError, match="missing: feeling-low"):
        score(HARD, {"little-interest": 1, "self-harm": 0})


# --- daily pulse: mean, stress reversed, one subscale per question ---------------------------


def test_pulse_mean_with_stress_reversed():
    result = score(PULSE, {"mood": 4, "energy": 3, "stress": 2, "connected": 5})
    # stress 2 -> 1 + 5 - 2 = 4; (4 + 3 + 4 + 5) / 4 = 4.0
    assert result.total == 4.0 and result.band is None
    assert result.subscales == {"mood": 4.0, "energy": 3.0, "calm": 4.0, "connected": 5.0}


def test_pulse_prorates_one_skip_and_leaves_its_subscale_out():
    result = score(PULSE, {"mood": 4, "energy": 3, "stress": 2, "connected": None})
    # (4 + 3 + 4) / 3 = 3.666... -> 3.67
    assert result.total == 3.67 and result.prorated and result.missing == 1
    assert result.subscales == {"mood": 4.0, "energy": 3.0, "calm": 4.0}


def test_pulse_refuses_two_skips():
    with pytest.raises(AnswerError, match="at most 1 may be skipped; missing: energy, stress"):
        score(PULSE, {"mood": 4, "connected": 5})


def test_nothing_answered_is_refused():
    with pytest.raises(AnswerError, match="nothing to score"):
        score(PULSE, {})


# --- methods on small inline instruments -----------------------------------------------------


def inline(tmp_path, method, **scoring):
    data = copy.deepcopy(BASE)
    data["scale"] = {"values": [1, 2, 3, 4, 5], "labels": list("abcde")}
    data["items"] = [
        {"id": "a", "text": "A"},
        {"id": "b", "text": "B", "reverse": True},
        {"id": "c", "text": "C"},
    ]
    data["scoring"] = {"method": method, "missing": "prorate", "max_missing": 1, **scoring}
    data["bands"] = []
    data["safety"] = [{"item": "c", "at_least": 5, "message": "Help."}]
    data["subscales"] = [{"id": "ab", "title": "A and B", "items": ["a", "b"]}]
    return load_instrument(write(tmp_path, data))


def test_rescale_100(tmp_path):
    inst = inline(tmp_path, "rescale_100")
    assert inst.score_range() == (0.0, 100.0)
    result = score(inst, {"a": 2, "b": 3, "c": 5})
    # points 2, (1 + 5 - 3) = 3, 5: sum 10 of 3..15 -> (10 - 3) / 12 x 100 = 58.33
    assert result.total == 58.33
    # subscale a, b: sum 5 of 2..10 -> (5 - 2) / 8 x 100 = 37.5
    assert result.subscales == {"ab": 37.5}
    assert [rule.item for rule in result.fired] == ["c"]
    assert score(inst, {"a": 1, "b": 5, "c": 1}).total == 0.0
    assert score(inst, {"a": 5, "b": 1, "c": 5}).total == 100.0
    # prorated: a 2, c 5 -> mean 3.5 x 3 = 10.5 -> (10.5 - 3) / 12 x 100 = 62.5
    assert score(inst, {"a": 2, "c": 5}).total == 62.5


def test_mean(tmp_path):
    inst = inline(tmp_path, "mean")
    assert inst.score_range() == (1.0, 5.0)
    # points 1, (6 - 2) = 4, 4: mean 9 / 3 = 3.0
    assert score(inst, {"a": 1, "b": 2, "c": 4}).total == 3.0
    # points 2, 5, 2: mean 3.0; subscale (2 + 5) / 2 = 3.5
    result = score(inst, {"a": 2, "b": 1, "c": 2})
    assert result.total == 3.0 and result.subscales == {"ab": 3.5}


def test_sum_and_sum_times(tmp_path):
    plain = inline(tmp_path, "sum")
    assert plain.score_range() == (3.0, 15.0)
    assert score(plain, {"a": 1, "b": 2, "c": 4}).total == 9.0  # 1 + 4 + 4
    times = inline(tmp_path, "sum_times", factor=2.5)
    assert times.score_range() == (7.5, 37.5)
    assert score(times, {"a": 1, "b": 2, "c": 4}).total == 22.5  # 9 x 2.5


# --- answers that are not answers ---------------------------------------------------------------


@pytest.mark.parametrize("bad", [6, -1, 2.0, True, "3", [3]])
def test_value_not_on_the_scale_names_the_item(bad):
    with pytest.raises(AnswerError) as caught:
        score(WELLBEING, {**answers(WELLBEING, 3, 4, 2, 5, 1), "rested": bad})
    assert caught.value.item == "rested"
    assert str(caught.value).startswith("rested: ") and "(0, 1, 2, 3, 4, 5)" in str(caught.value)


def test_unknown_item_names_it():
    with pytest.raises(AnswerError) as caught:
        score(CONNECTION, {**answers(CONNECTION, 1, 1, 1), "cheerful": 2})
    assert caught.value.item == "cheerful"
    assert caught.value.message == "is not a question of 'connection'"


# --- change since the previous check-in --------------------------------------------------------


def test_change_is_meaningful_only_where_the_instrument_says():
    assert change_since(WELLBEING, 60, None) is None
    up = change_since(WELLBEING, 60, 50)
    assert (up.delta, up.meaningful, up.direction) == (10.0, True, "better")
    down = change_since(WELLBEING, 60, 65)
    assert (down.delta, down.meaningful, down.direction) == (-5.0, False, "worse")
    same = change_since(WELLBEING, 60, 60)
    assert (same.delta, same.meaningful, same.direction) == (0.0, False, "same")
    # 70.1 - 60.1 is 9.99999... in floats; rounding keeps it a meaningful 10
    assert change_since(WELLBEING, 70.1, 60.1).meaningful is True


def test_change_direction_follows_higher_is():
    worse = change_since(STRESS, 8, 6)
    assert (worse.delta, worse.meaningful, worse.direction) == (2.0, None, "worse")
    assert change_since(STRESS, 4, 6).direction == "better"
    assert change_since(CONNECTION, 9, 3).direction == "worse"
    assert change_since(PULSE, 3.5, 4).direction == "worse"


# --- properties over every built-in ------------------------------------------------------------

INSTRUMENTS = sorted(BUILT)


@st.composite
def valid_answers(draw, inst):
    values = [choice.value for choice in inst.scale]
    chosen = {item.id: draw(st.sampled_from(values)) for item in inst.items}
    allowed = inst.max_missing if inst.missing_policy == "prorate" else 0
    scored = [item.id for item in inst.scored_items]
    skipped = draw(st.lists(st.sampled_from(scored), max_size=allowed, unique=True))
    skipped += [i.id for i in inst.items if not i.scored and draw(st.booleans())]
    for item_id in skipped:
        # a skipped answer may arrive as None or not at all
        if draw(st.booleans()):
            chosen[item_id] = None
        else:
            del chosen[item_id]
    return chosen


@pytest.mark.parametrize("ident", INSTRUMENTS)
@given(data=st.data())
def test_any_valid_answers_score_inside_the_range(ident, data):
    inst = BUILT[ident]
    given_answers = data.draw(valid_answers(inst))
    result = score(inst, given_answers)
    low, high = inst.score_range()
    assert low <= result.total <= high
    assert (result.band is not None) == bool(inst.bands)
    assert result.answered + result.missing == len(inst.scored_items)
    if inst.method == "mean":  # a mean subscale lives on the same scale as the total
        assert all(low <= value <= high for value in result.subscales.values())
    assert result.fired == safety_fired(inst, given_answers)
    if not result.prorated and inst.method == "sum":
        top = inst.scale[0].value + inst.scale[-1].value
        expected = sum(
            top - given_answers[i.id] if i.reverse else given_answers[i.id]
            for i in inst.scored_items
        )
        assert result.total == expected


@pytest.mark.parametrize("ident", INSTRUMENTS)
@given(data=st.data())
def test_values_off_the_scale_are_refused(ident, data):
    inst = BUILT[ident]
    given_answers = data.draw(valid_answers(inst))
    item = data.draw(st.sampled_from([i.id for i in inst.items]))
    values = [choice.value for choice in inst.scale]
    bad = data.draw(
        st.one_of(
            st.integers().filter(lambda v: v not in values),
            st.floats(allow_nan=False),
            st.text(),
            st.booleans(),
        )
    )
    given_answers[item] = bad
    with pytest.raises(AnswerError) as caught:
        score(inst, given_answers)
    assert caught.value.item == item


@pytest.mark.parametrize("ident", INSTRUMENTS)
@given(data=st.data())
def test_unknown_items_are_refused(ident, data):
    inst = BUILT[ident]
    given_answers = data.draw(valid_answers(inst))
    ids = {i.id for i in inst.items}
    unknown = data.draw(st.text().filter(lambda k: k not in ids))
    given_answers[unknown] = data.draw(st.sampled_from([c.value for c in inst.scale]))
    with pytest.raises(AnswerError) as caught:
        score(inst, given_answers)
    assert caught.value.item == unknown
