"""The person page: its newest moments and journal entries, shown from plain rows."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tending.core.models import Tag
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_moments_show_their_people_by_name_their_tags_and_local_time(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam Lee")
    zoe, ada = PersonFactory(owner=owner, name="Zoe"), PersonFactory(owner=owner, name="Ada")
    # 23:30 UTC is half past midnight the next day in Berlin, the owner's time zone.
    moment = MomentFactory(
        owner=owner,
        people=[sam, zoe, ada],
        occurred_at=datetime(2026, 3, 14, 23, 30, tzinfo=ZoneInfo("UTC")),
        channel="call",
        self_disclosure=3,
        felt_understood=4,
        note="Talked for hours. " * 20,
    )
    moment.tags.set([Tag.objects.create(owner=owner, name=n) for n in ("walk", "birthday")])
    MomentFactory(
        owner=owner, people=[sam], occurred_at=datetime(2026, 1, 2, tzinfo=ZoneInfo("UTC"))
    )
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert 'Moments together <span class="muted">(2)</span>' in page
    assert "Sun 15 Mar 2026, 00:30" in page
    assert "<bdi>Ada</bdi>, <bdi>Sam Lee</bdi>, <bdi>Zoe</bdi> · Call · I shared: feelings" in page
    assert "understood 4/5" in page
    assert re.search(
        r'<span class="chip-tag" dir="auto">#birthday</span>\s+'
        r'<span class="chip-tag" dir="auto">#walk</span>',
        page,
    )
    assert "Talked for hours. Talked" in page and "…" in page
    assert page.index("15 Mar 2026") < page.index("Fri 2 Jan 2026")


def test_journal_entries_that_name_them_are_listed_with_their_people(owner, owner_client):
    sam, ada = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Ada")
    entry = JournalEntryFactory(
        owner=owner, people=[sam, ada], title="Lunch", written_on=date(2026, 2, 3)
    )
    entry.tags.set([Tag.objects.create(owner=owner, name="food")])
    JournalEntryFactory(owner=owner, people=[ada], title="Not about Sam")
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "Tue 3 Feb 2026" in page and "Lunch" in page and "Not about Sam" not in page
    assert re.search(
        r'<span class="chip-person" dir="auto">Ada</span>\s+'
        r'<span class="chip-person" dir="auto">Sam</span>\s+',
        page,
    )
    assert '<span class="chip-tag" dir="auto">#food</span>' in page


def test_no_moments_and_no_entries_say_so(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam Rivera")
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "No moments logged yet." in page
    assert "Typing @Sam in an entry links it here." in page


def test_counted_no_further_than_the_cap(owner, owner_client, monkeypatch):
    from tending.circle import person_page

    monkeypatch.setattr(person_page, "COUNTED_UP_TO", 3)
    monkeypatch.setattr(person_page, "RECENT_MOMENTS", 2)
    sam = PersonFactory(owner=owner, name="Sam")
    for _ in range(3):
        MomentFactory(owner=owner, people=[sam])
    address = reverse("circle:person", args=[sam.pk])
    page = owner_client.get(address).content.decode()
    assert 'Moments together <span class="muted">(3)</span>' in page
    assert f'?person={sam.pk}">All 3 moments with <bdi>Sam</bdi></a>' in page
    MomentFactory(owner=owner, people=[sam])
    page = owner_client.get(address).content.decode()
    assert 'Moments together <span class="muted">(more than 3)</span>' in page
    assert f'?person={sam.pk}">All moments with <bdi>Sam</bdi></a>' in page


@pytest.mark.parametrize("few", [0, 10**6])
def test_the_newest_rows_are_the_same_read_either_way(owner, owner_client, monkeypatch, few):
    """Up to FEW links, a person's rows are read from their links and sorted; past it, along
    the owner's time index: both give the newest, newest first, and only theirs."""
    from tending.circle import person_page

    monkeypatch.setattr(person_page, "FEW", few)
    sam, ada = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Ada")
    for day in range(1, 16):
        MomentFactory(
            owner=owner,
            people=[sam] if day % 3 else [ada],
            occurred_at=datetime(2026, 1, day, 12, tzinfo=ZoneInfo("UTC")),
            note=f"note of day {day}",
        )
        JournalEntryFactory(
            owner=owner, people=[sam] if day % 3 else [ada], title=f"Entry {day}",
            written_on=date(2026, 2, day),
        )  # fmt: skip
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    notes = [int(n) for n in re.findall(r"note of day (\d+)", page)]
    assert notes == [d for d in range(15, 0, -1) if d % 3][: person_page.RECENT_MOMENTS]
    titles = [int(n) for n in re.findall(r"Entry (\d+)", page)]
    assert titles == [d for d in range(15, 0, -1) if d % 3][: person_page.JOURNAL_SHOWN]
