"""The journal list's calendar and its plain words: the days written are marked and lead to
their entries, an early month still shows what came before, and no Markdown shows."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("journal:list")
MARKED = r'<a href="\?day=(\d{4}-\d{2}-\d{2})" data-day="[\d-]+"[^>]*>(\d+)<span'


def page(response) -> str:
    return response.content.decode()


def calendar_of(html: str) -> str:
    return html[html.index('<table class="calendar">') : html.index("</table>")]


def test_the_calendar_marks_exactly_the_days_with_entries_and_links_to_them(
    owner, owner_client, other
):
    for day in (date(2026, 3, 2), date(2026, 3, 14), date(2026, 3, 14), date(2026, 3, 31)):
        JournalEntryFactory(owner=owner, written_on=day)
    JournalEntryFactory(owner=owner, written_on=date(2026, 2, 28))  # another month
    JournalEntryFactory(owner=owner, written_on=date(2026, 4, 1))
    JournalEntryFactory(owner=other, written_on=date(2026, 3, 20))  # someone else's
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        html = page(owner_client.get(LIST + "?month=2026-03"))
    calendar = calendar_of(html)
    assert re.findall(MARKED, calendar) == [
        ("2026-03-02", "2"),
        ("2026-03-14", "14"),
        ("2026-03-31", "31"),
    ]
    assert '14<span class="visually-hidden"> March: 2 entries</span>' in calendar
    assert '2<span class="visually-hidden"> March: 1 entry</span>' in calendar
    # Every other day is there, unmarked: 31 days, Sunday first as English weeks start
    # (1 March 2026 is a Sunday, so the first row is full and the last has 4 blanks).
    assert len(re.findall(r"<td[^>]*>", calendar)) == 5 * 7
    assert calendar.count("<td></td>") == 4
    assert re.findall(r'<span class="visually-hidden">(\w+)</span></th>', calendar) == [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]  # fmt: skip


def test_a_german_week_starts_on_monday(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        calendar = calendar_of(page(owner_client.get(LIST + "?month=2026-03")))
    assert len(re.findall(r"<td[^>]*>", calendar)) == 6 * 7
    assert calendar.count("<td></td>") == 6 + 5  # Monday first: the Sunday 1st is last in its row
    assert re.findall(r'<span class="visually-hidden">(\w+)</span></th>', calendar) == [
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
    ]  # fmt: skip


def test_a_marked_day_lists_that_days_entries_only(owner, owner_client):
    JournalEntryFactory(owner=owner, title="Morning", written_on=date(2026, 3, 14))
    JournalEntryFactory(owner=owner, title="Evening", written_on=date(2026, 3, 14))
    JournalEntryFactory(owner=owner, title="Next day", written_on=date(2026, 3, 15))
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        response = owner_client.get(LIST + "?day=2026-03-14")
        quiet = page(owner_client.get(LIST + "?day=2026-03-13"))
    html = page(response)
    assert [e.title for e in response.context["entries"]] == ["Evening", "Morning"]
    assert "<h2>Saturday 14 March 2026</h2>" in html
    assert 'href="?day=2026-03-14" data-day="2026-03-14" aria-current="page"' in html
    assert '<a href="?month=2026-03">March 2026</a>' in html  # back to the whole month
    assert "Nothing written about 13 March 2026" in quiet and "Next day" not in quiet


def test_early_in_a_month_the_list_shows_what_came_before_under_this_months_calendar(
    owner, owner_client
):
    JournalEntryFactory(owner=owner, title="Yesterday", written_on=date(2026, 6, 30))
    JournalEntryFactory(owner=owner, title="In May", written_on=date(2026, 5, 20))
    JournalEntryFactory(owner=owner, title="Today", written_on=date(2026, 7, 1))
    with time_machine.travel("2026-07-01 12:00:00+00:00", tick=False):
        response = owner_client.get(LIST)
    html = page(response)
    assert [e.title for e in response.context["entries"]] == ["Today", "Yesterday", "In May"]
    assert '<h2 id="calendar-heading">July 2026</h2>' in html
    assert re.findall(MARKED, calendar_of(html)) == [("2026-07-01", "1")]
    assert '<td class="today"><a href="?day=2026-07-01"' in html
    assert 'href="?month=2026-06" rel="prev"' in html  # the nearest month written in
    assert "<h2>Latest entries</h2>" in html


def test_an_empty_month_shows_its_calendar_and_no_marks(owner, owner_client):
    JournalEntryFactory(owner=owner, title="Long ago", written_on=date(2026, 1, 5))
    with time_machine.travel("2026-07-10 12:00:00+00:00", tick=False):
        html = page(owner_client.get(LIST))
    assert re.findall(MARKED, calendar_of(html)) == []
    assert '<td class="today"><span>10<span class="visually-hidden"> July, today' in html
    assert "Long ago" in html and 'href="?month=2026-01" rel="prev"' in html


def test_the_list_shows_words_never_markdown(owner, owner_client):
    JournalEntryFactory(
        owner=owner,
        title="# A **good** _day_",
        body="## Morning\n\n**Swam** in the *lake*, then `tea`.\n\n> a quote\n\n- one\n- two",
        written_on=date(2026, 3, 2),
    )
    for url in (LIST, LIST + "?month=2026-03", LIST + "?day=2026-03-02"):
        html = page(owner_client.get(url))
        start = html.index('<ul class="journal-list">')
        item = html[start : html.index("</ul>", start)]
        assert "A good day" in item
        assert "Morning Swam in the lake, then tea. a quote one two" in item
        for mark in ("**", "##", "`", "&gt; a", "- one", "_day_", "# A"):
            assert mark not in item, mark
    entry_page = page(owner_client.get(reverse("journal:detail", args=[_only_entry(owner)])))
    assert '<h1 dir="auto">A good day</h1>' in entry_page


def _only_entry(owner) -> int:
    from tending.journal.models import Entry

    return Entry.objects.get(owner=owner).pk


def test_the_month_index_marks_the_open_month_and_says_how_many(owner, owner_client):
    for day in (date(2026, 3, 1), date(2026, 3, 9), date(2026, 1, 3)):
        JournalEntryFactory(owner=owner, written_on=day)
    with time_machine.travel("2026-04-15 12:00:00+00:00", tick=False):
        html = page(owner_client.get(LIST + "?month=2026-03"))
    index = html[html.index('class="month-index"') :]
    assert (
        '<a href="?month=2026-03" aria-current="page">March <span class="count">2'
        '<span class="visually-hidden"> entries</span></span></a>' in index
    )
    assert (
        '<a href="?month=2026-01">January <span class="count">1'
        '<span class="visually-hidden"> entry</span></span></a>' in index
    )


@pytest.mark.parametrize("asked", ["?day=2026-02-30", "?day=tomorrow", "?day=0001-01-01"])
def test_a_day_that_cannot_be_is_the_latest_entries(owner, owner_client, asked):
    JournalEntryFactory(owner=owner, title="Still here", written_on=date(2026, 3, 2))
    response = owner_client.get(LIST + asked)
    assert response.status_code == 200 and "Still here" in page(response)
