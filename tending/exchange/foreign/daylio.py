"""A Daylio CSV export into the journal (one entry per Daylio entry) and five-moods check-ins."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, time

from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.scoring import score
from tending.checkins.services import stored
from tending.core.ownership import owned
from tending.core.tags import tags_for
from tending.exchange.checking import number
from tending.exchange.foreign import ForeignFileError, Item, Reading
from tending.exchange.foreign.daylio_parse import DaylioRow, read_rows, tag_name
from tending.journal.models import Entry, latest_day
from tending.journal.rendering import BODY_LIMIT

NAME = "daylio"
LABEL = gettext_noop("Daylio (CSV export)")
ENTRY, CHECKIN = "journal entry", "check-in"
INSTRUMENT = "five-moods"  # tending/checkins/instruments/five-moods.toml
NOON = time(12, 0)  # when a Daylio entry without a time is taken to have been made


def taken_at(row: DaylioRow, user) -> datetime:
    return datetime.combine(row.day, row.at or NOON, tzinfo=user.zone)


def when(row: DaylioRow) -> str:
    return f"{row.day:%Y-%m-%d}" + (f" {row.at:%H:%M}" if row.at else "")


def title(row: DaylioRow) -> str:
    parts = [when(row), row.mood, ", ".join(row.activities), row.title or row.note[:60]]
    return " · ".join(" ".join(part.split()) for part in parts if part.strip())


def checkin_title(row: DaylioRow, labels: dict[int, str], said: str = "") -> str:
    """The preview's line for a mood as a five-moods check-in; `said` is the line's words,
    translated once for a whole file."""
    said = said or _("%(when)s · Five moods: %(mood)s")
    return said % {"when": when(row), "mood": labels[row.level()]}


def read(data: bytes, user) -> Reading:
    rows = read_rows(data)
    latest = latest_day()
    for row in rows:
        if row.day > latest:
            raise ForeignFileError(
                _("Line %(line)d: %(day)s is still to come.")
                % {"line": row.line, "day": f"{row.day:%Y-%m-%d}"}
            )
        if len(row.body()) > BODY_LIMIT:
            raise ForeignFileError(
                _(
                    "Line %(line)d: this note is longer than %(most)s characters, the most one "
                    "journal entry holds; please shorten or split it in Daylio."
                )
                % {"line": row.line, "most": number(BODY_LIMIT)}
            )
    first, last = min(r.day for r in rows), max(r.day for r in rows)
    entries = owned(Entry, user).filter(written_on__range=(first, last))
    in_journal = _("Already in your journal")
    seen = {key: in_journal for key in entries.values_list("written_on", "title", "body")}
    checkins = owned(CheckIn, user).filter(instrument_id=INSTRUMENT)
    in_checkins = _("Already in your check-ins")
    taken = {
        (at, answers.get("mood")): in_checkins
        for at, answers in checkins.values_list("taken_at", "answers")
    }
    same_as = _("The same as line %(line)d of this file")
    five_moods = _("%(when)s · Five moods: %(mood)s")
    instrument = get_instrument(INSTRUMENT)
    # The moods as the check-in names them in the page's language (the preview's words only).
    spoken = instrument.in_language(get_language()) if instrument else None
    labels = {choice.value: choice.label for choice in spoken.scale} if spoken else {}
    reading = Reading(NAME)
    own_moods: dict[str, int] = {}
    long_tags = 0
    for row in rows:
        shown = title(row)
        key = (row.day, row.entry_title(), row.body())
        reading.items.append(Item(ENTRY, shown, seen.get(key, ""), row))
        seen.setdefault(key, same_as % {"line": row.line})
        long_tags += any(not tag_name(activity) for activity in row.activities)
        if row.level() is None or not labels:
            if row.mood:
                own_moods[row.mood] = own_moods.get(row.mood, 0) + 1
            continue
        moment = (taken_at(row, user), row.level())
        shown = checkin_title(row, labels, five_moods)
        reading.items.append(Item(CHECKIN, shown, taken.get(moment, ""), row))
        taken.setdefault(moment, same_as % {"line": row.line})
    if any(row.at for row in rows):
        reading.kept_as_text.append(
            _("Times of day → the journal entries' text (an entry holds a day)")
        )
    if own_moods:
        names = ", ".join(f"{name} ({count})" for name, count in sorted(own_moods.items()))
        reading.kept_as_text.append(
            _(
                "Moods of your own naming: %(names)s → the journal entries' text; no check-in, "
                "as the file does not say where they sit on Daylio's scale"
            )
            % {"names": names}
        )
    if long_tags:
        reading.kept_as_text.append(
            ngettext(
                "Activity names over 40 characters, in %(count)d entry → the journal entries' "
                "text, not tags",
                "Activity names over 40 characters, in %(count)d entries → the journal entries' "
                "text, not tags",
                long_tags,
            )
            % {"count": long_tags}
        )
    others = sorted({name for row in rows for name, _ in row.other})
    if others:
        reading.kept_as_text.append(
            _("Columns %(names)s → the journal entries' text") % {"names": ", ".join(others)}
        )
    return reading


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    indexes = reading.default_choice() if chosen is None else sorted(set(chosen))
    if any(not 0 <= index < len(reading.items) for index in indexes):
        raise ForeignFileError(_("That choice names an entry that is not in the file."))
    items = [reading.items[index] for index in indexes]
    rows = [item.data for item in items if item.kind == ENTRY]
    moods = [item.data for item in items if item.kind == CHECKIN]
    counts = {}
    if rows:
        counts[ENTRY] = _add_entries(rows, user)
    if moods:
        counts[CHECKIN] = _add_checkins(moods, user)
    return counts


def _add_entries(rows: list[DaylioRow], user) -> int:
    entries = []
    for row in rows:
        entry = Entry(owner=user, written_on=row.day, title=row.entry_title(), body=row.body())
        entry.render_body()  # bulk_create does not call save(), which renders
        entries.append(entry)
    Entry.objects.bulk_create(entries, batch_size=500)
    names = sorted({name for row in rows for name in row.tags()})
    tags = {tag.name: tag for tag in tags_for(user, names)}
    through = Entry.tags.through
    links = [
        through(entry_id=entry.pk, tag_id=tags[name].pk)
        for entry, row in zip(entries, rows, strict=True)
        for name in row.tags()
    ]
    through.objects.bulk_create(links, batch_size=1000)
    return len(entries)


def _add_checkins(rows: list[DaylioRow], user) -> int:
    instrument = get_instrument(INSTRUMENT)
    if instrument is None:  # shipped with tending; only a broken install lacks it
        raise ForeignFileError(
            _("The check-in “%(id)s” is missing from this tending.") % {"id": INSTRUMENT}
        )
    checkins = []
    for row in rows:
        answers = {"mood": row.level()}
        result = score(instrument, answers)
        checkins.append(
            CheckIn(
                owner=user,
                instrument_id=instrument.id,
                taken_at=taken_at(row, user),
                **stored(instrument, answers, result),
            )
        )
    CheckIn.objects.bulk_create(checkins, batch_size=500)
    return len(checkins)
