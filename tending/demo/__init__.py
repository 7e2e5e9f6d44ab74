"""Fill an empty account with a believable, reproducible life in tending: demos, benchmark.

A circle of about sixty people and years of moments with them; a daily pulse and the other
check-ins, scored by the app's own scoring; a journal linked to the circle; a safety plan;
feedback rounds of the Mirror; brave steps, ladders, goals and therapy sessions of Growth.
Everything follows one seed, and the parts share one hidden life (good and hard stretches,
days away), so the numbers relate to each other the way a real person's would.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.tags import tags_for
from tending.demo import checkins, circle, growth, journal, mirror, safety
from tending.demo.life import make_life

__all__ = ["DemoSummary", "fill_demo"]


@dataclass
class DemoSummary:
    people: int
    archived: int
    moments: int
    closeness_ratings: int
    tags: int
    checkins: int = 0
    journal_entries: int = 0
    plan_lines: int = 0
    feedback_rounds: int = 0
    feedback_answers: int = 0
    brave_steps: int = 0
    goals: int = 0
    therapy_sessions: int = 0


def fill_demo(
    user, years: int = 2, seed: int = 1, today: datetime.date | None = None
) -> DemoSummary:
    """Give an empty account about sixty people and `years` years of life up to `today`.

    Moments end yesterday (one later today would lie in the future), and so do check-ins and
    journal entries, so today's pulse and prompt are still waiting on the Today page.
    """
    if not 1 <= years <= 30:
        raise ValueError(_("years must be between 1 and 30, not %(years)s.") % {"years": years})
    existing = Person.objects.filter(owner=user).count()
    if existing:
        raise ValueError(
            ngettext(
                "This account already has %(count)d person; "
                "demo data only goes into an empty account.",
                "This account already has %(count)d people; "
                "demo data only goes into an empty account.",
                existing,
            )
            % {"count": existing}
        )
    zone = user.zone
    today = today or timezone.localdate(timezone=zone)
    # Whole days only, so everything lies within `years` calendar years of today.
    first = today - datetime.timedelta(days=365 * years)
    # One stream per part, so more journal text one day does not reshuffle the moments.
    parts = ("circle", "life", "checkins", "journal", "mirror", "growth")
    streams = {part: random.Random(f"{seed}:{part}") for part in parts}

    life = make_life(streams["life"], first, today)
    people = circle.draft_circle(user, streams["circle"], first, today, zone, life)
    seen = people.seen_by_day()
    taken = checkins.draft_checkins(
        user,
        streams["checkins"],
        life,
        people.understood_days(),
        {day: len(plans) for day, plans in seen.items()},
        zone,
    )
    written = journal.draft_journal(user, streams["journal"], life, people.plans, seen)
    asked = mirror.people_to_ask([plan.person for plan in people.plans])
    rounds = mirror.draft_rounds(user, streams["mirror"], first, today, asked)

    with transaction.atomic():
        tags = {tag.name: tag for tag in tags_for(user, _tag_names())}
        circle.save_circle(people, tags)
        checkins.save_checkins(user, taken)
        journal.save_journal(user, written, tags)
        plan_lines, helpers = safety.draft_plan(user, [plan.person for plan in people.plans])
        safety.save_plan(user, plan_lines, helpers)
        feedback_answers = mirror.save_rounds(rounds)
        grown = growth.save_growth(user, streams["growth"], first, today)

    return DemoSummary(
        people=len(people.plans),
        archived=sum(plan.person.is_archived for plan in people.plans),
        moments=len(people.moments),
        closeness_ratings=len(people.ratings),
        tags=Tag.objects.filter(owner=user).count(),
        checkins=len(taken),
        journal_entries=len(written.entries),
        plan_lines=len(plan_lines),
        feedback_rounds=len(rounds),
        feedback_answers=feedback_answers,
        brave_steps=grown.brave_steps,
        goals=grown.goals,
        therapy_sessions=grown.therapy_sessions,
    )


def _tag_names() -> list[str]:
    return sorted({*circle.TAG_NAMES, *journal.TAG_NAMES})
