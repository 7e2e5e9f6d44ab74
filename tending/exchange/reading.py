"""Reading one account for the CSV, Markdown and vCard exports: one snapshot, rows in batches."""

from __future__ import annotations

import contextlib
import time
import zipfile
import zoneinfo
from collections.abc import Iterator
from itertools import islice
from typing import BinaryIO

from django.db import connection, transaction

from tending.core.dates import zone_named
from tending.exchange.kinds import links

BATCH = 1000  # rows per batch; the journal reads fewer, as each holds a whole body


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """Every query inside reads the account as it was at one moment (as the JSON export does)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def account_zone(user) -> zoneinfo.ZoneInfo:
    """The account's own time zone, read afresh (the user object may be older)."""
    from django.contrib.auth import get_user_model

    name = get_user_model().objects.filter(pk=user.pk).values_list("time_zone", flat=True)
    return zone_named(name.get())


def batches(rows, size: int | None = None) -> Iterator[list[tuple]]:
    """A values_list queryset read `size` rows (BATCH unless given) at a time."""
    size = size or BATCH
    iterator = rows.iterator(chunk_size=size)
    while batch := list(islice(iterator, size)):
        yield batch


def names_by_row(model, name: str, ids: list[int], user) -> dict[int, list[str]]:
    """For each of `ids`, the names of the people or tags its many-to-many field `name` holds.

    Both sides are filtered by owner, so another account's rows could never be named here.
    """
    through, this, other = links(model, name)
    source, target = this.removesuffix("_id"), other.removesuffix("_id")
    rows = (
        through.objects.filter(
            **{f"{this}__in": ids, f"{source}__owner": user, f"{target}__owner": user}
        )
        .order_by(f"{target}__name", other)
        .values_list(this, f"{target}__name")
    )
    found: dict[int, list[str]] = {}
    for row_id, target_name in rows:
        found.setdefault(row_id, []).append(target_name)
    return found


def open_zip(out: BinaryIO) -> zipfile.ZipFile:
    """A zip written straight to `out`, which may be a pipe (zipfile then streams each part)."""
    return zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)


def member(name: str, when: tuple[int, ...] | None = None) -> zipfile.ZipInfo:
    """A file in the zip, dated `when` (now if not given), unpacked readable by its owner only."""
    info = zipfile.ZipInfo(name, tuple(when or time.localtime()[:6]))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


JOURNAL_BATCH = 200  # entries, bodies and all, held at once


def journal_entries(user) -> Iterator[tuple[tuple, list[str], list[str]]]:
    """Every entry of `user`, oldest first, as ((id, written_on, created_at, updated_at, title,
    prompt_id, body), its tags' names, its people's names), read a batch at a time."""
    from tending.journal.models import Entry

    rows = (
        Entry.objects.filter(owner=user)
        .order_by("written_on", "id")
        .values_list(
            "id", "written_on", "created_at", "updated_at", "title", "prompt_id", "body"
        )  # fmt: skip
    )
    for batch in batches(rows, JOURNAL_BATCH):
        ids = [row[0] for row in batch]
        tags = names_by_row(Entry, "tags", ids, user)
        people = names_by_row(Entry, "people", ids, user)
        for row in batch:
            yield row, tags.get(row[0], []), people.get(row[0], [])
