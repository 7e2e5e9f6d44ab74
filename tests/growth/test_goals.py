"""Goals: what is coming up, what a week held, and progress in words (tending/growth/goals.py)."""

from datetime import date, timedelta

from tending.growth.goals import (
    AREAS,
    COMING_UP_DAYS,
    STATUSES,
    Goal,
    GoalStep,
    coming_up,
    done_between,
    is_known,
    progress_words,
)

DAY = date(2026, 12, 3)


def days(n: int) -> date:
    return DAY + timedelta(days=n)


def test_the_areas_are_the_five_of_the_product_and_statuses_never_say_failed():
    assert list(AREAS) == ["connection", "support", "body", "new", "self-compassion"]
    words = " ".join(str(status) for status in STATUSES.values()).lower()
    assert "failed" not in words and str(STATUSES["let-go"]) == "Let go"
    assert is_known("body", "paused") and not is_known("work", "active")
    assert not is_known("body", "failed")


def test_coming_up_is_this_weeks_steps_of_active_goals_soonest_first_with_waiting_ones():
    walk = Goal(1, "Walk more", "body", steps=(
        GoalStep(1, "Walk to the river", due=days(2)),
        GoalStep(2, "Walk with Sam", due=days(-3)),
        GoalStep(3, "Done already", due=days(1), done_on=days(0)),
        GoalStep(4, "Someday", due=None),
        GoalStep(5, "Next month", due=days(COMING_UP_DAYS + 1)),
        GoalStep(6, "Last day of the week", due=days(COMING_UP_DAYS)),
        GoalStep(7, "Today", due=days(0)),
    ))  # fmt: skip
    resting = Goal(2, "Choir", "new", status="paused", steps=(GoalStep(8, "Ask", due=days(1)),))
    found = coming_up([walk, resting], DAY)
    assert [(u.step.key, u.waiting) for u in found] == [
        (2, True),
        (7, False),
        (1, False),
        (6, False),
    ]
    assert [u.step.key for u in coming_up([walk], DAY, days=1)] == [2, 7]


def test_equal_days_keep_goal_then_step_order():
    first = Goal(2, "B", "connection", steps=(GoalStep(9, "x", due=DAY), GoalStep(3, "y", due=DAY)))
    second = Goal(1, "A", "connection", steps=(GoalStep(5, "z", due=DAY),))
    assert [u.step.key for u in coming_up([first, second], DAY)] == [5, 3, 9]


def test_a_weeks_steps_done_both_ends_included_in_the_order_done():
    goal = Goal(1, "G", "connection", steps=(
        GoalStep(1, "a", done_on=days(6)), GoalStep(2, "b", done_on=days(0)),
        GoalStep(3, "c", done_on=days(7)), GoalStep(4, "d", done_on=days(-1)), GoalStep(5, "e"),
    ))  # fmt: skip
    other = Goal(2, "H", "body", status="done", steps=(GoalStep(6, "f", done_on=days(0)),))
    found = done_between([goal, other], DAY, days(6))
    assert [(g.key, s.key) for g, s in found] == [(1, 2), (2, 6), (1, 1)]


def test_steps_done_the_same_day_keep_goal_then_step_order():
    later_goal = Goal(2, "B", "body", steps=(GoalStep(1, "a", done_on=DAY),))
    goal = Goal(
        1, "A", "body", steps=(GoalStep(6, "b", done_on=DAY), GoalStep(4, "c", done_on=DAY))
    )
    found = done_between([later_goal, goal], DAY, DAY)
    assert [(g.key, s.key) for g, s in found] == [(1, 4), (1, 6), (2, 1)]


def test_coming_up_means_the_next_week():
    assert COMING_UP_DAYS == 7


def test_progress_in_words():
    assert progress_words(Goal(1, "G", "body")).startswith("No steps yet")
    one = Goal(1, "G", "body", steps=(GoalStep(1, "a"),))
    assert progress_words(one) == "0 of 1 step done"
    two = Goal(1, "G", "body", steps=(GoalStep(1, "a", done_on=DAY), GoalStep(2, "b")))
    assert progress_words(two) == "1 of 2 steps done"
