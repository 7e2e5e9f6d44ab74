"""Importing jrnl and Day One files into a journal: what lands where, duplicates, all or nothing."""

from __future__ import annotations

import json
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from tending.core.models import Tag
from tending.exchange.foreign import SOURCES, ForeignFileError, listening, source
from tending.exchange.foreign.entries import ForeignEntry, shaped
from tending.exchange.foreign.journaling import preview_line
from tending.journal.models import Entry, JournalDraft
from tending.journal.search import search_entries
from tests.factories import JournalEntryFactory, PersonFactory

SAMPLES = Path(__file__).parent / "samples"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def owner(owner):
    owner.time_zone = "Europe/London"
    owner.save()
    return owner


def bring_in(name: str, file: str, user) -> tuple[object, dict[str, int]]:
    module = source(name)
    reading = module.read((SAMPLES / file).read_bytes(), user)
    with transaction.atomic():
        return reading, module.add(reading, user)


def test_both_sources_are_registered():
    assert SOURCES["jrnl"] == "tending.exchange.foreign.jrnl"
    assert SOURCES["dayone"] == "tending.exchange.foreign.dayone"
    assert source("jrnl").NAME == "jrnl" and source("dayone").NAME == "dayone"


def test_jrnl_journal_lands_with_times_tags_stars_and_people(owner):
    sam = PersonFactory(owner=owner, name="Sam")
    draft = JournalDraft.objects.create(owner=owner, title="", body="half a thought")
    reading, added = bring_in("jrnl", "jrnl-journal.txt", owner)
    assert added == {"journal entry": 14}
    assert Entry.objects.filter(owner=owner).count() == 14
    walk = Entry.objects.get(owner=owner, title="Morning walk with @Sam.")
    assert walk.written_on == date(2024, 1, 3)
    assert walk.created_at == datetime(2024, 1, 3, 7, 45, tzinfo=LONDON)
    assert list(walk.people.all()) == [sam]  # @Sam is a mention of someone in the circle
    assert "<p>Cold and bright" in walk.body_html and walk.body_plain.startswith("Cold and")
    tomatoes = Entry.objects.get(owner=owner, written_on=date(2025, 4, 12))
    assert tomatoes.created_at == datetime(2025, 4, 12, 15, 45, tzinfo=ZoneInfo("UTC"))
    assert sorted(t.name for t in tomatoes.tags.all()) == ["garden", "spring"]
    starred = Entry.objects.filter(owner=owner, tags__name="starred")
    assert starred.count() == 4
    assert Tag.objects.filter(owner=owner).count() == 15  # 14 of jrnl's + "starred"
    hard = Entry.objects.get(owner=owner, title="Hard evening.")
    assert sorted(t.name for t in hard.tags.all()) == ["anxiety", "mum", "starred"]
    assert [hit.entry.pk for hit in search_entries(owner, "Käsespätzle")] == [
        Entry.objects.get(owner=owner, written_on=date(2024, 2, 2)).id
    ]
    assert JournalDraft.objects.get(pk=draft.pk).body == "half a thought"
    one_line = Entry.objects.get(owner=owner, written_on=date(2024, 1, 14))
    assert one_line.updated_at >= one_line.created_at


@pytest.mark.parametrize("again", ["jrnl-journal.txt", "jrnl-export.json", "jrnl-export.md"])
def test_importing_again_in_any_of_jrnl_s_forms_adds_nothing(owner, again):
    bring_in("jrnl", "jrnl-export.json", owner)
    before = (Entry.objects.count(), Tag.objects.count())
    reading, added = bring_in("jrnl", again, owner)
    assert added == {}
    assert reading.new_counts() == {}
    assert {item.duplicate for item in reading.items} == {
        "already in your journal (same time, same words)"
    }
    assert (Entry.objects.count(), Tag.objects.count()) == before


def test_a_duplicate_needs_the_same_second_and_the_same_words(owner):
    base = datetime(2024, 1, 3, 7, 45, tzinfo=LONDON)
    for moment, title, body in [
        (base, "Different title", "Cold and bright, frost on the fence posts."),  # same body
        (base + timedelta(days=1), "Morning walk with @Sam.", "x"),  # another day
        (base, "Hard evening.", "different words"),  # same time, same title as another entry
    ]:
        entry = JournalEntryFactory(owner=owner, title=title, body=body)
        Entry.objects.filter(pk=entry.pk).update(created_at=moment)
    reading = source("jrnl").read((SAMPLES / "jrnl-journal.txt").read_bytes(), owner)
    marked = [item.title for item in reading.items if item.duplicate]
    assert marked == ["2024-01-03 07:45 Morning walk with @Sam."]
    assert sum(reading.new_counts().values()) == 13


def test_an_entry_twice_in_one_file_is_added_once(owner):
    twice = json.dumps(
        {"entries": [{"date": "2024-01-01", "time": "09:00", "title": "Same", "body": "b"}] * 2}
    ).encode()
    reading = source("jrnl").read(twice, owner)
    assert [item.duplicate for item in reading.items] == ["", "appears twice in this file"]
    with transaction.atomic():
        assert source("jrnl").add(reading, owner) == {"journal entry": 1}
    assert reading.items[0].title == "2024-01-01 09:00 Same"


def test_another_account_s_entries_are_not_duplicates(owner, other):
    bring_in("jrnl", "jrnl-export.json", other)
    reading, added = bring_in("jrnl", "jrnl-export.json", owner)
    assert added == {"journal entry": 14}
    assert Entry.objects.filter(owner=other).count() == 14


def test_day_one_export_lands_in_local_days_with_kept_text(owner):
    reading, added = bring_in("dayone", "dayone-export.zip", owner)
    assert added == {"journal entry": 8}
    frost = Entry.objects.get(owner=owner, title="First frost")
    assert frost.created_at == datetime(2023, 11, 4, 8, 12, 31, tzinfo=ZoneInfo("UTC"))
    assert sorted(t.name for t in frost.tags.all()) == ["garden", "mornings", "starred"]
    assert frost.body.endswith(
        "Place: Kleingartenanlage Sonnenblick, Berlin, Germany\n\nWeather: Clear, -2 °C"
    )
    assert "<p>The allotment was white at eight. Made tea" in frost.body_html
    tokyo = Entry.objects.get(owner=owner, title="大晦日")
    assert tokyo.written_on == date(2024, 1, 1)  # in Tokyo, though 31 December in London
    late = Entry.objects.get(owner=owner, body__startswith="Late flight")
    assert late.written_on == date(2023, 11, 4) and late.title == ""
    assert Entry.objects.filter(owner=owner, tags__name="starred").count() == 2
    assert Entry.objects.filter(owner=owner, body__contains="Not carried from Day One").count() == 2
    assert any(
        line.startswith("places → ") and line.endswith("(2 entries)")
        for line in reading.kept_as_text
    )
    assert bring_in("dayone", "dayone-Journal.json", owner)[1] == {}


def test_a_day_still_to_come_is_refused_by_entry(owner):
    later = (date.today() + timedelta(days=3)).isoformat()
    data = json.dumps(
        {"entries": [{"date": "2024-01-01", "body": "fine"}, {"date": later, "body": "later"}]}
    ).encode()
    with pytest.raises(ForeignFileError, match=f"^Entry 2 is dated {later}, a day still to come"):
        source("jrnl").read(data, owner)
    assert Entry.objects.count() == 0


def test_the_latest_day_is_tomorrow_and_an_empty_file_adds_nothing(owner):
    from tending.journal.models import latest_day

    last = latest_day().isoformat()
    data = json.dumps({"entries": [{"date": last, "body": "just past midnight, far east"}]})
    reading = source("jrnl").read(data.encode(), owner)
    assert reading.new_counts() == {"journal entry": 1}
    empty = source("jrnl").read(b'{"entries": []}', owner)
    assert (empty.items, empty.kept_as_text) == ([], [])
    with transaction.atomic():
        assert source("jrnl").add(empty, owner) == {}


@pytest.mark.parametrize(
    ("title", "shown"),
    [("t" * 60, "t" * 60), ("t" * 61, "t" * 59 + "…"), ("", "a b")],
)
def test_a_preview_line_is_the_time_and_the_first_sixty_characters(title, shown):
    made = shaped(
        ForeignEntry("entry 1", datetime(2024, 1, 2, 3, 4, tzinfo=LONDON), title, "a\n b")
    )
    assert preview_line(made) == f"2024-01-02 03:04 {shown}"


def test_progress_is_told_to_a_listener(owner, monkeypatch):
    monkeypatch.setattr("tending.journal.services.IMPORT_BATCH", 1)
    reading = source("jrnl").read((SAMPLES / "jrnl-export.json").read_bytes(), owner)
    heard: list[tuple[int, int]] = []
    with listening(lambda done, total: heard.append((done, total))), transaction.atomic():
        source("jrnl").add(reading, owner, chosen=[0, 2, 2])
    assert heard == [(1, 2), (2, 2)]
    assert Entry.objects.count() == 2


def ten_years(count: int = 4000) -> bytes:
    start = datetime(2014, 1, 1, 8, 0)
    entries = [
        {
            "title": f"Day {n}",
            "body": f"Walked with @Sam and wrote this, entry {n}.\n\n" + "A line of thought. " * 40,
            "date": (start + timedelta(hours=22 * n)).strftime("%Y-%m-%d"),
            "time": (start + timedelta(hours=22 * n)).strftime("%H:%M"),
            "tags": [f"@tag{n % 30}", "@walk"],
            "starred": n % 10 == 0,
        }
        for n in range(count)
    ]
    return json.dumps({"tags": {}, "entries": entries}).encode()


def test_ten_years_of_entries_import_in_under_fifteen_seconds(owner):
    PersonFactory(owner=owner, name="Sam")
    data = ten_years()
    started = time.perf_counter()
    module = source("jrnl")
    reading = module.read(data, owner)
    with transaction.atomic():
        added = module.add(reading, owner)
    took = time.perf_counter() - started
    print(f"4,000 jrnl entries read and added in {took:.1f} s")
    assert added == {"journal entry": 4000}
    assert took <= 15
    assert Entry.objects.filter(owner=owner, tags__name="starred").count() == 400
    assert search_entries(owner, "3999")


def test_the_journal_service_adds_in_batches_keeping_each_time(owner, other, monkeypatch):
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from tending.journal.services import add_entries

    monkeypatch.setattr("tending.journal.services.IMPORT_BATCH", 2)
    PersonFactory(owner=owner, name="Ash", is_archived=True)
    PersonFactory(owner=other, name="Bo")
    kit = PersonFactory(owner=owner, name="Kit")
    times = [datetime(2020, 1, day, 8, tzinfo=LONDON) for day in range(1, 6)]
    rows = [
        (
            Entry(written_on=at.date(), body=f"With @Ash, @Bo and @Kit, day {n}", created_at=at),
            ["a", "a", "b"],
        )
        for n, at in enumerate(times)
    ]
    rows.append((Entry(written_on=date(2020, 2, 1), body="no time given"), []))
    made = add_entries(owner, rows, done=lambda n: None)
    assert [entry.created_at for entry in made[:5]] == times
    stored = list(Entry.objects.filter(owner=owner).order_by("written_on"))
    assert [entry.created_at for entry in stored[:5]] == times
    assert abs(stored[5].created_at - timezone.now()) < timedelta(minutes=1)
    assert all(list(entry.people.all()) == [kit] for entry in stored[:5])
    assert all(sorted(t.name for t in entry.tags.all()) == ["a", "b"] for entry in stored[:5])
    assert stored[5].tags.count() == 0 and stored[5].people.count() == 0
    with pytest.raises(ValidationError):
        add_entries(owner, [(Entry(written_on=date(2020, 3, 1), body="x"), ["t" * 41])])
    with pytest.raises(ValidationError):
        add_entries(owner, [(Entry(written_on=date(2020, 3, 1), body=""), [])])
    assert Entry.objects.filter(owner=owner).count() == 6
