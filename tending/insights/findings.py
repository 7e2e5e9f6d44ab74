"""The edge between a person's stored data and the insights engine: their findings, kept until
their data changes. The only place the rest of tending asks for findings.

A fresh analysis of ten years takes a few hundred milliseconds, so its result is kept (one
InsightsResult per person) with a fingerprint of what it was made from: when a moment last
changed, the newest daily pulse, how many people there are and when one last changed, the
person's time zone and today's date, the brave steps taken, and the language its sentences are
said in (a page in another language works them out again, in its own). Reading it is one query, a
step down an index for each part, the same on ten years as on one; when it differs, the
analysis runs again. Deleting a moment or a check-in leaves no such trace, so the deletion
says so itself (tending.core.signals.owned_rows_deleted, heard in
tending/insights/signals.py) and the kept result is marked stale. A new, changed or deleted
moment or pulse, a person added, archived, renamed or deleted, another time zone, or a new
day: each makes the next request work it out again; nothing else does. A moment's people
change only when the moment itself is saved (or a person is deleted), so the link table need
not be read. A pulse is always taken now, so the newest one changes whenever one is added.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.translation import get_language

from tending.core.kept_with import KeptWith
from tending.core.reads import Read, read_together
from tending.insights.assemble import PULSE, days_still_needed, pulse_days
from tending.insights.diary import EARLY_SIGN, FINDING, Diary, Finding

# Raise when what is kept changes shape, so results kept by an older tending are not read.
CACHE_VERSION = 1

# Each part is one step down an index, however many years there are: the latest change to
# a moment (owner, updated_at), the newest pulse (owner, instrument, taken_at, id), and the
# people (a few dozen rows); then the kept result itself.
_STATE = (
    "SELECT"
    " (SELECT MAX(updated_at) FROM moments_moment WHERE owner_id = %s),"
    " (SELECT id FROM checkins_checkin WHERE owner_id = %s AND instrument_id = %s"
    "  ORDER BY taken_at DESC, id DESC LIMIT 1),"
    " (SELECT COUNT(*) FROM circle_person WHERE owner_id = %s),"
    " (SELECT MAX(updated_at) FROM circle_person WHERE owner_id = %s),"
    # Brave steps taken (Growth): a step done, changed or deleted moves one or the other.
    " (SELECT COUNT(done_on) || '~' || MAX(updated_at) FROM growth_bravestep"
    "  WHERE owner_id = %s),"
    " r.id, r.fingerprint"
    " FROM (SELECT 1 AS one) base LEFT JOIN insights_insightsresult r ON r.owner_id = %s"
)
# A kept result's fingerprint ends with a mark made for each write, so a result read once is
# known again by it alone: this process keeps the last few it read, already made into
# findings (reading and making 160 findings each time had been a quarter of the week page).
_WRITTEN = "|"
_READ: dict[int, tuple[str, Insights]] = {}
_READ_MOST = 256


@dataclass(frozen=True)
class Insights:
    """What the person's days show now: findings strongest first, and how many days there
    are to go on (all days, and days with a daily pulse)."""

    findings: list[Finding] = field(default_factory=list)
    days: int = 0
    pulse_days: int = 0

    @property
    def days_still_needed(self) -> int:
        return days_still_needed(self.pulse_days)

    def as_json(self) -> dict:
        return {
            "days": self.days,
            "pulse_days": self.pulse_days,
            "findings": [finding_json(f) for f in self.findings],
        }

    @classmethod
    def from_json(cls, kept: dict) -> Insights:
        return cls(
            findings=[finding_from_json(f) for f in kept.get("findings", [])],
            days=int(kept.get("days", 0)),
            pulse_days=int(kept.get("pulse_days", 0)),
        )


def plain(value):
    """Numbers as JSON writes them: the engine's numpy numbers become Python's own."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        return value.item()
    return value


def finding_json(finding: Finding) -> dict:
    """Finding.as_json, ready for json.dumps whatever number types the engine used."""
    return plain(finding.as_json())


def finding_from_json(kept: dict) -> Finding:
    low, high = kept["interval"]
    return Finding(**{**kept, "interval": (low, high)})


def strongest_first(findings: list[Finding]) -> list[Finding]:
    """Firm findings before early signs; within each, the surest (lowest q) and largest."""
    return sorted(findings, key=lambda f: (f.status != FINDING, f.q, -abs(f.effect)))


@contextmanager
def no_collection() -> Iterator[None]:
    """Tens of thousands of small objects are made and dropped within a few hundred ms: the
    collector would walk the whole process's objects again and again meanwhile, for none."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def analyse(user, days: int | None = None, today: date | None = None) -> Insights:
    """A fresh analysis of the person's days (or the last `days`), nothing kept."""
    from tending.insights import analysis
    from tending.insights.gather import gather

    with no_collection():
        diary: Diary = gather(user, days=days, today=today)
        found = analysis.find_patterns(diary) if diary.days else []
        return Insights(strongest_first(found), diary.days, pulse_days(diary))


def _engine_version() -> str:
    from tending.insights import analysis

    return str(getattr(analysis, "VERSION", ""))


def current(user) -> Insights:
    """The person's insights now: the kept result while their data is unchanged, else a fresh
    analysis, kept (and the first sight of each finding noted) for the next time."""
    return _current(user, None)[0]


def state_read(user) -> Read:
    """The read that tells whether the kept result still holds, to send with a page's others."""
    return _STATE, _state_params(user.pk)


def _current(user, state_rows: list | None) -> tuple[Insights, bool]:
    """The insights, from the state read already made if given; and whether they are fresh."""
    from tending.insights.gather import today_for

    today = today_for(user)
    if state_rows is None:
        (state_rows,) = read_together([state_read(user)])
    *state, kept_id, kept_print = state_rows[0]
    fingerprint = "/".join(
        str(part)
        for part in (
            CACHE_VERSION,
            _engine_version(),
            user.time_zone,
            today.isoformat(),
            get_language(),
            *state,
        )
    )
    if kept_id is not None and (kept_print or "").rsplit(_WRITTEN, 1)[0] == fingerprint:
        known = _READ.get(user.pk)
        if known is not None and known[0] == kept_print:
            return known[1], False
        with connection.cursor() as cursor:
            cursor.execute("SELECT result FROM insights_insightsresult WHERE id = %s", [kept_id])
            (kept,) = cursor.fetchone()
        insights = Insights.from_json(_json(kept))
        _remember(user.pk, kept_print, insights)
        return insights, False
    # Read back as it is kept, so a fresh result and a kept one are alike to the last type.
    insights = Insights.from_json(analyse(user, today=today).as_json())
    _remember(user.pk, _keep(user, kept_id, fingerprint, today, insights), insights)
    _note_seen(user, today, insights.findings)
    return insights, True


def _remember(pk: int, written: str, insights: Insights) -> None:
    if len(_READ) >= _READ_MOST:
        _READ.clear()
    _READ[pk] = (written, insights)


def _state_params(pk: int) -> list:
    return [pk, pk, PULSE, pk, pk, pk, pk]


def _json(value) -> dict:
    import json

    return json.loads(value) if isinstance(value, str | bytes) else (value or {})


def _keep(user, kept_id, fingerprint: str, today: date, insights: Insights) -> str:
    """Keep the result under its fingerprint and a mark of this write; return both."""
    import secrets

    from tending.insights.models import InsightsResult

    written = f"{fingerprint}{_WRITTEN}{secrets.token_hex(6)}"
    values = {"fingerprint": written, "computed_on": today, "result": insights.as_json()}
    if kept_id is not None:
        InsightsResult.objects.filter(pk=kept_id, owner=user).update(**values)
        return written
    try:
        with transaction.atomic():
            InsightsResult.objects.create(owner=user, **values)
    except IntegrityError:  # another request kept one meanwhile: this one is as new
        InsightsResult.objects.filter(owner=user).update(**values)
    return written


def _key(finding: Finding) -> tuple[str, str, int]:
    return finding.exposure, finding.outcome, finding.lag_days


def _note_seen(user, today: date, findings: list[Finding]) -> None:
    """Note the day each finding was first seen, and first seen firm."""
    if not findings:
        return
    from tending.insights.models import FindingSeen

    seen = {
        (e, o, lag): firm
        for e, o, lag, firm in FindingSeen.objects.filter(owner=user).values_list(
            "exposure", "outcome", "lag_days", "firm_on"
        )
    }
    new = [
        FindingSeen(
            owner=user,
            exposure=f.exposure,
            outcome=f.outcome,
            lag_days=f.lag_days,
            first_seen_on=today,
            firm_on=today if f.status == FINDING else None,
        )
        for f in findings
        if _key(f) not in seen
    ]
    if new:
        FindingSeen.objects.bulk_create(new, ignore_conflicts=True)
    firmer = [
        Q(exposure=f.exposure, outcome=f.outcome, lag_days=f.lag_days)
        for f in findings
        if f.status == FINDING and _key(f) in seen and seen[_key(f)] is None
    ]
    if firmer:  # one update however many became firm
        FindingSeen.objects.filter(reduce(or_, firmer), owner=user).update(firm_on=today)


def current_findings(user) -> list[Finding]:
    """The person's findings and early signs now, strongest first (cached)."""
    return current(user).findings


# Whether each was first seen since, and whether it became firm since, worked out by the
# database: no dates to turn into Python objects, row by row.
_SEEN_SINCE = (
    "SELECT exposure, outcome, lag_days,"
    " CASE WHEN first_seen_on >= %s THEN 1 ELSE 0 END,"
    " CASE WHEN firm_on >= %s THEN 1 ELSE 0 END FROM {table}"
    " WHERE owner_id = %s AND (first_seen_on >= %s OR firm_on >= %s)"
)


def seen_read(user, since: date) -> Read:
    """The read of which findings were first seen, or became firm, on or after `since`.

    Only those rows, in written SQL: a first review after years of days has every finding
    new, and the ORM's row by row took a quarter of the page."""
    from tending.insights.models import FindingSeen

    table = FindingSeen._meta.db_table
    return _SEEN_SINCE.format(table=table), [since, since, user.pk, since, since]


# What new_or_firmer found for a result and a day, while that result is handed out: the
# findings first seen are noted only when a result is worked out afresh, and a fresh result
# is a new object, so the same object and day always find the same.
_NEW = KeptWith()


def new_or_firmer(user, since: date, read: dict[str, list] | None = None) -> list[Finding]:
    """Findings first seen on or after `since`, and early signs that became findings since.

    `read` may hold the rows of `state_read` ("state") and `seen_read` ("seen") already read
    with a page's other reads; "seen" is read here only when this result's answer is not
    known yet."""
    read = read or {}
    insights, fresh = _current(user, read.get("state"))
    findings = insights.findings
    if not findings:
        return []

    def work_out() -> list[Finding]:
        rows = read.get("seen")
        if rows is None or fresh:  # a fresh analysis has just noted what it saw first
            (rows,) = read_together([seen_read(user, since)])
        seen = {(e, o, lag): (new, firm) for e, o, lag, new, firm in rows}
        found = []
        for f in findings:
            new, firm = seen.get(_key(f), (0, 0))
            if new or (firm and f.status == FINDING):
                found.append(f)
        return found

    return _NEW.get(insights, since, work_out)


__all__ = [
    "EARLY_SIGN",
    "FINDING",
    "Insights",
    "current",
    "current_findings",
    "new_or_firmer",
    "seen_read",
    "state_read",
]
