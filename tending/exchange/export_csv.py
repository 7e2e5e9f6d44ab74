"""The account as spreadsheets: one zip with a CSV file per kind of row and a README.txt.

Each file is UTF-8 (with a byte order mark, so spreadsheet programs read names like Zoë
right when the file is opened with a double click), has a header row, and ends lines with
CRLF, as RFC 4180 says. Times are in the account's own time zone with their offset; days
are ISO dates. A cell that a spreadsheet would take for a formula is made safe (see
tending.exchange.cells.safe_cell). Rows are read a batch at a time inside one snapshot,
and each file goes into the zip as it is written, so memory stays flat.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from tending.exchange.cells import birthday_date, joined, local_stamp, safe_row, word_count
from tending.exchange.reading import (
    account_zone,
    batches,
    journal_entries,
    member,
    names_by_row,
    open_zip,
    snapshot,
)

PULSE = "daily-pulse"

README = """\
Your tending data as spreadsheets
=================================

Every file is UTF-8 text (with a byte order mark, so that spreadsheet programs read
accents right) with a header row and CRLF line ends. Days are written 2026-03-14; times
are in your own time zone with their offset, 2026-03-14T21:05:00+01:00 (your time zone:
{zone}). Several names in one cell (people, tags) are separated by "; ".

A cell that starts with = + - @, a tab or a line break is shown with an apostrophe in
front ('+49 170…), so that no spreadsheet ever runs it as a formula. Remove the apostrophe
to get the text as you wrote it.

people.csv           everyone in your circle, archived people too: ring (inner, middle,
                     outer), kind, rhythm (how many days between moments feels right),
                     birthday (the date, when its year is known; its month and day in
                     columns of their own in any case), phone, e-mail, other ways to
                     reach them, notes, whether they are a safe person, archived.
moments.csv          one row per moment: when, with whom, tags, minutes, how (channel),
                     who reached out, how much you and they shared (0 nothing personal,
                     1 facts, 2 thoughts, 3 feelings, 4 something vulnerable), felt
                     understood, validated, cared for and safe (1-5), closeness after
                     (1-7), and the note.
checkins.csv         one row per check-in, every kind: a number (to find its answers in
                     the next two files), when, the check-in's id and version, its total
                     score, band, whether the total was prorated (a question skipped) and
                     whether a safety message was shown.
checkin_answers.csv  one row per answer: the check-in's number, when, the check-in, the
                     question's id and text, and the answer as given (before any turning
                     around for the score). Good for a pivot table.
checkin_scores.csv   one row per part score (for example the daily pulse's mood or calm).
pulses.csv           the daily pulse alone, one row per day you took it: your answers to
                     {pulse_items} ({scale}), and the overall score (the average, with stress
                     turned around so that higher is always an easier day).
journal.csv          one row per journal entry, without its text: the day it is about,
                     when it was written and last changed, title, tags, people, the
                     prompt it answers, and how many words it has. The entries themselves
                     are in the Markdown export (tending export --format markdown).
"""


def write_csv_zip(user, out: BinaryIO) -> dict[str, int]:
    """Write `user`'s account to `out` as the zip described above; return rows per kind."""
    from tending.checkins.registry import get_instrument

    counts: dict[str, int] = {}
    pulse = get_instrument(PULSE)
    with snapshot(), open_zip(out) as archive:
        zone = account_zone(user)
        items = [item.id for item in pulse.items] if pulse else []
        archive.writestr(member("README.txt"), _readme(str(zone), pulse))
        parts = (
            ("people", "people.csv", _people(user, zone)),
            ("moments", "moments.csv", _moments(user, zone)),
            ("checkins", "checkins.csv", _checkins(user, zone)),
            ("checkin_answers", "checkin_answers.csv", _answers(user, zone)),
            ("checkin_scores", "checkin_scores.csv", _scores(user, zone)),
            ("pulses", "pulses.csv", _pulses(user, zone, items)),
            ("journal_entries", "journal.csv", _journal(user, zone)),
        )
        for kind, name, rows in parts:
            counts[kind] = _write_member(archive, name, rows)
    return counts


def _readme(zone: str, pulse) -> str:
    items = ", ".join(item.id for item in pulse.items) if pulse else "its questions"
    scale = (
        f"{pulse.scale[0].value} {pulse.scale[0].label.lower()} to "
        f"{pulse.scale[-1].value} {pulse.scale[-1].label.lower()}"
        if pulse
        else "as asked"
    )
    return README.format(zone=zone, pulse_items=items, scale=scale).replace("\n", "\r\n")


def _write_member(archive: zipfile.ZipFile, name: str, rows: Iterator[list]) -> int:
    """One CSV file in the zip: the first row given is the header; returns the others' count."""
    count = -1
    with archive.open(member(name), "w") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        pending: list[list] = []
        for row in rows:
            pending.append(safe_row(row))
            count += 1
            if len(pending) >= 500:
                writer.writerows(pending)
                pending.clear()
        writer.writerows(pending)
        text.flush()
        text.detach()
    return count


def _people(user, zone) -> Iterator[list]:
    from tending.circle.models import Person

    yield ["name", "kind", "ring", "rhythm_days", "birthday", "birthday_month", "birthday_day",
           "phone", "email", "other_contact", "notes", "safe_person", "archived", "added",
           "changed"]  # fmt: skip
    rows = (
        Person.objects.filter(owner=user)
        .order_by("name", "id")
        .values_list(
            "name",
            "kind",
            "ring",
            "rhythm_days",
            "birthday_day",
            "birthday_month",
            "birthday_year",
            "phone",
            "email",
            "other_contact",
            "notes",
            "is_safe",
            "is_archived",
            "created_at",
            "updated_at",
        )  # fmt: skip
    )
    for batch in batches(rows):
        for row in batch:
            yield [*row[:4], birthday_date(*row[4:7]), row[5], row[4], *row[7:13],
                   local_stamp(row[13], zone), local_stamp(row[14], zone)]  # fmt: skip


MOMENT_COLUMNS = (
    "duration_minutes", "channel", "initiated_by", "self_disclosure", "other_disclosure",
    "felt_understood", "felt_validated", "felt_cared_for", "closeness_after", "felt_safe",
    "note",
)  # fmt: skip


def _moments(user, zone) -> Iterator[list]:
    from tending.moments.models import Moment

    yield ["occurred_at", "people", "tags", *MOMENT_COLUMNS]
    rows = (
        Moment.objects.filter(owner=user)
        .order_by("occurred_at", "id")
        .values_list("id", "occurred_at", *MOMENT_COLUMNS)
    )
    for batch in batches(rows):
        ids = [row[0] for row in batch]
        people = names_by_row(Moment, "people", ids, user)
        tags = names_by_row(Moment, "tags", ids, user)
        for row in batch:
            yield [local_stamp(row[1], zone), joined(people.get(row[0], ())),
                   joined(tags.get(row[0], ())), *row[2:]]  # fmt: skip


def _checkin_rows(user, *columns: str) -> Iterator[tuple[int, tuple]]:
    """Every check-in in time order, numbered from 1: the same numbers in every file."""
    from tending.checkins.models import CheckIn

    rows = CheckIn.objects.filter(owner=user).order_by("taken_at", "id").values_list(*columns)
    number = 0
    for batch in batches(rows):
        for row in batch:
            number += 1
            yield number, row


def _checkins(user, zone) -> Iterator[list]:
    yield ["checkin", "taken_at", "instrument", "instrument_version", "total", "band",
           "prorated", "safety_fired"]  # fmt: skip
    columns = ("taken_at", "instrument_id", "instrument_version", "total", "band_label",
               "prorated", "safety_fired")  # fmt: skip
    for number, row in _checkin_rows(user, *columns):
        yield [number, local_stamp(row[0], zone), *row[1:]]


def _answers(user, zone) -> Iterator[list]:
    from tending.checkins.registry import get_instrument

    yield ["checkin", "taken_at", "instrument", "instrument_version", "item", "question",
           "answer"]  # fmt: skip
    questions: dict[tuple[str, str], str] = {}
    columns = ("taken_at", "instrument_id", "instrument_version", "answers")
    for number, (taken_at, instrument, version, answers) in _checkin_rows(user, *columns):
        if (instrument, "") not in questions:
            questions[(instrument, "")] = ""
            known = get_instrument(instrument)
            for item in known.items if known else ():
                questions[(instrument, item.id)] = item.text
        when = local_stamp(taken_at, zone)
        for item, answer in sorted(answers.items()):
            text = questions.get((instrument, item), "")
            yield [number, when, instrument, version, item, text, answer]


def _scores(user, zone) -> Iterator[list]:
    yield ["checkin", "taken_at", "instrument", "instrument_version", "score", "value"]
    columns = ("taken_at", "instrument_id", "instrument_version", "subscales")
    for number, (taken_at, instrument, version, scores) in _checkin_rows(user, *columns):
        when = local_stamp(taken_at, zone)
        for name, value in sorted(scores.items()):
            yield [number, when, instrument, version, name, value]


def _pulses(user, zone, items: list[str]) -> Iterator[list]:
    from tending.checkins.models import CheckIn

    yield ["day", "taken_at", *items, "overall", "prorated"]
    rows = (
        CheckIn.objects.filter(owner=user, instrument_id=PULSE)
        .order_by("taken_at", "id")
        .values_list("taken_at", "answers", "total", "prorated")
    )
    for batch in batches(rows):
        for taken_at, answers, total, prorated in batch:
            local = taken_at.astimezone(zone)
            yield [local.date().isoformat(), local_stamp(taken_at, zone),
                   *(answers.get(item) for item in items), total, prorated]  # fmt: skip


def _journal(user, zone) -> Iterator[list]:
    from tending.journal.prompts import get_prompt

    yield ["written_on", "written_at", "changed_at", "title", "tags", "people", "prompt_id",
           "prompt", "words"]  # fmt: skip
    for row, tags, people in journal_entries(user):
        _, day, created, changed, title, prompt_id, body = row
        prompt = get_prompt(prompt_id) if prompt_id else None
        yield [day.isoformat(), local_stamp(created, zone), local_stamp(changed, zone),
               title, joined(tags), joined(people),
               prompt_id, prompt.text if prompt else "", word_count(body)]  # fmt: skip
