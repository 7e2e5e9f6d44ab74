"""Searches kept in the session, so the words a person searched for never appear in a URL.

An address ends up in browser history, in proxy and server access logs and in bookmarks; a
journal search can be the most private thing a person types. The search form is posted, its
fields are kept here under a random key, and the results page is `?s=<key>`. Only the
newest few are kept, for a day at most: sessions are stored, and backed up, with the rest.
So an older one is never served, is taken out of the session by the next request that
touches it (ForgetOldSearchesMiddleware), and out of every session by the daily
housekeeping (tending/housekeeping.py), whether or not its owner comes back.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.utils import timezone

SESSION_KEY = "journal_searches"
KEEP = 10  # the newest searches; older keys then show an empty form
KEEP_FOR = timedelta(days=1)


def _fresh(session, now: datetime) -> dict:
    kept = session.get(SESSION_KEY, {})
    if not isinstance(kept, dict):
        return {}
    oldest = (now - KEEP_FOR).isoformat()
    return {
        key: item
        for key, item in kept.items()
        if isinstance(item, dict) and str(item.get("at", "")) >= oldest
    }


def keep_search(session, fields: Mapping[str, str], now: datetime | None = None) -> str:
    now = now or timezone.now()
    kept = _fresh(session, now)
    key = secrets.token_urlsafe(9)
    kept[key] = {
        "at": now.isoformat(),
        "fields": {name: str(value)[:1000] for name, value in fields.items()},
    }
    session[SESSION_KEY] = dict(list(kept.items())[-KEEP:])
    return key


def recall_search(session, key: str, now: datetime | None = None) -> dict[str, str] | None:
    found = _fresh(session, now or timezone.now()).get(key)
    return dict(found["fields"]) if found else None


def recall_asked(request) -> tuple[dict[str, str] | None, bool]:
    """The search a results page's `?s=` names, and whether that key named one now forgotten.

    Both search pages ask this way, so an old or unknown key reads the same on each.
    """
    key = request.GET.get("s")
    if not key:
        return None, False
    data = recall_search(request.session, key)
    return data, data is None


def forget_old_searches(session, now: datetime | None = None) -> bool:
    """Drop searches older than KEEP_FOR from `session`; True if anything went."""
    if SESSION_KEY not in session:
        return False
    kept = session[SESSION_KEY]
    fresh = _fresh(session, now or timezone.now())
    if isinstance(kept, dict) and fresh == kept:
        return False
    if fresh:
        session[SESSION_KEY] = fresh
    else:
        del session[SESSION_KEY]
    return True


class ForgetOldSearchesMiddleware:
    """On any request that reads or writes the session, take expired searches out of it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session this request touched anyway: no extra query for any other.
        if session is not None and session.accessed:
            forget_old_searches(session)
        return response
