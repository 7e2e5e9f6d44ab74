"""A demo safety plan: a few lines in each part, and the circle's safe people to ask for help."""

from __future__ import annotations

from tending.circle.models import Kind, Person
from tending.safety.models import OwnCrisisLine, Part, PlanEntry, PlanHelper

LINES = {
    Part.WARNING_SIGNS: [
        "Sleeping badly for more than a few nights",
        "Cancelling plans and not replying to messages",
        "Starting to think I am a burden to people",
    ],
    Part.COPING: [
        "A hot shower, then something warm to drink",
        "Walk to the river and back, phone in my pocket",
        "Write it down in the journal, even just a few lines",
        "Breathe out longer than I breathe in, ten times",
    ],
    Part.DISTRACTIONS: [
        "The library reading room",
        "The café on the corner where nobody minds if I stay",
        "Choir on Wednesday evenings",
    ],
    Part.ENVIRONMENT: [
        "Keep only a few days of medication in the house",
        "Ask someone to stay over when it gets bad",
    ],
    Part.REASONS: [
        "The people who would miss me, and whom I would miss",
        "Seeing the garden come back every spring",
        "The trip we keep promising ourselves",
    ],
}
SERVICES = [("My GP surgery, weekdays 8 to 6", "+1 555 0150"), ("Out-of-hours GP", "+1 555 0151")]


def draft_plan(user, people: list[Person]) -> tuple[list[PlanEntry], list[PlanHelper]]:
    entries = [
        PlanEntry(owner=user, part=part, text=line, position=position)
        for part, lines in LINES.items()
        for position, line in enumerate(lines)
    ]
    therapists = [p for p in people if p.kind == Kind.PROFESSIONAL and p.is_safe]
    services = [(f"{p.name}, my therapist", p.phone) for p in therapists[:1]] + SERVICES
    entries += [
        PlanEntry(owner=user, part=Part.PROFESSIONALS, text=line, phone=phone, position=position)
        for position, (line, phone) in enumerate(services)
    ]
    safe = [p for p in people if p.is_safe and not p.is_archived and p.kind != Kind.PROFESSIONAL]
    helpers = [
        PlanHelper(owner=user, person=person, position=position)
        for position, person in enumerate(safe)
    ]
    return entries, helpers


# A number of one's own, shown before the shipped crisis lines under "Need help now".
OWN_LINE = ("The crisis team at my clinic", "+1 555 0152", "Ask for the duty nurse")


def save_plan(user, entries: list[PlanEntry], helpers: list[PlanHelper]) -> None:
    PlanEntry.objects.bulk_create(entries)
    PlanHelper.objects.bulk_create(helpers)
    name, number, note = OWN_LINE
    OwnCrisisLine.objects.create(owner=user, name=name, number=number, note=note)
