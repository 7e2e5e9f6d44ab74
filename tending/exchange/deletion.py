"""Deleting an account: every row it owns, its sessions, its waiting files; no readable copy.

Every private row points at its owner with on_delete=CASCADE, so deleting the user takes
all of them in one transaction (tests/exchange/test_delete_account.py counts every table).
Sessions hold no owner column; each is read to find the account's. Afterwards the search
indexes are merged and SQLite's log emptied (tending.search.forget), so the deleted words
are not left readable in the database file.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.db import transaction

from tending.core.sessions import kept_in_database
from tending.exchange import uploads
from tending.search.forget import forget_deleted_text


def sessions_of(user) -> list[str]:
    """The keys of every stored session logged in as `user`."""
    from django.contrib.sessions.models import Session

    if not kept_in_database():
        return []
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    wanted = str(user.pk)
    found = []
    for key, data in Session.objects.values_list("session_key", "session_data").iterator():
        if str(store.decode(data).get("_auth_user_id", "")) == wanted:
            found.append(key)
    return found


def delete_account(user) -> None:
    """Delete `user` with everything they own, and end every session of theirs."""
    from django.contrib.sessions.models import Session

    user_id = user.pk
    with transaction.atomic():
        Session.objects.filter(session_key__in=sessions_of(user)).delete()
        user.delete()
    uploads.forget_account(settings.DATA_DIR, user_id)
    forget_deleted_text()
