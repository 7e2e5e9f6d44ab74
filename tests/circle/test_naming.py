"""Finding a person by a name typed at the terminal."""

from dataclasses import dataclass

from tending.circle.naming import find_by_name


@dataclass
class P:
    name: str


PEOPLE = [P("Sam Rivera"), P("Samira Haddad"), P("Alex Chen"), P("alex"), P("Jo Park")]


def test_exact_name_wins_in_any_case():
    assert find_by_name("ALEX", PEOPLE).found.name == "alex"
    assert find_by_name("sam rivera", PEOPLE).found.name == "Sam Rivera"


def test_start_of_a_word_finds_one_person():
    assert find_by_name("jo", PEOPLE).found.name == "Jo Park"
    assert find_by_name("Chen", PEOPLE).found.name == "Alex Chen"
    assert find_by_name("Samir", PEOPLE).found.name == "Samira Haddad"


def test_ambiguous_name_lists_the_candidates():
    match = find_by_name("Sam", PEOPLE)
    assert match.found is None
    assert sorted(p.name for p in match.candidates) == ["Sam Rivera", "Samira Haddad"]


def test_unknown_name_suggests_similar_ones():
    match = find_by_name("Alx Chen", PEOPLE)
    assert match.found is None and not match.candidates
    assert "Alex Chen" in match.suggestions
    assert find_by_name("Zed", PEOPLE).suggestions == []


def test_blank_name_finds_nobody():
    assert find_by_name("  ", PEOPLE).found is None
