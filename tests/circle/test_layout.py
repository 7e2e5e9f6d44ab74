"""Placing people on the drawing of the circle."""

import math

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
    assert all(s.label == "SR" for s in crowded)
    roomy = layout.place_ring("inner", [(1, "Sam Rivera")])
    assert roomy[0].label == "Sam"


def test_empty_ring_places_nobody():
    assert layout.place_ring("middle", []) == []
