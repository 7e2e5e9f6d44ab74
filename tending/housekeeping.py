"""Housekeeping that tending does itself while it runs: on start, then once a day.

Expired sessions are deleted (what `tending manage clearsessions` does from cron), and
journal searches older than a day are taken out of every session still alive, so the
words someone searched for leave the database, and the backups made from it, within a
day even if they never come back. Every hour, files left waiting for an import to be
confirmed (Settings → Your data) for more than an hour are removed, and phones subscribed to
reminders are woken (tending/pwa/push.py: once a day each, claimed in the database, so
several processes send one). Each server process runs its own: with several gunicorn
workers it runs several times a day, which does no harm.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import import_module

EVERY = timedelta(days=1)
CHECK_EVERY = 3600  # seconds between looks at the clock
log = logging.getLogger(__name__)


def tidy_sessions() -> int:
    """Delete expired sessions and old kept searches; return how many sessions changed."""
    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from tending.core.sessions import kept_in_database
    from tending.journal.kept_searches import forget_old_searches

    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    if not kept_in_database():
        return 0  # other stores keep no sessions in the database to sweep
    now, changed = timezone.now(), 0
    store = engine.SessionStore()
    for row in Session.objects.filter(expire_date__gt=now).iterator():
        data = store.decode(row.session_data)
        if forget_old_searches(data, now):
            row.session_data = store.encode(data)
            row.save(update_fields=["session_data"])
            changed += 1
    return changed


def wake_phones() -> int:
    """Push reminders, where tending can send them (hosted mode); how many were sent."""
    from tending.pwa import push

    if not push.push_possible():
        return 0
    report = push.send_wakeups()
    for failure in report.failed:
        log.warning("A push service refused a reminder (%s); it is tried again tomorrow.", failure)
    return report.sent


def forget_old_keys() -> int:
    """Keys of quick logs sent from phones, kept thirty days: long enough for any resend."""
    from django.utils import timezone

    from tending.pwa.models import SentOnce

    return SentOnce.objects.filter(sent_at__lt=timezone.now() - timedelta(days=30)).delete()[0]


def sweep_uploads() -> int:
    """Remove files left waiting for an import for more than an hour (tending.exchange.uploads)."""
    from django.conf import settings

    from tending.exchange import uploads

    return uploads.sweep(settings.DATA_DIR)


class Daily:
    """Runs `job` at the first look and then whenever a day has passed since it last ran."""

    def __init__(self, job: Callable[[], object]):
        self.job = job
        self.last: datetime | None = None

    def run_if_due(self, now: datetime) -> bool:
        if self.last is not None and now - self.last < EVERY:
            return False
        self.last = now
        self.job()
        return True


def _loop(*daily: Daily) -> None:
    from django.db import connections
    from django.utils import timezone

    while True:
        # Each job on its own: one that fails must never stop the others, or the server.
        for job in (
            sweep_uploads,  # hourly: a file waiting for an import lives an hour at most
            wake_phones,  # hourly: each phone's nine o'clock comes in its own time zone
            *(lambda each=each: each.run_if_due(timezone.now()) for each in daily),
        ):
            try:
                job()
            except Exception:
                log.exception("Housekeeping failed; it will be tried again.")
            finally:
                connections.close_all()
        time.sleep(CHECK_EVERY)


def start_housekeeping() -> threading.Thread:
    """Start the daily housekeeping in a background thread of this server process."""
    thread = threading.Thread(
        target=_loop,
        args=(Daily(tidy_sessions), Daily(forget_old_keys)),
        name="tending-housekeeping",
        daemon=True,
    )
    thread.start()
    return thread
