"""Searches kept in the session, so the words a person searched for never appear in a URL.

An address ends up in browser history, in proxy and server access logs and in bookmarks; a
journal search can be the most private thing a person types. The search form is posted, its
fields are kept here under a random key, and the results page is `?s=<key>`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

SESSION_KEY = "journal_searches"
KEEP = 10  # the newest searches; older keys then show an empty form


def keep_search(session, fields: Mapping[str, str]) -> str:
    kept: dict = dict(session.get(SESSION_KEY, {}))
    key = secrets.token_urlsafe(9)
    kept[key] = {name: str(value)[:1000] for name, value in fields.items()}
    session[SESSION_KEY] = dict(list(kept.items())[-KEEP:])
    return key


def recall_search(session, key: str) -> dict[str, str] | None:
    found = session.get(SESSION_KEY, {}).get(key)
    return dict(found) if isinstance(found, dict) else None
