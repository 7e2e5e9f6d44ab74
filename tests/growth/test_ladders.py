"""Conversation ladders: tending's three sets of prompts, checked; where a pair is, and whose
turn it is to answer first (tending/growth/ladders.py)."""

import pytest

from tending.growth.ladders import (
    DEPTHS,
    FEWEST_PROMPTS,
    LadderProblem,
    Place,
    first_to_answer,
    is_place,
    ladder,
    next_place,
    read_sets,
)


def test_three_sets_light_to_deepest_of_twelve_prompts_or_more_none_twice():
    sets = ladder()
    assert [s.depth for s in sets] == list(DEPTHS) == ["light", "deeper", "deepest"]
    assert all(len(s.prompts) >= FEWEST_PROMPTS == 12 for s in sets)
    every = [p for s in sets for p in s.prompts]
    assert len(every) == len(set(every)) and all(s.title for s in sets)


def small(sizes=(2, 3, 1)) -> str:
    parts = []
    for depth, size in zip(DEPTHS, sizes, strict=True):
        prompts = ", ".join(
            f'{{ text = "{depth} {n}", de.text = "{depth} {n} auf Deutsch" }}' for n in range(size)
        )
        parts.append(
            f'[[sets]]\ndepth = "{depth}"\ntitle = "T"\nde.title = "D"\nprompts = [{prompts}]\n'
        )
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("sets = 1", "three sets"),
        ("not toml [", "Not TOML"),
        (small().replace('"deeper"', '"deep"', 1), "three sets"),
        (small().replace('title = "T"', 'title = " "', 1), "needs a title"),
        (small().replace('de.title = "D"', 'de.title = ""', 1), "needs a title"),
        (small().replace('de.title = "D"', "", 1), "needs a title"),
        (small().replace('de.title = "D"', 'de.titel = "D"', 1), "needs a title"),
        (small().replace('"light 1"', '"light 0"'), "there twice"),
        (small().replace('"light 1 auf Deutsch"', '"light 0 auf Deutsch"'), "there twice"),
        (small().replace('"light 1"', '"  "'), "empty prompt"),
        (small().replace('"light 1 auf Deutsch"', '"  "'), "empty prompt"),
        (small().replace(', de.text = "light 1 auf Deutsch"', ""), "empty prompt"),
        (small().replace('de.text = "light 1 auf Deutsch"', 'fr.text = "x"'), "empty prompt"),
        (
            small().replace('{ text = "light 1", de.text = "light 1 auf Deutsch" }', "3"),
            "empty prompt",
        ),
    ],
)
def test_a_prompts_file_that_is_not_right_says_why(monkeypatch, text, said):
    monkeypatch.setattr("tending.growth.ladders.FEWEST_PROMPTS", 1)
    with pytest.raises(LadderProblem, match=said):
        read_sets(text)


def test_a_set_with_too_few_prompts_is_refused():
    with pytest.raises(LadderProblem, match="needs 12 prompts or more"):
        read_sets(small((12, 12, 11)))
    assert len(read_sets(small((12, 12, 12)))) == 3


def test_a_pair_climbs_each_set_in_turn_then_is_finished(monkeypatch):
    monkeypatch.setattr("tending.growth.ladders.FEWEST_PROMPTS", 1)
    sets = read_sets(small())
    place, seen = Place(), []
    while not place.is_finished(sets):
        seen.append(place.prompt(sets))
        place = next_place(place, sets)
    assert seen == ["light 0", "light 1", "deeper 0", "deeper 1", "deeper 2", "deepest 0"]
    assert place == Place(3, 0)
    # The same place is the same prompt in every language.
    german = read_sets(small(), "de")
    assert [s.title for s in german] == ["D"] * 3 and german[1].prompts[2] == "deeper 2 auf Deutsch"
    assert read_sets(small(), "fr") == read_sets(small(), "en") == sets


def test_every_prompt_and_title_is_in_german_too_and_shown_in_the_pages_language():
    english, german = ladder(), ladder("de")
    assert ladder("de-AT") == german and ladder("fr") == ladder(None) == english
    assert [len(s.prompts) for s in german] == [len(s.prompts) for s in english]
    for theirs, ours in zip(english, german, strict=True):
        assert ours.depth == theirs.depth and ours.title != theirs.title
        assert all(d != e for d, e in zip(ours.prompts, theirs.prompts, strict=True))
    assert german[0].title == "Zum Warmwerden"


def test_the_languages_the_texts_carry_are_tendings_own():
    from django.conf import settings

    from tending.growth.texts import ENGLISH, TRANSLATED

    assert (ENGLISH, *TRANSLATED) == tuple(code for code, _ in settings.LANGUAGES)


def test_turns_alternate_across_sets_whoever_starts(monkeypatch):
    monkeypatch.setattr("tending.growth.ladders.FEWEST_PROMPTS", 1)
    sets = read_sets(small())
    places = [Place(0, 0), Place(0, 1), Place(1, 0), Place(1, 1), Place(1, 2), Place(2, 0)]
    assert [first_to_answer(p, sets, 0) for p in places] == [0, 1, 0, 1, 0, 1]
    assert [first_to_answer(p, sets, 1) for p in places] == [1, 0, 1, 0, 1, 0]


def test_a_place_is_a_prompt_of_a_set_or_just_past_the_last():
    sets = ladder()
    last = len(sets[2].prompts) - 1
    assert all(is_place(Place(s, p), sets) for s, p in [(0, 0), (1, 11), (2, last), (3, 0)])
    for s, p in [(0, 12), (3, 1), (4, 0), (-1, 0), (0, -1), (2, last + 1)]:
        assert not is_place(Place(s, p), sets), (s, p)
