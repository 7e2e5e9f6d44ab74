"""Changes to the safety plan and crisis numbers: adding at the end, moving, choosing a country."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Model, QuerySet

from tending.core.ownership import owned
from tending.safety.models import CrisisSettings, PlanEntry, PlanHelper

UP, DOWN = "up", "down"


def next_position(rows: QuerySet) -> int:
    top = rows.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def add_entry(user, part: str, text: str, phone: str = "") -> PlanEntry:
    with transaction.atomic():
        position = next_position(owned(PlanEntry, user).filter(part=part))
        return PlanEntry.objects.create(
            owner=user, part=part, text=text, phone=phone, position=position
        )


def add_helper(user, person) -> PlanHelper:
    with transaction.atomic():
        position = next_position(owned(PlanHelper, user))
        return PlanHelper.objects.create(owner=user, person=person, position=position)


def add_at_end(row: Model, siblings: QuerySet) -> Model:
    with transaction.atomic():
        row.position = next_position(siblings)
        row.save()
    return row


def move(row: Model, siblings: QuerySet, direction: str) -> bool:
    """Swap `row` with its neighbour among `siblings` (its own list); False at either end."""
    with transaction.atomic():
        rows = list(siblings.order_by("position", "id"))
        index = next((i for i, r in enumerate(rows) if r.pk == row.pk), None)
        if index is None or direction not in (UP, DOWN):
            return False
        other = index - 1 if direction == UP else index + 1
        if not 0 <= other < len(rows):
            return False
        rows[index], rows[other] = rows[other], rows[index]
        # Renumber the whole short list, so gaps and ties left by removals cannot stick.
        for position, each in enumerate(rows):
            each.position = position
        type(row).objects.bulk_update(rows, ["position"])
        return True


def set_region(user, region: str) -> CrisisSettings:
    settings, _ = CrisisSettings.objects.update_or_create(owner=user, defaults={"region": region})
    return settings
