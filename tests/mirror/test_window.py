"""The Johari window: every word in exactly one pane, counted, in order; exhaustive on a
few words, plus the anonymous threshold, the open area's change and the stable shuffle."""

import itertools
from itertools import combinations, product

import pytest

from tending.mirror.window import (
    FEWEST_ANONYMOUS,
    answers_shown,
    johari_window,
    open_area_words,
    result_shown,
    shuffled,
)
from tending.mirror.words import PLACE, WORDS

FEW = WORDS[:4]  # able, accepting, adaptable, bold
SUBSETS = [frozenset(c) for n in range(len(FEW) + 1) for c in combinations(FEW, n)]


def expected(own, answers):
    """The window worked out the plain way, word by word."""
    count = {w: sum(w in a for a in answers) for w in WORDS}
    panes = {"open": [], "blind": [], "hidden": [], "unknown": []}
    for w in WORDS:
        mine, theirs = w in own, count[w] > 0
        pane = "open" if mine and theirs else "hidden" if mine else "blind" if theirs else "unknown"
        panes[pane].append(w)

    def by_count(words):
        return tuple(sorted(((w, count[w]) for w in words), key=lambda c: (-c[1], PLACE[c[0]])))

    return (
        by_count(panes["open"]),
        by_count(panes["blind"]),
        tuple(panes["hidden"]),
        tuple(panes["unknown"]),
    )


@pytest.mark.parametrize("own", SUBSETS)
def test_every_choice_of_a_few_words_lands_each_word_in_its_pane(own):
    for size in range(4):
        for answers in product(SUBSETS, repeat=size):
            window = johari_window(own, answers)
            got = (window.open, window.blind, window.hidden, window.unknown)
            assert got == expected(own, answers), (own, answers)
            assert window.answers == size
            every = [w for w, _ in window.open + window.blind] + list(
                window.hidden + window.unknown
            )
            assert sorted(every) == sorted(WORDS)  # each word once, in one pane


def test_the_most_picked_come_first_then_the_lists_order():
    window = johari_window(
        ["kind", "wise", "calm", "shy", "bold"],
        [["wise", "kind", "witty"], ["wise", "witty", "able"], ["wise", "kind", "calm"]],
    )
    assert window.open == (("wise", 3), ("kind", 2), ("calm", 1))
    assert window.blind == (("witty", 2), ("able", 1))
    assert window.hidden == ("bold", "shy")
    assert len(window.unknown) == len(WORDS) - 7


def test_a_word_twice_in_one_answer_counts_once_and_unknown_words_are_left_out():
    window = johari_window(["kind", "made-up"], [["kind", "kind", "nonsense", "warm"]])
    assert window.open == (("kind", 1),) and window.blind == (("warm", 1),)
    assert "made-up" not in window.hidden and window.hidden == ()


def test_no_answers_leave_everything_hidden_or_unknown():
    window = johari_window(["kind", "wise"], [])
    assert window.open == window.blind == () and window.hidden == ("kind", "wise")
    assert window.answers == 0


def test_anonymous_results_wait_for_three_answers_named_ones_for_one():
    assert FEWEST_ANONYMOUS == 3
    assert [result_shown(True, n) for n in range(5)] == [False, False, False, True, True]
    assert [result_shown(False, n) for n in range(3)] == [False, True, True]


@pytest.mark.parametrize(
    ("now", "before", "when", "said"),
    [
        (7, None, "", "7 words others see that you see too."),
        (1, None, "", "1 word others see that you see too."),
        (0, None, "", "0 words others see that you see too."),
        (7, 3, "in March", "7 words others see that you see too, up from 3 in March."),
        (2, 5, "in May", "2 words others see that you see too, down from 5 in May."),
        (4, 4, "in May", "4 words others see that you see too, as in May."),
        (4, 4, "", "4 words others see that you see too, as before."),
        (4, 1, "", "4 words others see that you see too, up from 1."),
    ],
)
def test_the_open_area_in_words(now, before, when, said):
    assert open_area_words(now, before, when) == said


def test_open_answers_keep_one_order_that_is_not_the_order_they_came_in():
    texts = [f"answer {n}" for n in range(12)]
    once = shuffled(texts, b"round key")
    assert sorted(once) == sorted(texts)
    assert shuffled(list(reversed(texts)), b"round key") == once  # not the order given
    assert once != texts and shuffled(texts, b"another key") != once
    assert shuffled([], b"k") == []


def test_an_anonymous_result_grows_in_whole_groups_of_three():
    assert [answers_shown(True, n) for n in range(10)] == [0, 0, 0, 3, 3, 3, 6, 6, 6, 9]
    assert [answers_shown(False, n) for n in range(5)] == [0, 1, 2, 3, 4]
    # No two results of one round differ by a single anonymous answer.
    sizes = {answers_shown(True, n) for n in range(100)} - {0}
    assert all(b - a >= FEWEST_ANONYMOUS for a, b in itertools.pairwise(sorted(sizes)))
