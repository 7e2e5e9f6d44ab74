"""Times handed to SQLite in raw SQL compare as Django stores them.

Django keeps an aware time in SQLite as text, in UTC and without its zone
("2026-12-31 23:30:00.5"), and its ORM turns every time it asks about into that text. A
time given straight to a cursor is made text by the sqlite3 module's adapter instead, which
Django sets to isoformat: a local time keeps its offset ("2027-01-01 00:00:00+01:00") and is
then compared letter by letter with UTC text, off by the offset. Here an aware time is
written as Django stores it; a naive one as before. So raw SQL hands its times over as they
are, on either database (PostgreSQL's driver knows times itself), with no adapting per query.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from tending.core.direct import stored_time


def adapted(value: datetime) -> str:
    """The text SQLite is given for a time: an aware one as Django stores it."""
    if value.utcoffset() is None:
        return value.isoformat(" ")  # Django's own adapter, for a naive time
    return stored_time(value)


def compare_times_as_stored() -> None:
    """Put `adapted` in place of Django's adapter (imported first, so it is not put back)."""
    import django.db.backends.sqlite3.base  # noqa: F401

    sqlite3.register_adapter(datetime, adapted)
