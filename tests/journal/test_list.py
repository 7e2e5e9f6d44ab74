"""The journal list: the newest entries whatever their month, with every month as an index."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


def test_item_29_the_list_opens_on_the_latest_entries_whatever_their_month(owner, owner_client):
    start = date(2025, 1, 1)
    for n in range(522):
        JournalEntryFactory(owner=owner, title=f"Day {n}", written_on=start + timedelta(days=n))
    with time_machine.travel("2026-07-02 12:00:00+00:00", tick=False):  # early in a new month
        response = owner_client.get(reverse("journal:list"))
    html = page(response)
    shown = [e.title for e in response.context["entries"]]
    assert shown == [f"Day {n}" for n in range(521, 501, -1)]  # newest first, a page of 20
    # 522 entries are past the list's cap of 500: it pages on without counting them all.
    assert "Nothing written" not in html and "<span>Page 1</span>" in html
    assert 'href="?page=2" rel="next">Older' in html
    older = page(owner_client.get(reverse("journal:list") + "?page=27"))
    assert "Day 0<" in older and "Day 20<" not in older
    assert "Older</a>" not in older and 'href="?page=26" rel="prev"' in older
    past_the_end = page(owner_client.get(reverse("journal:list") + "?page=99"))
    assert "Day 0<" in past_the_end and "<span>Page 27</span>" in past_the_end


def test_up_to_the_cap_the_list_says_how_many_pages(owner, owner_client):
    from tending.journal.views import LIST_CAP, LIST_PAGE_SIZE

    start = date(2020, 1, 1)
    for n in range(LIST_CAP):
        JournalEntryFactory(owner=owner, title=f"Day {n}", written_on=start + timedelta(days=n))
    html = page(owner_client.get(reverse("journal:list")))
    assert f"Page 1 of {LIST_CAP // LIST_PAGE_SIZE}" in html


MONTH_LINK = r'href="\?month=(\d{4}-\d{2})"[^>]*>(\w+) <span class="count">(\d+)<'


def test_item_29_every_month_with_entries_is_reachable_with_its_count(owner, owner_client):
    # This year's and last year's months are listed with their counts; an earlier year is
    # one link, and its page lists its months with theirs: every month in two steps.
    days = (date(2019, 5, 3), date(2019, 5, 9), date(2024, 2, 29), date(2025, 1, 1))
    for day in (*days, date(2026, 4, 1)):
        JournalEntryFactory(owner=owner, title=f"On {day}", written_on=day)
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        html = page(owner_client.get(reverse("journal:list")))
        index = html[html.index('class="month-index"') :]
        assert re.findall(MONTH_LINK, index) == [
            ("2026-04", "April", "1"),
            ("2025-01", "January", "1"),
        ]
        assert re.findall(r'href="\?year=(\d+)"', index) == ["2024", "2019"]
        reached = []
        for year in ("2024", "2019"):
            html = page(owner_client.get(reverse("journal:list") + f"?year={year}"))
            assert f"On {year}-" in html
            linked = re.findall(MONTH_LINK, html[html.index('class="month-index"') :])
            reached += [m for m in linked if m[0].startswith(year)]
            assert re.findall(r'href="\?year=(\d+)"', html) == [
                y for y in ("2024", "2019") if y != year
            ]
        assert reached == [("2024-02", "February", "1"), ("2019-05", "May", "2")]
        for month, _, _ in reached:
            html = page(owner_client.get(reverse("journal:list") + f"?month={month}"))
            assert f"On {month}-" in html


def test_item_29_a_year_without_entries_says_so_kindly(owner, owner_client):
    JournalEntryFactory(owner=owner, title="Once", written_on=date(2019, 5, 3))
    html = page(owner_client.get(reverse("journal:list") + "?year=2021"))
    assert "Nothing written in 2021. The years below have entries." in html
    assert 'href="?year=2019"' in html


def test_item_29_a_month_with_many_entries_comes_in_pages(owner, owner_client):
    for n in range(25):
        JournalEntryFactory(owner=owner, title=f"March {n}", written_on=date(2026, 3, 1 + n))
    first = owner_client.get(reverse("journal:list") + "?month=2026-03")
    assert len(first.context["entries"]) == 20 and "month=2026-03&amp;page=2" in page(first)
    second = owner_client.get(reverse("journal:list") + "?month=2026-03&page=2")
    assert [e.title for e in second.context["entries"]][-1] == "March 0"


def test_item_29_an_empty_journal_invites_a_first_entry(owner_client):
    html = page(owner_client.get(reverse("journal:list")))
    assert "Nothing written yet" in html and 'class="month-index"' not in html


def test_the_index_links_six_earlier_years_and_offers_to_go_to_older_ones(owner, owner_client):
    from tending.journal.rows import EARLIER_YEARS

    for year in range(2012, 2027):  # fifteen years, one entry each in March
        JournalEntryFactory(owner=owner, title=f"In {year}", written_on=date(year, 3, 5))
    with time_machine.travel("2026-07-02 12:00:00+00:00", tick=False):
        html = page(owner_client.get(reverse("journal:list")))
        linked = [int(y) for y in re.findall(r'<h3><a href="\?year=(\d{4})">', html)]
        assert linked == list(range(2024, 2024 - EARLIER_YEARS, -1))
        assert 'name="year" type="number"' in html and 'placeholder="2018"' in html
        oldest = page(owner_client.get(reverse("journal:list") + "?year=2012"))
        assert "In 2012<" in oldest and 'href="?month=2012-03"' in oldest
        assert "In 2013<" not in oldest


def test_no_year_form_while_every_year_is_linked(owner, owner_client):
    from tending.journal.rows import EARLIER_YEARS

    for year in range(2025 - EARLIER_YEARS, 2027):
        JournalEntryFactory(owner=owner, title=f"In {year}", written_on=date(year, 3, 5))
    with time_machine.travel("2026-07-02 12:00:00+00:00", tick=False):
        html = page(owner_client.get(reverse("journal:list")))
    linked = re.findall(r'<h3><a href="\?year=(\d{4})">', html)
    assert len(linked) == EARLIER_YEARS and 'name="year"' not in html
