"""Placing people on the drawing of the circle."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tending.circle import layout


def distance_from_centre(spot):
    return math.hypot(spot.x - layout.CENTRE, spot.y - layout.CENTRE)


def test_each_ring_stays_between_its_edges():
    inner_edge = {
        "inner": layout.YOU_RADIUS,
        "middle": layout.RING_EDGE["inner"],
        "outer": layout.RING_EDGE["middle"],
    }
    for ring in ("inner", "middle", "outer"):
        for count in (1, 5, 20, 45):
            spots = layout.place_ring(ring, [(i, f"Person {i}") for i in range(count)])
            assert len(spots) == count
            for spot in spots:
                assert inner_edge[ring] < distance_from_centre(spot) < layout.RING_EDGE[ring]


def test_people_in_a_ring_do_not_sit_on_top_of_each_other():
    spots = layout.place_ring("outer", [(i, "X") for i in range(40)])
    points = {(s.x, s.y) for s in spots}
    assert len(points) == 40


def test_labels_are_first_names_or_initials_when_crowded():
    assert layout.short_label("Sam Rivera", crowded=False) == "Sam"
    assert layout.short_label("Maximiliana Rose", crowded=False) == "Maximili…"
    assert layout.short_label("Sam Rivera", crowded=True) == "SR"
    crowded = layout.place_ring("inner", [(i, f"Sam Rivera {i}") for i in range(12)])
    assert len({s.label for s in crowded}) == 12
    assert all(s.crowded for s in crowded)
    roomy = layout.place_ring("inner", [(1, "Sam Rivera")])
    assert roomy[0].label == "Sam"


def test_empty_ring_places_nobody():
    assert layout.place_ring("middle", []) == []


# Names as a circle holds them: a few first and last names, so that initials clash often,
# plus any text at all (emoji, right-to-left scripts, digits, one letter, many words).
FIRST = ["Lena", "Lukas", "Lea", "Sam", "Sami", "Ana", "Li", "Ōta", "Zoë", "محمد", "J"]
LAST = ["Lopez", "Lang", "Lo", "Rivera", "Rowe", "Li", "Kim", "O'Brien", "כהן", "2"]
ALIKE = st.builds(
    lambda first, last, many: f"{first} {first} {last}" if many else f"{first} {last}",
    st.sampled_from(FIRST),
    st.sampled_from(LAST),
    st.booleans(),
)
ANY_NAME = st.text(min_size=1, max_size=30).filter(lambda n: n.strip())
RINGS = ("inner", "middle", "outer")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(RINGS), st.one_of(ALIKE, ANY_NAME)), max_size=90))
def test_item_22_no_two_people_on_the_map_share_a_label(people):
    by_ring = {ring: [(i, n) for i, (r, n) in enumerate(people) if r == ring] for ring in RINGS}
    placed = layout.place_circle(by_ring)
    labels = [spot.label for spot in placed]
    assert len(placed) == len(people)
    assert len(set(labels)) == len(labels), labels
    assert all(label.strip() for label in labels)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(ALIKE, ANY_NAME), st.booleans()), max_size=60))
def test_item_22_unique_labels_for_any_names_crowded_or_not(names):
    labels = layout.unique_labels(names)
    assert len(set(labels)) == len(labels) == len(names)


def test_item_22_alike_names_are_told_apart_by_more_of_the_name_before_numbers():
    labels = layout.unique_labels(
        [("Lena Lopez", True), ("Lukas Lang", True), ("Lena Lopez", True), ("Sam Rivera", False)]
    )
    assert labels == ["LL", "LLa", "LL2", "Sam"]
    assert layout.unique_labels([("Sam Rivera", False), ("Sam Rowe", False)]) == [
        "Sam Ri.",
        "Sam Ro.",
    ]


def test_item_22_dots_and_names_are_big_enough_to_read_and_tap():
    # The map is never drawn smaller than its own size (the stylesheet shows the counts per
    # ring below that width), so its units are at least CSS pixels.
    assert layout.LABEL_SIZE >= 12
    assert 2 * layout.DOT_RADIUS >= 24
    sixty = {
        "inner": [(i, f"Inner {i}") for i in range(5)],
        "middle": [(i, f"Middle {i}") for i in range(15)],
        "outer": [(i, f"Outer {i}") for i in range(40)],
    }
    assert layout.fits(layout.place_circle(sixty))
    # So many that the dots would touch: the map is not drawn, only the counts and list.
    assert not layout.fits(layout.place_circle({"inner": [(i, "X") for i in range(40)]}))


def test_item_19_a_dot_is_named_starting_with_what_it_shows():
    assert layout.spoken_name("LL", "Lena Lopez", "Due") == "LL, Lena Lopez: Due"
    assert layout.spoken_name("Lena", "Lena Lopez", "Due") == "Lena Lopez: Due"
