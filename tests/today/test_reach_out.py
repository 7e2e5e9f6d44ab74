"""Choosing who to reach out to: a pure ranking, tested day by day."""

from datetime import date, timedelta

from tending.today.reach_out import Candidate, rank_reach_out

TODAY = date(2026, 11, 22)
LONG_AGO = date(2025, 1, 1)


def person(
    key, ring="inner", rhythm=7, seen_days_ago=None, added=LONG_AGO, snoozed=None, name=None
):
    last = None if seen_days_ago is None else TODAY - timedelta(days=seen_days_ago)
    return Candidate(key, name or f"P{key}", ring, rhythm, last, added, snoozed)


def test_only_due_or_drifting_people_are_suggested():
    ranked = rank_reach_out([person(1, seen_days_ago=2), person(2, seen_days_ago=6)], TODAY)
    assert [s.key for s in ranked] == [2]


def test_inner_ring_first_then_most_overdue_for_the_rhythm():
    people = [
        person(1, ring="outer", rhythm=180, seen_days_ago=720),  # four times over
        person(2, ring="inner", rhythm=7, seen_days_ago=8),
        person(3, ring="inner", rhythm=7, seen_days_ago=21),  # three times over
        person(4, ring="middle", rhythm=30, seen_days_ago=45),
    ]
    assert [s.key for s in rank_reach_out(people, TODAY)] == [3, 2, 4, 1]


def test_the_reason_is_said_in_words():
    ranked = rank_reach_out([person(1, seen_days_ago=12, name="Sam")], TODAY)
    assert ranked[0].reason == "It has been 12 days; you usually talk every week."
    never = rank_reach_out(
        [person(2, rhythm=30, added=TODAY - timedelta(days=40), name="Jo")], TODAY
    )
    assert never[0].reason == (
        "You added Jo 40 days ago and have not logged a moment yet; "
        "you hoped to be in touch every month."
    )


def test_someone_just_added_is_not_suggested_yet():
    assert rank_reach_out([person(1, added=TODAY - timedelta(days=1))], TODAY) == []


def test_not_now_waits_until_the_snooze_ends():
    snoozed = person(1, seen_days_ago=30, snoozed=TODAY + timedelta(days=3))
    assert rank_reach_out([snoozed], TODAY) == []
    assert rank_reach_out([snoozed], TODAY + timedelta(days=2)) == []
    assert [s.key for s in rank_reach_out([snoozed], TODAY + timedelta(days=3))] == [1]


def test_ties_are_broken_by_name_so_the_page_does_not_flicker():
    people = [person(1, seen_days_ago=14, name="Zoe"), person(2, seen_days_ago=14, name="Ada")]
    assert [s.name for s in rank_reach_out(people, TODAY)] == ["Ada", "Zoe"]


def test_the_first_to_reach_is_the_ranking_s_first_whoever_is_due():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tending.today.reach_out import first_to_reach

    people = st.lists(
        st.builds(
            person,
            st.integers(1, 40),
            ring=st.sampled_from(["inner", "middle", "outer", "other"]),
            rhythm=st.integers(1, 60),
            seen_days_ago=st.one_of(st.none(), st.integers(0, 400)),
            snoozed=st.one_of(st.none(), st.sampled_from([TODAY, TODAY + timedelta(days=3)])),
            name=st.sampled_from(["Ada", "Sam", "Zoe", "ada"]),
        ),
        max_size=12,
    )

    @settings(max_examples=300, deadline=None)
    @given(people)
    def same_first(found):
        ranked = rank_reach_out(found, TODAY)
        assert first_to_reach(found, TODAY) == (ranked[0] if ranked else None)

    same_first()


def test_nobody_due_means_nobody_first():
    from tending.today.reach_out import first_to_reach

    assert first_to_reach([person(1, seen_days_ago=1)], TODAY) is None
    assert first_to_reach([], TODAY) is None
