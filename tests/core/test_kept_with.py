"""KeptWith: a value derived from an object, kept while that very object lives."""

import gc

from tending.core.kept_with import KeptWith


class Thing:
    pass


def test_worked_out_once_for_each_object_and_key():
    kept, made = KeptWith(), []

    def make(value):
        return lambda: made.append(value) or value

    one, two = Thing(), Thing()
    assert kept.get(one, "a", make(1)) == 1 and kept.get(one, "a", make(9)) == 1
    assert kept.get(one, "b", make(2)) == 2 and kept.get(two, "a", make(3)) == 3
    assert made == [1, 2, 3] and len(kept) == 3


def test_a_new_object_never_gets_a_gone_ones_value_and_the_gone_are_let_go():
    kept = KeptWith()
    gone = Thing()
    kept.get(gone, None, lambda: "old")
    dead_ref = kept._kept[(id(gone), None)][0]
    del gone
    gc.collect()
    assert dead_ref() is None
    newer = Thing()
    # As if the new object had been given the gone one's id: its slot holds the old value.
    kept._kept[(id(newer), None)] = (dead_ref, "old")
    assert kept.get(newer, None, lambda: "new") == "new"
    assert len(kept) == 1  # the gone one's value let go when the new one was kept
