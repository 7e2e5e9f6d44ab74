"""Write everything one account holds as tending's JSON document, a few rows at a time.

Rows are read in chunks and written as they come, so memory stays flat however many
years are exported. Everything is read inside one transaction, so the document is one
consistent moment of the account: a moment never names a person added after the people
were written. (On SQLite that transaction holds the write lock, so a change made meanwhile
waits for the export: a second or two for ten years of data.) Keys are given in id order
("person-1", "person-2", …), so an account imported from a document exports as the very
same document.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TextIO

from django.db import connection, transaction

from tending import __version__
from tending.exchange.document import FORMAT, KINDS, VERSION, Field, Kind
from tending.exchange.kinds import kind_models, links

CHUNK = 2000  # rows per read and per write


def write_document(user, out: TextIO, now: datetime | None = None) -> dict[str, int]:
    """Write `user`'s whole account to `out`; return how many rows of each kind went in."""
    now = now or datetime.now(UTC)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for every query that follows, so the parts agree with each other.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return _write(user, out, now)


def export_document(user, now: datetime | None = None) -> dict[str, Any]:
    """The whole document as Python data, for callers that want it in memory."""
    buffer = io.StringIO()
    write_document(user, buffer, now)
    return json.loads(buffer.getvalue())


def _write(user, out: TextIO, now: datetime) -> dict[str, int]:
    models = kind_models()
    keys: dict[str, dict[int, str]] = {}
    counts: dict[str, int] = {}
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _stamp(now),
        "tending_version": __version__,
    }
    out.write("{\n")
    for name, value in header.items():
        out.write(f"  {json.dumps(name)}: {json.dumps(value)},\n")
    for position, kind in enumerate(KINDS):
        last = position == len(KINDS) - 1
        out.write(f"  {json.dumps(kind.name)}: ")
        if kind.name == "account":
            rows: Iterable[dict] = [_account(user)]
        else:
            rows = _rows(kind, models[kind.name], user, keys)
        if kind.single:
            found = list(rows)  # none or one: the database keeps one per account
            counts[kind.name] = len(found)
            out.write(_dumps(found[0] if found else None))
        else:
            counts[kind.name] = _write_list(rows, out)
        out.write("\n" if last else ",\n")
    out.write("}\n")
    return counts


def _write_list(rows: Iterable[dict], out: TextIO) -> int:
    count = 0
    pending: list[str] = []
    for row in rows:
        pending.append(("[\n    " if count == 0 else ",\n    ") + _dumps(row))
        count += 1
        if len(pending) >= CHUNK:
            out.write("".join(pending))
            pending.clear()
    out.write("".join(pending))
    out.write("\n  ]" if count else "[]")
    return count


_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _account(user) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.filter(pk=user.pk).values_list("time_zone", "language")
    zone, language = account.get()
    return {"time_zone": zone, "language": language}


def _rows(kind: Kind, model, user, keys: dict[str, dict[int, str]]) -> Iterator[dict[str, Any]]:
    plain = [f for f in kind.fields if f.name != "key" and f.type != "refs"]
    many = [f for f in kind.fields if f.type == "refs"]
    columns = [f"{f.name}_id" if f.type == "ref" else f.name for f in plain]
    rows = model.objects.filter(owner=user).order_by(*kind.order).values_list("id", *columns)
    # For each field in the document's order: where its value comes from, and how it turns
    # into JSON. Worked out once per kind, not once per value: this loop is the export.
    plan = []
    for spec in kind.fields:
        if spec.name == "key":
            plan.append((spec.name, "key", None))
        elif spec.type == "refs":
            plan.append((spec.name, "refs", keys[spec.target]))
        else:
            plan.append((spec.name, plain.index(spec) + 1, _converter(spec, keys)))
    own_keys = keys.setdefault(kind.name, {}) if kind.key_prefix else {}
    iterator = rows.iterator(chunk_size=CHUNK)
    while batch := list(islice(iterator, CHUNK)):
        linked = {f.name: _linked(model, f.name, [row[0] for row in batch], user) for f in many}
        for row in batch:
            out: dict[str, Any] = {}
            for name, source, convert in plan:
                if source == "key":
                    own_keys[row[0]] = out[name] = f"{kind.key_prefix}-{len(own_keys) + 1}"
                elif source == "refs":
                    found = sorted(linked[name].get(row[0], ()))
                    out[name] = [convert[target] for target in found]
                else:
                    value = row[source]
                    out[name] = value if convert is None or value is None else convert(value)
            yield out


def _linked(model, name: str, ids: list[int], user) -> dict[int, list[int]]:
    through, this, other = links(model, name)
    # A range of ids (of this owner's rows) is much cheaper to ask for than a list of them.
    source = this.removesuffix("_id")
    owned = {f"{source}__id__range": (ids[0], ids[-1]), f"{source}__owner": user}
    found: dict[int, list[int]] = {}
    for row_id, target in through.objects.filter(**owned).values_list(this, other):
        found.setdefault(row_id, []).append(target)
    return found


def _converter(spec: Field, keys: dict[str, dict[int, str]]) -> Callable[[Any], Any] | None:
    kind = spec.type
    if kind == "datetime":
        return _stamp
    if kind in ("date", "time"):
        return _isoformat
    if kind == "ref":
        return keys[spec.target].__getitem__
    if kind == "number":
        return float
    if kind == "answers":
        return _sorted
    if kind == "scores":
        return _sorted_scores
    if kind == "words":
        return _in_list_order
    return None


def _in_list_order(value: list) -> list:
    from tending.mirror.words import in_list_order

    return list(in_list_order(value))


def _isoformat(value: Any) -> str:
    return value.isoformat()


def _sorted(value: dict) -> dict:
    # Sorted, so the document is the same whichever database kept the JSON.
    return dict(sorted(value.items()))


def _sorted_scores(value: dict) -> dict:
    # PostgreSQL's jsonb gives 1e16 back as a whole number; a score is always a float.
    return {name: float(score) for name, score in sorted(value.items())}


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is not UTC:  # Django reads them in UTC already; others may not be
        moment = moment.astimezone(UTC)
    return moment.isoformat().replace("+00:00", "Z")
