"""Item 14: the map's short labels, and how alike names are told apart, to the letter."""

from __future__ import annotations

from tending.circle.layout import short_label, unique_labels


def test_item_14_a_short_label_for_each_kind_of_name():
    assert short_label("   ", False) == "?" and short_label("", True) == "?"
    assert short_label("lena maria lopez", True) == "LM"
    assert short_label("sam", True) == "S"
    assert short_label("Maximilia Rowe", False) == "Maximilia"
    assert short_label("Maximilian Rowe", False) == "Maximili…"
    assert short_label("Sam", False, level=2) == "Sam"
    assert short_label("Sam Rivera", False, level=2) == "Sam Ri."


def test_item_14_crowded_labels_say_more_letters_level_by_level():
    assert short_label("lena lopez", True, level=1) == "LLo"
    assert short_label("lena lopez", True, level=2) == "LeLo"
    assert short_label("lena lopez", True, level=3) == "LeLop"
    assert short_label("lena", True, level=1) == "L"
    assert short_label("lena", True, level=3) == "Le"


def test_item_14_names_told_apart_at_the_first_letter_that_differs():
    assert unique_labels([("Sam Rowe", False), ("Sam Lee", False), ("Ana Bell", False)]) == [
        "Sam R.",
        "Sam L.",
        "Ana",
    ]
    assert unique_labels([("Sam Rio", False), ("Sam Rivera", False)]) == ["Sam Rio.", "Sam Riv."]


def test_item_14_three_letters_of_the_last_name_at_most_then_numbers():
    assert unique_labels([("Sam Rivas", False), ("Sam Rive", False)]) == ["Sam", "Sam2"]
    assert unique_labels([("Sam", False), ("Sam", False), ("Sam", True), ("Sam", False)]) == [
        "Sam",
        "Sam2",
        "S",
        "Sam3",
    ]


def test_item_14_a_longer_label_is_not_taken_when_someone_already_has_it():
    names = [("LLo", False), ("Lena Lopez", True), ("Lukas Lang", True)]
    assert unique_labels(names) == ["LLo", "LL", "LLa"]


def test_item_14_a_label_given_up_in_the_same_round_may_be_taken():
    # "LLo Smith" leaves the label "LLo" in the same round, so Lena Lopez may have it.
    names = [("Lena Lopez", True), ("Lukas Lang", True), ("LLo Smith", False), ("LLo Jones", False)]
    assert unique_labels(names) == ["LLo", "LLa", "LLo S.", "LLo J."]


def test_item_14_nobody_gives_an_empty_list():
    assert unique_labels([]) == []
