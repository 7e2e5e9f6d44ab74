"""What the Today page shows, worked out once: for the page and for the API alike."""

from __future__ import annotations

from datetime import date, timedelta

from tending.checkins.queries import frequencies_from, is_due, risky_from
from tending.checkins.registry import instruments, shown_instruments
from tending.core.reads import read_together
from tending.growth import brave, goals
from tending.insights.weeks import is_review_day
from tending.journal.offering import RECENT_DAYS, offer_from
from tending.today.next_step import next_step
from tending.today.queries import (
    AWAY_AFTER_DAYS,
    active_people,
    coming_birthdays,
    days_away,
    last_logged,
    last_logged_read,
    not_yet_seen,
    people_read,
    reach_out_suggestions,
    set_aside_count,
    to_thank,
)
from tending.today.small_reads import small_reads, small_reads_read

GOAL_STEPS_SHOWN = 3  # a minute's page: the soonest few, the rest on the goals' pages
PULSE = "daily-pulse"
MAX_TURN = 99_999  # "another prompt" asked for this many times is still one number


def prompt_turn(another: str) -> int:
    """Which "another one" of the day's prompts was asked for (?another=); 0 for anything odd."""
    ok = another.isascii() and another.isdigit() and len(another) <= len(str(MAX_TURN))
    return int(another) if ok else 0


def today_for(user, day: date, turn: int = 0) -> dict:
    """Everything Today shows on `day`, in three reads: the page's context, as named there."""
    since = day - timedelta(days=RECENT_DAYS)  # the journal prompts lately answered
    people_rows, logged_rows, small_rows = read_together(
        [people_read(user), last_logged_read(user), small_reads_read(user, since)]
    )
    people = active_people(user, people_rows)  # once, for suggestions, birthdays, the unseen
    suggestions = reach_out_suggestions(day, people)
    person = None
    if suggestions:
        person = next(p for p in people if p.pk == suggestions[0].key)
    # When each check-in was last taken tells what is due; with the last moment, when they were
    # last here.
    last_taken, last_moment = last_logged(user, logged_rows)
    small = small_reads(user, since, small_rows)
    chosen = frequencies_from(small.chosen)
    shown = shown_instruments()  # as the page's language names them
    due = [shown[k] for k in instruments() if is_due(chosen[k], last_taken.get(k), day)]
    away = days_away(day, last_moment, *last_taken.values())
    prompt = offer_from(small.recent_prompts, small.hidden_prompts, f"{user.pk}:{day}:{turn}")
    pulse = next((inst for inst in due if inst.id == PULSE), None)
    context = {
        "day": day,
        # A risky answer kept only in a draft: Today leads with the help the result shows.
        "risky_drafts": (risky := risky_from(small.drafts)),
        "fired": [rule for draft in risky for rule in draft.fired],
        "suggestion": suggestions[0] if suggestions else None,
        "person": person,
        "more_waiting": max(0, len(suggestions) - 1),
        "pulse": pulse,
        # The one next step, at the top with the page's only primary button.
        "lead": next_step(pulse is not None, person is not None, bool(people), prompt is not None),
        "other_due": [inst for inst in due if inst.id != PULSE],
        "birthdays": coming_birthdays(day, people),
        "prompt": prompt,
        "next_turn": turn + 1,
        "away": away if away is not None and away >= AWAY_AFTER_DAYS else None,
        "has_people": bool(people),
        "not_yet_seen": [],
        "not_yet_seen_more": 0,
        "set_aside": 0,
        # On the day chosen for the weekly review, a calm link to it (never the lead step).
        "review_day": is_review_day(day, small.review_weekday),
        "to_thank": to_thank(people, small.answered),
        # At most one thing from Growth: the easiest brave step, unless a hard day rests them.
        "brave_step": brave.step_to_offer(small.open_steps, day, _local_day(small.fired_at, user)),
        "goal_steps": (coming := goals.coming_up(small.goal_steps, day))[:GOAL_STEPS_SHOWN],
        "more_goal_steps": max(0, len(coming) - GOAL_STEPS_SHOWN),
    }
    if person is None and people:
        unseen = not_yet_seen(people)
        context["not_yet_seen"] = unseen[:3]
        context["not_yet_seen_more"] = max(0, len(unseen) - 3)
        context["set_aside"] = set_aside_count(day, people)
    return context


def _local_day(when, user):
    return None if when is None else when.astimezone(user.zone).date()
