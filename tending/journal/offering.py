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
    return offer_from(recent, hidden, seed, skip_ids)


def offer_from(
    recent: Collection[str], hidden: Collection[str], seed: str, skip_ids: Collection[str] = ()
) -> Prompt | None:
    """The prompt to offer, given the ids answered lately and the ids the person hid."""
    return choose_prompt(
        library(), recent_ids=set(recent), hidden_ids=set(hidden), skip_ids=skip_ids, seed=seed
    )
