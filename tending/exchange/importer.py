"""Import a tending JSON document into an empty account: all of it, or nothing.

The document is checked completely before anything is written (tending.exchange.checking),
then written in one transaction. Only an account without data of its own takes an import:
merging two lives row by row could duplicate or silently overwrite, so the choice is to
refuse, and to say how to go on (a new account). Settings in the document (time zone, crisis
country, calendar and e-mail options) replace the account's; settings the document leaves
out (null) are left as they are.

Other importers (jrnl, Day One, …) build a document and call `import_document`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import DatabaseError, connections, router, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tending.checkins.registry import instruments
from tending.checkins.scoring import safety_fired
from tending.circle.drift import default_rhythm
from tending.core.languages import known
from tending.core.tokens import new_token, token_hash
from tending.exchange.checking import CheckedDocument, DocumentError, check_document
from tending.exchange.document import KINDS, VERSION, Kind
from tending.exchange.kinds import kind_models, links
from tending.journal.rendering import RENDERED, rendered_columns

__all__ = ["DocumentError", "ImportRefused", "ImportSummary", "account_data", "import_document"]

# Times a row cannot be without: absent from a row made by another tool, they mean "now".
STAMPS = ("created_at", "updated_at", "started_at", "added_at")
SETTINGS = ("account", "crisis_settings", "calendar", "email_digest")


class ImportRefused(Exception):
    """An import that cannot go ahead for a reason outside the document; nothing was written."""


@dataclass
class ImportSummary:
    """What an import added, per kind of the document (settings count one when set)."""

    added: dict[str, int] = field(default_factory=dict)
    upgraded_from: int | None = None
    dry_run: bool = False

    def lines(self) -> list[str]:
        """One line per kind that has rows, e.g. "journal entries: 12"."""
        return [f"{label(name)}: {count}" for name, count in self.added.items() if count]


# What a summary line calls each kind: "journal entries: 12", in the language in use.
LABELS = {
    "account": gettext_noop("account settings (time zone)"),
    "tags": gettext_noop("tags"),
    "people": gettext_noop("people"),
    "closeness_ratings": gettext_noop("closeness ratings"),
    "moments": gettext_noop("moments"),
    "checkins": gettext_noop("check-ins"),
    "checkin_drafts": gettext_noop("check-ins in progress"),
    "checkin_choices": gettext_noop("check-in choices"),
    "journal_entries": gettext_noop("journal entries"),
    "journal_drafts": gettext_noop("journal drafts"),
    "hidden_prompts": gettext_noop("hidden prompts"),
    "plan_lines": gettext_noop("safety plan lines"),
    "plan_helpers": gettext_noop("people to ask for help"),
    "crisis_settings": gettext_noop("crisis line country"),
    "own_crisis_lines": gettext_noop("own crisis numbers"),
    "snoozes": gettext_noop("'not now's"),
    "calendar": gettext_noop("calendar settings"),
    "email_digest": gettext_noop("weekly e-mail settings"),
    "mirror_rounds": gettext_noop("mirror rounds"),
    "mirror_invitations": gettext_noop("mirror invitations"),
    "mirror_answers": gettext_noop("mirror answers"),
    "ladder_sessions": gettext_noop("ladder sessions"),
    "brave_steps": gettext_noop("brave steps"),
    "therapy_sessions": gettext_noop("therapy sessions"),
    "goals": gettext_noop("goals"),
    "goal_steps": gettext_noop("goal steps"),
    "bring_ups": gettext_noop("bring ups"),
}


def label(kind: str) -> str:
    return _(LABELS[kind]) if kind in LABELS else kind.replace("_", " ")


def import_document(
    document: Mapping[str, Any], user, *, dry_run: bool = False, now: datetime | None = None
) -> ImportSummary:
    """Write a parsed tending document into `user`'s empty account, in one transaction.

    Raises DocumentError (where and what) for a document that is not sound, ImportRefused
    when the account already holds data; in both cases nothing is written. With `dry_run`,
    everything is written and then rolled back, so the summary is exactly what would happen.
    """
    checked = check_document(document)
    now = now or datetime.now(UTC)
    summary = ImportSummary(
        upgraded_from=checked.version_read if checked.version_read != VERSION else None,
        dry_run=dry_run,
    )
    try:
        with transaction.atomic():
            _lock_account(user)
            _refuse_unless_empty(user)
            _write(checked, user, now, summary)
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as exc:
        raise ImportRefused(
            _("The database refused the import (%(problem)s). Nothing was changed.")
            % {"problem": exc}
        ) from exc
    return summary


def _lock_account(user) -> None:
    # Two imports into one account at once must not both find it empty.
    type(user).objects.select_for_update().filter(pk=user.pk).exists()


def account_data(user) -> dict[str, int]:
    """Rows of each data kind the account holds (settings are not counted)."""
    models = kind_models()
    found = {}
    for kind in KINDS:
        if kind.name in SETTINGS:
            continue
        count = models[kind.name].objects.filter(owner=user).count()
        if count:
            found[kind.name] = count
    return found


def _refuse_unless_empty(user) -> None:
    found = account_data(user)
    if found:
        held = ", ".join(f"{label(name)}: {count}" for name, count in found.items())
        raise ImportRefused(
            _(
                "This account already holds data (%(held)s). An import goes only into an empty "
                "account, so nothing is ever doubled or overwritten: make a new account "
                "(tending createuser NAME) and import into that. Nothing was changed."
            )
            % {"held": held}
        )


def _write(checked: CheckedDocument, user, now: datetime, summary: ImportSummary) -> None:
    models = kind_models()
    ids: dict[str, dict[str, int]] = {}
    last_moments = _last_moments(checked)
    for kind in KINDS:
        rows = checked.rows[kind.name]
        summary.added[kind.name] = len(rows)
        if not rows:
            continue
        if kind.name == "account":
            _set_account(user, rows[0])
            continue
        model = models[kind.name]
        if kind.name == "people":
            for row in rows:  # absent: the ring's usual rhythm, as on the web
                row["rhythm_days"] = row["rhythm_days"] or default_rhythm(row["ring"])
        if kind.name == "checkins":
            _fire_safety_rules(rows)
        columns = [spec for spec in kind.fields if spec.name != "key" and spec.type != "refs"]
        names = ["owner"] + [spec.name for spec in columns]
        values = [_values(columns, row, user.pk, ids, now) for row in rows]
        extra = _derived(kind.name, model, rows, user, last_moments)
        if extra:
            names += list(extra)
            values = [(*row, *more) for row, *more in zip(values, *extra.values(), strict=True)]
        if kind.single:
            model.objects.filter(owner=user).delete()
        made = insert_rows(model, names, values, returning=bool(kind.key_prefix or _has_refs(kind)))
        if kind.key_prefix:
            ids[kind.name] = {row["key"]: pk for row, pk in zip(rows, made, strict=True)}
        _link(kind, model, rows, made, ids)


def _fire_safety_rules(rows: list[dict]) -> None:
    """A check-in whose answers fire a safety rule says so, whatever the document claims.

    The result page leads with crisis help when the flag is set; a document made by hand or
    by another tool must not be able to leave it off for answers that fire a rule.
    """
    known = instruments()
    for row in rows:
        inst = known.get(row["instrument_id"])
        if inst is not None and safety_fired(inst, row["answers"]):
            row["safety_fired"] = True


def _has_refs(kind: Kind) -> bool:
    return any(spec.type == "refs" for spec in kind.fields)


def _values(columns: list, row: dict, owner: int, ids: dict, now: datetime) -> tuple:
    values: list[Any] = [owner]
    for spec in columns:
        value = row[spec.name]
        if spec.type == "ref":
            value = None if value is None else ids[spec.target][value]
        elif value is None and spec.name in STAMPS:
            value = now  # a row made by another tool: made now, as if typed in
        values.append(value)
    return tuple(values)


def _derived(name: str, model, rows: list[dict], user, last_moments: dict) -> dict[str, list]:
    """Columns the document does not carry because tending works them out (or keeps secret)."""
    if name == "people":
        return {"last_moment_at": [last_moments.get(row["key"]) for row in rows]}
    if name == "journal_entries":
        made = [rendered_columns(row["body"]) for row in rows]
        return {name: [columns[name] for columns in made] for name in RENDERED}
    if name == "calendar":
        return {"token_hash": [_link_hash(user, model)]}
    if name == "mirror_rounds":
        return {"shuffle_key": [secrets.token_hex(16) for _ in rows]}
    if name == "mirror_invitations":
        # The document never holds a link or a sheet's key: imported invitations get new
        # ones, never shown, so only links made anew on this tending reach it.
        return {
            "link_hash": [token_hash(new_token()) for _ in rows],
            "code_secret": [secrets.token_hex(32) for _ in rows],
        }
    if name == "mirror_answers":
        return {"code_tag": ["" for _ in rows]}
    return {}


def _link(kind: Kind, model, rows: list[dict], made: list[int], ids: dict) -> None:
    for spec in kind.fields:
        if spec.type != "refs":
            continue
        through, this, other = links(model, spec.name)
        targets = ids.get(spec.target, {})
        pairs = [
            (pk, targets[key]) for row, pk in zip(rows, made, strict=True) for key in row[spec.name]
        ]
        insert_rows(through, [this, other], pairs, returning=False)


def _last_moments(checked: CheckedDocument) -> dict[str, datetime]:
    """Each person's latest moment, which the circle keeps at hand (Person.last_moment_at)."""
    latest: dict[str, datetime] = {}
    for moment in checked.rows["moments"]:
        for key in moment["people"]:
            if key not in latest or moment["occurred_at"] > latest[key]:
                latest[key] = moment["occurred_at"]
    return latest


def _set_account(user, account: dict) -> None:
    language = account["language"] if known(account["language"]) else ""
    type(user).objects.filter(pk=user.pk).update(time_zone=account["time_zone"], language=language)


def _link_hash(user, model) -> str:
    """An account's calendar link keeps working; an imported calendar gets a new, unshown one.

    The document never holds the secret link, so a new link must be made on the calendar
    page before a calendar app can read it again.
    """
    existing = model.objects.filter(owner=user).values_list("token_hash", flat=True).first()
    return existing or token_hash(new_token())


MOST_PARAMETERS = 2000  # per statement: PostgreSQL plans a long VALUES list slowly
PREPARED = {"DateTimeField", "DateField", "TimeField", "JSONField"}


def insert_rows(model, names: list[str], rows: list[tuple], returning: bool) -> list[int]:
    """Insert rows given as value tuples for the fields `names`; their new ids, if asked.

    Neither model instances nor bulk_create(): for tens of thousands of rows, Django's
    per-value work took most of an import's time, and bulk_create() would stamp created_at
    and updated_at with the present moment instead of the times the document gives. Dates,
    times and JSON still go through their field's own conversion for this database.
    """
    if not rows:
        return []
    alias = router.db_for_write(model)
    connection = connections[alias]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in names]
    prepare = [i for i, f in enumerate(fields) if f.get_internal_type() in PREPARED]
    columns = ", ".join(quote(f.column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = quote(model._meta.db_table)
    pk = quote(model._meta.pk.column)
    # SQLite takes at most 999 parameters a statement.
    size = max(
        min(connection.features.max_query_params or MOST_PARAMETERS, MOST_PARAMETERS)
        // len(fields),
        1,
    )
    made: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            part = rows[start : start + size]
            params: list[Any] = []
            for row in part:
                row = list(row)
                for i in prepare:
                    if row[i] is not None:
                        row[i] = fields[i].get_db_prep_save(row[i], connection)
                params.extend(row)
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row_sql] * len(part))}"
            if returning:
                cursor.execute(f"{sql} RETURNING {pk}", params)
                made.extend(found[0] for found in cursor.fetchall())
            else:
                cursor.execute(sql, params)
    return made
