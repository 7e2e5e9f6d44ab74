"""Demo Growth: brave steps taken over the years (fears mostly not coming true, steps easier
than expected), a few set aside and a few still open; conversation ladders with people of
the inner ring; goals with their steps; two years of therapy sessions with homework and the
things flagged to bring up, a few still waiting for the next session.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.circle.models import Person
from tending.growth.models import (
    BraveStep,
    BringUp,
    Goal,
    GoalStep,
    LadderSession,
    TherapySession,
)
from tending.journal.models import Entry
from tending.moments.models import Moment

STEPS = (
    ("Smile and say hello to a neighbour", 15, "They'll look away", 50),
    ("Ask a question back when someone asks how I am", 20, "I'll sound nosy", 45),
    ("Reply to a message the same day", 25, "I'll say something wrong", 55),
    ("Say no to a favour I don't have time for", 45, "They'll be angry with me", 70),
    ("Tell {name} I missed them", 50, "They'll think it's strange", 65),
    ("Share one worry with {name}", 60, "They'll think less of me", 70),
    ("Ask {name} for help with something small", 55, "I'll be a burden", 75),
    ("Go to the choir evening and stay for tea", 65, "Nobody will talk to me", 60),
    ("Say what I need instead of hinting", 70, "It'll start a fight", 65),
    ("Tell {name} something I've never told anyone", 85, "They'll pull away", 80),
)
WHAT_HAPPENED = (
    "It was fine. Better than fine, really.",
    "They seemed glad I asked.",
    "A bit awkward at first, then easy.",
    "They said they had been meaning to do the same.",
    "Not much happened, and that was a relief.",
    "It went the way I feared, a little. I got through it.",
)
GOALS = (
    ("See a friend every week", "connection", "I feel more like myself after."),
    ("Keep going to therapy", "support", "It helps, even when it's hard."),
    ("Walk three times a week", "body", "It clears my head."),
    ("Try one new thing each month", "new", "My world got small; I want it bigger."),
    ("Speak to myself as I would to a friend", "self-compassion", "I'm hard on myself."),
)
GOAL_STEPS = (
    "When I finish work on Tuesday, I will message one friend",
    "Book a walk with {name}",
    "Look up the pottery class times",
    "Write down one kind thing I did today",
    "When I catch myself being harsh, I will pause and breathe",
    "Put my walking shoes by the door",
    "Ask {name} to come to the market",
)
HOMEWORK = (
    "Notice one moment each day when I felt safe",
    "Write down what I feared before seeing a friend, and what happened",
    "Try the breathing exercise twice",
    "List three people I could call on a hard day",
)
NOTES = (
    "Talked about the week, and about saying no at work. Homework below.",
    "Harder session. We went back to how it was growing up. Be gentle this week.",
    "Looked at my steps: most of what I feared did not happen.",
    "Talked about loneliness and the choir. Felt lighter afterwards.",
)
THERAPY_YEARS = 2
WAITING = 3  # things flagged and not yet talked about


@dataclass
class GrowthSummary:
    brave_steps: int
    goals: int
    therapy_sessions: int


def save_growth(user, rng: random.Random, first: datetime.date, today: datetime.date):
    """Growth's rows for an account whose circle, journal and check-ins are saved."""
    people = list(
        Person.objects.filter(owner=user, is_archived=False, ring="inner").order_by("pk")[:8]
    ) or list(Person.objects.filter(owner=user).order_by("pk")[:8])
    names = [p.name.split()[0] for p in people] or ["Sam"]
    steps = _brave_steps(user, rng, first, today, people, names)
    _ladders(user, rng, today, people)
    sessions = _therapy(
        user, rng, max(first, today - datetime.timedelta(days=365 * THERAPY_YEARS)), today
    )
    goals = _goals(user, rng, first, today, names, steps, sessions)
    return GrowthSummary(len(steps), goals, len(sessions))


def _brave_steps(user, rng, first, today, people, names) -> list[BraveStep]:
    made = []
    day = max(first, today - datetime.timedelta(days=3 * 365))
    while day < today - datetime.timedelta(days=5) and len(made) < 60:
        text, hardness, fear, belief = rng.choice(STEPS)
        person = rng.choice(people) if "{name}" in text and people else None
        name = person.name.split()[0] if person else rng.choice(names)
        step = BraveStep(
            owner=user, text=text.format(name=name), person=person, hardness=hardness,
            fear=fear, belief=belief, added_on=day,
        )  # fmt: skip
        roll = rng.random()
        if roll < 0.8:
            step.done_on = min(today, day + datetime.timedelta(days=rng.randint(1, 14)))
            step.fear_came_true = rng.random() < 0.15
            step.felt = max(0, min(100, hardness - rng.randint(-5, 35)))
            step.belief_after = max(0, belief - rng.randint(10, 50))
            step.what_happened = rng.choice(WHAT_HAPPENED)
        elif roll < 0.88:
            step.set_aside = True
        made.append(step)
        day += datetime.timedelta(days=rng.randint(10, 30))
    for text, hardness, fear, belief in STEPS[:3]:  # a few still open, to be offered
        made.append(
            BraveStep(
                owner=user,
                text=text.format(name=names[0]),
                hardness=hardness + 5,
                fear=fear,
                belief=belief,
                added_on=today - datetime.timedelta(days=2),
            )  # fmt: skip
        )
    BraveStep.objects.bulk_create(made)
    return list(BraveStep.objects.filter(owner=user).order_by("pk"))


def _ladders(user, rng, today, people) -> None:
    zone = user.zone
    sessions = []
    for n, person in enumerate(people[:3]):
        started = timezone.make_aware(
            datetime.datetime.combine(
                today - datetime.timedelta(days=20 + 60 * n), datetime.time(20)
            ),
            zone,
        )
        finished = n > 0
        sessions.append(
            LadderSession(
                owner=user,
                person=person,
                starter=n % 2,
                set_index=3 if finished else 1,
                prompt_index=0 if finished else 5,
                answered=34 if finished else 16,
                passed=2 if finished else 1,
                started_at=started,
                updated_at=started + datetime.timedelta(minutes=50),
                finished_at=started + datetime.timedelta(minutes=50) if finished else None,
            )  # fmt: skip
        )
    LadderSession.objects.bulk_create(sessions)


def _therapy(user, rng, start, today) -> list[TherapySession]:
    sessions = []
    day = start + datetime.timedelta(days=(7 - start.weekday()) % 7)  # Mondays
    while day < today:
        sessions.append(
            TherapySession(owner=user, held_on=day, with_whom="Dr Okafor", notes=rng.choice(NOTES))
        )
        day += datetime.timedelta(days=14)
    TherapySession.objects.bulk_create(sessions)
    sessions = list(TherapySession.objects.filter(owner=user).order_by("held_on", "pk"))
    if not sessions:
        return sessions
    # Things flagged: most talked about in the session after them, a few still waiting.
    entries = list(
        Entry.objects.filter(owner=user).order_by("-written_on").values_list("pk", flat=True)[:40]
    )
    moments = list(
        Moment.objects.filter(owner=user).order_by("-occurred_at").values_list("pk", flat=True)[:40]
    )
    checkins = list(
        CheckIn.objects.filter(owner=user).order_by("-taken_at").values_list("pk", flat=True)[:40]
    )
    flags = []
    for n in range(min(24, len(sessions)) + WAITING):
        kind = ("entry", "moment", "checkin")[n % 3]
        pool = {"entry": entries, "moment": moments, "checkin": checkins}[kind]
        if not pool:
            continue
        raised = sessions[-1 - n // 2] if n >= WAITING and n // 2 < len(sessions) else None
        flags.append(
            BringUp(
                owner=user,
                note="I want to talk about this." if n % 2 else "",
                raised_in=raised,
                **{f"{kind}_id": pool[n % len(pool)]},
            )  # fmt: skip
        )
    BringUp.objects.bulk_create(flags)
    return sessions


def _goals(user, rng, first, today, names, steps, sessions) -> int:
    goals = []
    for n, (title, area, why) in enumerate(GOALS):
        created = max(first, today - datetime.timedelta(days=90 + 200 * n))
        status = "active" if n < 3 else rng.choice(("done", "paused", "let-go"))
        made_at = datetime.datetime.combine(created, datetime.time(9))
        goal = Goal.objects.create(
            owner=user, title=title, area=area, why=why, status=status,
            target=today + datetime.timedelta(days=60 * (n + 1)) if status == "active" else None,
            created_at=timezone.make_aware(made_at, user.zone),
        )  # fmt: skip
        if steps and area == "connection":
            goal.brave_steps.set(steps[:2])
        made = []
        for k in range(rng.randint(3, 6)):
            text = rng.choice(GOAL_STEPS).format(name=rng.choice(names))
            due = created + datetime.timedelta(days=7 * (k + 1))
            done = due < today - datetime.timedelta(days=3) and rng.random() < 0.75
            made.append(
                GoalStep(owner=user, goal=goal, text=text, due=due, done_on=due if done else None)
            )
        if status == "active":  # something coming up this week
            made.append(
                GoalStep(
                    owner=user,
                    goal=goal,
                    text=rng.choice(GOAL_STEPS).format(name=names[0]),
                    due=today + datetime.timedelta(days=n + 1),
                )  # fmt: skip
            )
        if area == "support":
            for k, session in enumerate(sessions[-6:]):
                made.append(
                    GoalStep(
                        owner=user,
                        goal=goal,
                        text=HOMEWORK[k % len(HOMEWORK)],
                        session=session,
                        due=session.held_on + datetime.timedelta(days=7),
                        done_on=min(today, session.held_on + datetime.timedelta(days=5))
                        if k < 5
                        else None,
                    )  # fmt: skip
                )
        GoalStep.objects.bulk_create(made)
        goals.append(goal)
    return len(goals)
