"""Definition checks exactly at their limits: what is just allowed, and what is just refused."""

from __future__ import annotations

import copy

import pytest

from tending.checkins.definitions import MAX_BAND_GAP, InstrumentError, Item, load_instrument
from tests.checkins.test_definitions import BASE, write


def band(low, high, label="B"):
    return {"low": low, "high": high, "label": label, "meaning": f"{label}. Not a diagnosis."}


def as_sum(data, bands):
    """BASE as a plain sum: five items on 0-5, so totals run from 0 to 25."""
    data["scoring"] = {"method": "sum", "missing": "prorate", "max_missing": 1}
    data["bands"] = bands


def loaded(tmp_path, change):
    data = copy.deepcopy(BASE)
    change(data)
    return load_instrument(write(tmp_path, data))


def refused(tmp_path, change) -> str:
    with pytest.raises(InstrumentError) as caught:
        loaded(tmp_path, change)
    return str(caught.value)


def test_item_14_two_answers_are_enough_for_a_scale(tmp_path):
    def yes_no(data):
        data["scale"] = {"values": [0, 1], "labels": ["No", "Yes"]}
        as_sum(data, [])

    inst = loaded(tmp_path, yes_no)
    assert [choice.value for choice in inst.scale] == [0, 1]
    assert inst.score_range() == (0.0, 5.0)


def test_item_14_a_factor_or_meaningful_change_below_one_is_still_above_zero(tmp_path):
    def small(data):
        data["scoring"]["factor"] = 0.5
        data["scoring"]["meaningful_change"] = 0.5
        data["bands"] = [band(0, 12.5)]

    inst = loaded(tmp_path, small)
    assert (inst.factor, inst.meaningful_change) == (0.5, 0.5)
    assert inst.score_range() == (0.0, 12.5)
    negative = refused(tmp_path, lambda d: d["scoring"].update(meaningful_change=-1))
    assert "scoring.meaningful_change: must be greater than 0, not -1" in negative
    assert "must be greater than 0, not -2" in refused(
        tmp_path, lambda d: d["scoring"].update(factor=-2)
    )


def test_item_14_max_missing_may_be_zero_and_one_less_than_the_items(tmp_path):
    assert loaded(tmp_path, lambda d: d["scoring"].update(max_missing=4)).max_missing == 4
    assert loaded(tmp_path, lambda d: d["scoring"].update(max_missing=0)).max_missing == 0
    defaulted = loaded(tmp_path, lambda d: d["scoring"].pop("max_missing"))
    assert defaulted.max_missing == 0


def test_item_14_bands_must_start_and_end_exactly_where_scores_do(tmp_path):
    starts_late = refused(tmp_path, lambda d: as_sum(d, [band(1, 25)]))
    assert "bands[0]: starts at 1 but scores start at 0; bands must cover" in starts_late
    ends_early = refused(tmp_path, lambda d: as_sum(d, [band(0, 10), band(11, 24)]))
    assert "bands[1]: ends at 24 but scores reach 25; bands must cover" in ends_early
    assert len(loaded(tmp_path, lambda d: as_sum(d, [band(0, 10), band(11, 25)])).bands) == 2


def test_item_14_a_band_just_outside_the_possible_scores_is_refused_as_outside(tmp_path):
    below = refused(tmp_path, lambda d: as_sum(d, [band(-0.5, 25)]))
    assert "bands[0]: range -0.5-25 is outside the possible scores 0-25" in below
    above = refused(tmp_path, lambda d: as_sum(d, [band(0, 25.5)]))
    assert "bands[0]: range 0-25.5 is outside the possible scores 0-25" in above


def test_item_14_whole_number_totals_allow_a_gap_of_one_and_no_more(tmp_path):
    assert MAX_BAND_GAP == 1
    ok = loaded(tmp_path, lambda d: as_sum(d, [band(0, 10), band(11, 25)]))
    assert [(b.low, b.high) for b in ok.bands] == [(0, 10), (11, 25)]
    gap = refused(tmp_path, lambda d: as_sum(d, [band(0, 10), band(12, 25)]))
    assert "bands[1]: range 12-25 leaves a gap after bands[0] (0-10)" in gap
    assert "(bands may be at most 1 apart)" in gap


def test_item_14_a_multiplied_total_allows_a_gap_of_one_step(tmp_path):
    # BASE multiplies by 4, so totals move in steps of 4: 0-48 then 52-100 leave no total out.
    ok = loaded(tmp_path, lambda d: d.update(bands=[band(0, 48), band(52, 100)]))
    assert len(ok.bands) == 2
    gap = refused(tmp_path, lambda d: d.update(bands=[band(0, 47), band(52, 100)]))
    assert "(bands may be at most 4 apart)" in gap


def test_item_14_a_mean_allows_only_a_rounding_step_between_bands(tmp_path):
    def mean(bands):
        def change(data):
            data["scoring"] = {"method": "mean", "missing": "refuse"}
            data["bands"] = bands

        return change

    ok = loaded(tmp_path, mean([band(0, 2.49), band(2.5, 5)]))
    assert [b.low for b in ok.bands] == [0, 2.5]
    gap = refused(tmp_path, mean([band(0, 2.48), band(2.5, 5)]))
    assert "(bands may be at most 0.01 apart)" in gap
    rescaled = loaded(
        tmp_path,
        lambda d: d.update(
            scoring={"method": "rescale_100", "missing": "refuse"},
            bands=[band(0, 49.99), band(50, 100)],
        ),
    )
    assert rescaled.score_range() == (0.0, 100.0)


def test_item_14_a_safety_rule_on_the_second_answer_is_allowed(tmp_path):
    inst = loaded(tmp_path, lambda d: d["safety"][0].update(at_least=1))
    assert [(rule.item, rule.at_least) for rule in inst.safety_rules] == [("item-1", 1)]
    off_scale = refused(tmp_path, lambda d: d["safety"][0].update(at_least=9))
    assert "safety[0].at_least: 9 is not one of the scale's values (0, 1, 2, 3, 4, 5)" in off_scale


def test_item_14_an_item_is_scored_and_not_reversed_unless_it_says_so():
    assert Item("a", "A") == Item("a", "A", reverse=False, scored=True)


def test_item_14_a_multiplied_range_starts_from_the_lowest_answer_and_is_rounded(tmp_path):
    def on_one_to_five(factor):
        def change(data):
            data["scale"] = {"values": [1, 2, 3, 4, 5], "labels": list("abcde")}
            data["items"] = [{"id": i, "text": i.upper()} for i in ("a", "b", "c")]
            data["scoring"] = {"method": "sum_times", "factor": factor, "missing": "refuse"}
            data["bands"] = []
            data["safety"] = []
            data["subscales"] = []

        return change

    assert loaded(tmp_path, on_one_to_five(2.5)).score_range() == (7.5, 37.5)
    # 3 x 1 x 0.125 = 0.375 and 3 x 5 x 0.125 = 1.875, kept to two decimals like every total
    assert loaded(tmp_path, on_one_to_five(0.125)).score_range() == (0.38, 1.88)


def test_item_14_a_wrong_kind_of_value_is_described_plainly(tmp_path):
    flag = refused(tmp_path, lambda d: d.update(version=True))
    assert "version: must be a whole number, not true/false (true)" in flag
    listed = refused(tmp_path, lambda d: d.update(title=["Well", "being"]))
    assert "title: must be non-empty text, not a list" in listed
    table = refused(tmp_path, lambda d: d.update(title={"text": "Well-being"}))
    assert "title: must be non-empty text, not a table" in table
    number = refused(tmp_path, lambda d: d.update(title=1.5))
    assert "title: must be non-empty text, not a number (1.5)" in number


def test_item_14_a_band_of_a_single_total_is_allowed(tmp_path):
    inst = loaded(tmp_path, lambda d: as_sum(d, [band(0, 0), band(1, 25)]))
    assert [(b.low, b.high) for b in inst.bands] == [(0, 0), (1, 25)]


def test_item_14_two_bands_starting_at_the_same_total_overlap(tmp_path):
    same_start = refused(tmp_path, lambda d: as_sum(d, [band(0, 10), band(0, 25)]))
    assert "bands[1]: range 0-25 overlaps bands[0] (0-10)" in same_start


def test_item_14_the_second_scale_value_is_checked_like_the_rest(tmp_path):
    def scale(values):
        return lambda d: d.update(scale={"values": values, "labels": [str(v) for v in values]})

    assert "scale.values: 1 appears more than once" in refused(tmp_path, scale([1, 1, 2, 3, 4, 5]))
    going_down = refused(tmp_path, scale([2, 1, 3, 4, 5, 6]))
    assert "scale.values: must go up from lowest to highest (1 after 2)" in going_down
