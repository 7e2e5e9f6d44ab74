"""Bringing a Daylio export in: journal entries with tags, five-moods check-ins, once only."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.core.models import Tag
from tending.exchange.foreign import SOURCES, ForeignFileError, source
from tending.exchange.foreign.daylio import INSTRUMENT, add, read
from tending.journal.models import Entry
from tests.factories import UserFactory

SAMPLES = Path(__file__).parent / "samples"
pytestmark = pytest.mark.django_db


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def bring_in(data: bytes, user, chosen=None) -> dict[str, int]:
    with transaction.atomic():
        return add(read(data, user), user, chosen)


def test_registered_under_its_name():
    module = source("daylio")
    assert SOURCES["daylio"] == module.__name__ and module.NAME == "daylio" and module.LABEL


def test_the_mood_check_in_is_shipped_with_the_daylio_scale():
    five = get_instrument(INSTRUMENT)
    assert [(c.value, c.label) for c in five.scale] == [
        (1, "Awful"),
        (2, "Bad"),
        (3, "Meh"),
        (4, "Good"),
        (5, "Rad"),
    ]
    assert [item.id for item in five.items] == ["mood"] and five.frequency == "on-demand"


def test_sample_preview_then_entries_tags_and_check_ins(owner):
    reading = read(sample("daylio-export.csv"), owner)
    assert reading.new_counts() == {"journal entry": 8, "check-in": 6}
    assert reading.items[0].title == (
        "2024-05-18 21:40 · rad · friends, long walk, cooking · Picnic by the river"
    )
    checkins = [item.title for item in reading.items if item.kind == "check-in"]
    assert checkins[:2] == [
        "2024-05-18 21:40 · Five moods: Rad",
        "2024-05-18 08:05 · Five moods: Meh",
    ]
    assert any(
        line.startswith("Moods of your own naming: ecstatic (1), tired (1) →")
        for line in reading.kept_as_text
    )
    assert Entry.objects.count() == CheckIn.objects.count() == 0
    with transaction.atomic():
        assert add(reading, owner) == {"journal entry": 8, "check-in": 6}
    picnic = Entry.objects.get(title="Picnic by the river")
    assert (picnic.owner, picnic.written_on) == (owner, date(2024, 5, 18))
    assert picnic.body.startswith("- Mood: rad\n- Time: 21:40\n- Activities: friends, long walk")
    assert picnic.body.endswith(
        "Sat with Ana and Joe for hours, talked about everything, even the hard parts."
    )
    assert sorted(t.name for t in picnic.tags.all()) == ["cooking", "friends", "long walk"]
    assert "<li>Mood: rad</li>" in picnic.html()
    custom = Entry.objects.get(title="Custom mood")
    assert "- Mood: ecstatic" in custom.body
    quoted = Entry.objects.get(body__contains="you did well")
    assert 'She said "you did well", and I believed it.\nSecond line' in quoted.body
    moods = {c.taken_at: (c.answers, c.total) for c in CheckIn.objects.filter(owner=owner)}
    zone = ZoneInfo(owner.time_zone)  # the times as the person wrote them, where they live
    assert moods[datetime(2024, 5, 18, 21, 40, tzinfo=zone)] == ({"mood": 5}, 5.0)
    assert moods[datetime(2024, 5, 14, 23, 55, tzinfo=zone)] == ({"mood": 1}, 1.0)
    assert moods[datetime(2024, 5, 12, 18, 0, tzinfo=zone)] == ({"mood": 4}, 4.0)
    assert {c.instrument_id for c in CheckIn.objects.all()} == {INSTRUMENT}
    assert {c.instrument_version for c in CheckIn.objects.all()} == {1}


def test_every_note_is_kept(owner):
    from tending.exchange.foreign.daylio_parse import note_markdown, read_rows

    bring_in(sample("daylio-export.csv"), owner)
    notes = [row.note for row in read_rows(sample("daylio-export.csv")) if row.note]
    bodies = list(Entry.objects.values_list("body", flat=True))
    assert len(notes) == 5
    assert all(any(note_markdown(note) in body for body in bodies) for note in notes)
    rough = Entry.objects.get(title="Rough")
    assert rough.body.endswith("**Everything** went wrong.\nTomorrow is new.")
    assert "<strong>Everything</strong> went wrong.<br>\nTomorrow is new." in rough.html()


def test_times_are_the_persons_own_time_zone(db):
    berlin = UserFactory(username="b", time_zone="Europe/Berlin")
    bring_in(sample("daylio-reordered.csv"), berlin)
    taken = sorted(CheckIn.objects.values_list("taken_at", flat=True))
    zone = ZoneInfo("Europe/Berlin")
    assert taken == [
        datetime(2023, 11, 2, 12, 0, tzinfo=zone),  # no time in the file: noon
        datetime(2023, 11, 3, 20, 15, tzinfo=zone),
    ]


def test_older_layout_and_reordered_columns(owner):
    assert bring_in(sample("daylio-old.csv"), owner) == {"journal entry": 3, "check-in": 2}
    assert bring_in(sample("daylio-reordered.csv"), owner) == {"journal entry": 2, "check-in": 2}
    assert Entry.objects.filter(body__contains="- scales: energy 2").count() == 1


def test_bringing_in_the_same_file_again_adds_nothing(owner):
    for name in ("daylio-export.csv", "daylio-old.csv", "daylio-reordered.csv"):
        bring_in(sample(name), owner)
    counts = (Entry.objects.count(), CheckIn.objects.count(), Tag.objects.count())
    for name in ("daylio-export.csv", "daylio-old.csv", "daylio-reordered.csv"):
        reading = read(sample(name), owner)
        assert reading.new_counts() == {}
        assert all(item.duplicate.startswith("Already in your") for item in reading.items)
        assert bring_in(sample(name), owner) == {}
    assert (Entry.objects.count(), CheckIn.objects.count(), Tag.objects.count()) == counts


def test_the_same_row_twice_in_one_file_is_added_once(owner):
    row = "2024-01-01,,,10:00,good,walk,,same\n"
    data = ("full_date,date,weekday,time,mood,activities,note_title,note\n" + row * 2).encode()
    reading = read(data, owner)
    assert [item.duplicate for item in reading.items] == [
        "",
        "",
        "The same as line 2 of this file",
        "The same as line 2 of this file",
    ]
    assert bring_in(data, owner) == {"journal entry": 1, "check-in": 1}


def test_owner_isolation(owner, other):
    bring_in(sample("daylio-export.csv"), other)
    reading = read(sample("daylio-export.csv"), owner)
    assert reading.new_counts() == {"journal entry": 8, "check-in": 6}
    bring_in(sample("daylio-export.csv"), owner)
    assert Entry.objects.filter(owner=owner).count() == 8
    assert Entry.objects.filter(owner=other).count() == 8
    mine = Tag.objects.filter(owner=owner)
    assert all(
        t.owner_id == owner.pk for e in Entry.objects.filter(owner=owner) for t in e.tags.all()
    )
    assert mine.count() == 9


def test_choosing_only_the_journal_entries(owner):
    reading = read(sample("daylio-old.csv"), owner)
    entries = [i for i, item in enumerate(reading.items) if item.kind == "journal entry"]
    with transaction.atomic():
        assert add(reading, owner, entries) == {"journal entry": 3}
    assert CheckIn.objects.count() == 0
    with pytest.raises(ForeignFileError, match="not in the file"):
        add(reading, owner, [len(reading.items)])


def test_a_day_still_to_come_is_refused(owner):
    later = date.today() + timedelta(days=3)
    data = f"full_date,mood\n2024-01-01,good\n{later:%Y-%m-%d},good\n".encode()
    with pytest.raises(ForeignFileError, match="Line 3: .* is still to come"):
        bring_in(data, owner)
    assert Entry.objects.count() == 0


def test_a_note_longer_than_an_entry_holds_is_refused(owner):
    data = ("full_date,mood,note\n2024-01-01,good," + "x" * 50_000 + "\n").encode()
    with pytest.raises(ForeignFileError, match="Line 2: this note is longer than 50,000"):
        read(data, owner)


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01", b"name,phone\nAl,1\n", b"full_date,mood\n2024-01-01\n", b"full_date,mood\n"],
)
def test_a_bad_file_writes_nothing(owner, data):
    with pytest.raises(ForeignFileError):
        bring_in(data, owner)
    assert Entry.objects.count() == CheckIn.objects.count() == Tag.objects.count() == 0


def test_brought_in_entries_are_found_by_search_and_by_tag(owner, other):
    from tending.journal.search import find_entries

    bring_in(sample("daylio-export.csv"), owner)
    bring_in(sample("daylio-export.csv"), other)
    picnic = Entry.objects.get(owner=owner, title="Picnic by the river")
    assert [entry_id for entry_id, _ in find_entries(owner, "Joe hours").ranked] == [picnic.pk]
    assert [entry_id for entry_id, _ in find_entries(owner, "sourdough").ranked] == []
    walks = Entry.objects.filter(owner=owner, tags__name="long walk")
    assert list(walks) == [picnic]


def test_activity_names_too_long_for_a_tag_stay_in_the_text(owner):
    long = "a" * 41
    data = f"full_date,mood,activities\n2024-01-01,good,Work | work | {long}\n".encode()
    reading = read(data, owner)
    assert reading.kept_as_text[-1].startswith("Activity names over 40 characters, in 1 entry →")
    bring_in(data, owner)
    entry = Entry.objects.get()
    assert [t.name for t in entry.tags.all()] == ["work"] and long in entry.body
    short = read(b"full_date,mood,activities\n2024-01-01,good,Work | work\n", owner)
    assert not any("over 40" in line for line in short.kept_as_text)
