"""The word list and the rules for picking from it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tending.mirror.words import (
    FEWEST,
    MOST,
    NOT_LISTED,
    TOO_FEW,
    TOO_MANY,
    WORDS,
    WordsProblem,
    as_bits,
    chosen_words,
    from_bits,
    in_list_order,
)


def test_the_list_is_the_fifty_six_words_in_order():
    assert len(WORDS) == 56 == len(set(WORDS)) and list(WORDS) == sorted(WORDS)
    assert (WORDS[0], WORDS[-1]) == ("able", "witty") and "self-conscious" in WORDS
    assert (FEWEST, MOST) == (5, 6)


def test_five_or_six_words_are_kept_once_each_in_the_lists_order():
    assert chosen_words(["wise", "kind", "calm", "bold", "able"]) == (
        "able", "bold", "calm", "kind", "wise",
    )  # fmt: skip
    six = ["witty", "wise", "warm", "shy", "quiet", "able"]
    assert chosen_words(six) == ("able", "quiet", "shy", "warm", "wise", "witty")
    assert len(chosen_words(["kind", "kind", "calm", "bold", "able", "wise"])) == 5


@pytest.mark.parametrize(
    ("picked", "problem"),
    [
        ([], TOO_FEW),
        (["kind", "calm", "bold", "able"], TOO_FEW),
        (["kind", "kind", "kind", "kind", "kind"], TOO_FEW),
        (["kind", "calm", "bold", "able", "wise", "warm", "shy"], TOO_MANY),
        (["kind", "calm", "bold", "able", "<script>"], NOT_LISTED),
        (["Kind", "calm", "bold", "able", "wise"], NOT_LISTED),
    ],
)
def test_too_few_too_many_or_a_word_not_on_the_list_is_said_plainly(picked, problem):
    with pytest.raises(WordsProblem) as said:
        chosen_words(picked)
    assert str(said.value) == problem


def test_in_list_order_leaves_out_words_not_on_it():
    assert in_list_order(["wise", "x", "able", "wise"]) == ("able", "wise")


@given(st.sets(st.sampled_from(WORDS)))
def test_words_go_to_bits_and_back(words):
    bits = as_bits(words)
    assert 0 <= bits < 2**56 and bin(bits).count("1") == len(words)
    assert from_bits(bits) == in_list_order(words)


def test_each_word_is_its_own_bit_the_first_the_lowest():
    assert as_bits(["able"]) == 1 and as_bits(["accepting"]) == 2
    assert as_bits(["witty"]) == 2**55 and as_bits([]) == 0
    assert from_bits(2**56 - 1) == WORDS


@pytest.mark.parametrize("bits", [-1, 2**56, 2**56 + 1, 2**60])
def test_bits_beyond_the_list_are_refused(bits):
    with pytest.raises(ValueError, match="beyond"):
        from_bits(bits)
