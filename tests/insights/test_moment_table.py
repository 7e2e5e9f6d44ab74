"""The moments as columns (Diary.moment_table) say exactly what the moments as objects say,
and the engine finds the same patterns from either, in any order of rows."""

from __future__ import annotations

import dataclasses

import numpy as np

from tending.insights.analysis import find_patterns, moment_table
from tests.insights.synthetic import make_diary
from tests.insights.test_assemble import FIRST, PersonRow, at, diary_of, moment


def test_the_edge_gives_the_same_moments_as_columns_and_as_objects():
    from datetime import timedelta

    people = [PersonRow(10, "Sam", "inner"), PersonRow(11, "Alex", "outer")]
    moments = [
        moment(1, at(FIRST, 9), safe=4, closeness=6),
        moment(2, at(FIRST + timedelta(days=1), 9)),  # rated on nothing: in neither
        moment(3, at(FIRST + timedelta(days=2), 23, 30), understood=2),
        moment(4, at(FIRST + timedelta(days=3), 8), safe=5, understood=5),
    ]
    links = [(1, 10), (1, 11), (2, 10), (3, 11), (4, 10), (4, 99)]  # 99: nobody kept
    diary = diary_of(moments, links, people=people)
    table, keys = diary.moment_table, list(diary.moment_outcomes)
    again = moment_table(diary.moments, keys)
    assert table.day_index.tolist() == again.day_index.tolist() == [0, 2, 3]
    assert np.array_equal(table.ratings, again.ratings, equal_nan=True)
    assert table.ratings[0][:2].tolist() == [4.0, 6.0] and np.isnan(table.ratings[0][2])
    pairs = sorted(zip(table.link_rows.tolist(), table.link_people.tolist(), strict=True))
    assert pairs == sorted(zip(again.link_rows.tolist(), again.link_people.tolist(), strict=True))
    assert pairs == [(0, 10), (0, 11), (1, 11), (2, 10)]


def _as_found(findings):
    return [(f.exposure, f.outcome, f.lag_days, round(f.effect, 9), f.n_days) for f in findings]


def test_the_engine_finds_the_same_from_columns_objects_and_shuffled_rows():
    diary, _ = make_diary(seed=7, days=180, effect_sd=0.8)
    assert diary.moments and diary.moment_table is None
    plain = find_patterns(diary)
    assert any(f.exposure.startswith("moments-with-") for f in plain)
    keys = list(diary.moment_outcomes)
    table = moment_table(diary.moments, keys)
    with_table = find_patterns(dataclasses.replace(diary, moment_table=table))
    assert _as_found(with_table) == _as_found(plain)
    # Rows out of day order (and the links pointing at their new places) change nothing.
    order = np.random.default_rng(3).permutation(table.day_index.size)
    place = np.empty_like(order)
    place[order] = np.arange(order.size)
    shuffled = dataclasses.replace(
        table,
        day_index=table.day_index[order],
        ratings=table.ratings[order],
        link_rows=place[table.link_rows],
    )
    again = find_patterns(dataclasses.replace(diary, moment_table=shuffled))
    assert _as_found(again) == _as_found(plain)
