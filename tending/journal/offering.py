"""Offering a reflection prompt to one person: not hidden, not answered lately if possible."""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

from django.utils import timezone

from tending.core.ownership import owned
from tending.journal.models import Entry, HiddenPrompt
from tending.journal.prompts import Prompt, choose_prompt, library

RECENT_DAYS = 90


def offer_prompt(user, seed: str, skip_ids: Collection[str] = ()) -> Prompt | None:
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    recent = set(
        owned(Entry, user)
        .filter(written_on__gte=since)
        .exclude(prompt_id="")
        .values_list("prompt_id", flat=True)
    )
    hidden = set(owned(HiddenPrompt, user).values_list("prompt_id", flat=True))
    return choose_prompt(
        library(), recent_ids=recent, hidden_ids=hidden, skip_ids=skip_ids, seed=seed
    )
