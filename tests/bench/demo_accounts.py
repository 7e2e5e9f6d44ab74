"""Accounts filled with the demo's years of data, for the query-count pins of every part."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model

from tending.demo import fill_demo

TODAY = datetime.date(2026, 6, 15)


@contextmanager
def demo_accounts(
    prefix: str, sizes: tuple[int, ...], extra: Callable | None = None
) -> Iterator[dict]:
    """{years: user} (or {years: (user, extra(user))}) for each size, deleted afterwards."""
    made: dict = {}
    try:
        for years in sizes:
            user = get_user_model().objects.create_user(username=f"{prefix}-{years}")
            fill_demo(user, years=years, seed=years, today=TODAY)
            made[years] = (user, extra(user)) if extra else user
        yield made
    finally:
        for value in made.values():
            (value[0] if extra else value).delete()


def calendar_link(user) -> str:
    """A calendar feed for `user`; its secret token, to ask for the feed with."""
    from tending.core import tokens as calendar
    from tending.today.models import CalendarFeed

    token = calendar.new_token()
    CalendarFeed.objects.create(owner=user, token_hash=calendar.token_hash(token))
    return token
