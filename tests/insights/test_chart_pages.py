"""The charts over the years as pages: the right numbers for a small known data set, what an
empty one says, and nothing of another account's."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.circle.models import Person
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 20, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def taken(owner, instrument_id: str, answers: dict, when: datetime) -> CheckIn:
    checkin = save_checkin(owner, get_instrument(instrument_id), answers)
    CheckIn.objects.filter(pk=checkin.pk).update(taken_at=when)
    return checkin


def part(html: str, start: str, end: str) -> str:
    at = html.index(start)
    return html[at : html.index(end, at)]


def wellbeing(owner, value: int, when: datetime) -> None:
    ids = [item.id for item in get_instrument("weekly-wellbeing").items]
    taken(owner, "weekly-wellbeing", dict.fromkeys(ids, value), when)


def test_the_history_switches_ranges_and_rings_a_meaningful_change(owner, owner_client):
    inst = get_instrument("weekly-wellbeing")
    ids = [item.id for item in inst.items]
    for when, value in (
        (datetime(2024, 5, 1, 9, tzinfo=UTC), 1),
        (datetime(2026, 1, 10, 9, tzinfo=UTC), 2),
        (datetime(2026, 5, 1, 9, tzinfo=UTC), 2),
        (datetime(2026, 6, 1, 9, tzinfo=UTC), 4),  # 40 to 80: a meaningful change
    ):
        taken(owner, inst.id, dict.fromkeys(ids, value), when)
    url = reverse("checkins:history", args=[inst.id])
    three = owner_client.get(url).content.decode()
    chart = part(three, '<svg class="time-chart"', "</svg>")
    assert re.findall(r'<text class="date"[^>]*>([^<]*)</text>', chart) == [
        "Apr 2026",
        "May",
        "Jun",
    ]
    assert chart.count('<circle class="point') == 2
    assert chart.count('<circle class="mark"') == 1
    assert 'aria-current="page">3 months</a>' in three
    names = re.findall(r'<text class="band-name"[^>]*>([^<]*)</text>', chart)
    assert names == [b.label for b in inst.bands if b.high - b.low >= 13] and names
    assert "1 time a score moved by a meaningful amount" in three
    table = part(three, '<details class="chart-table">', "</details>")
    assert '<td>1 May 2026</td><td class="num">40</td>' in table
    assert "1 Jun 2026: 80 (+40)" in table

    year = owner_client.get(url + "?range=1y").content.decode()
    assert part(year, '<svg class="time-chart"', "</svg>").count('<circle class="point') == 3
    every = owner_client.get(url + "?range=all").content.decode()
    chart = part(every, '<svg class="time-chart"', "</svg>")
    assert re.findall(r'<text class="date"[^>]*>([^<]*)</text>', chart) == ["2025", "2026"]
    assert "drawn as weekly averages" in every and "4 results from 1 May 2024" in every
    # Anything else is the default, never an error.
    assert 'aria-current="page">3 months</a>' in owner_client.get(url + "?range=x").content.decode()


@pytest.mark.parametrize("shown", ["1y", "all"])
def test_a_kept_range_chart_moves_with_an_added_or_deleted_result(
    owner, owner_client, other, shown
):
    wellbeing(owner, 2, datetime(2026, 5, 1, 9, tzinfo=UTC))
    url = reverse("checkins:history", args=["weekly-wellbeing"]) + f"?range={shown}"

    def points() -> int:
        html = owner_client.get(url).content.decode()
        return part(html, '<svg class="time-chart"', "</svg>").count('<circle class="point')

    assert points() == 1
    wellbeing(other, 3, datetime(2026, 5, 2, 9, tzinfo=UTC))  # another account's: not here
    assert points() == 1
    wellbeing(owner, 4, datetime(2026, 6, 1, 9, tzinfo=UTC))
    assert points() == 2
    wellbeing(owner, 1, datetime(2026, 4, 1, 9, tzinfo=UTC))  # added later, taken earlier
    assert points() == 3
    middle = CheckIn.objects.get(owner=owner, taken_at=datetime(2026, 5, 1, 9, tzinfo=UTC))
    owner_client.post(reverse("checkins:delete", args=[middle.pk]))
    assert points() == 2
    theirs = CheckIn.objects.get(owner=other)
    Client = type(owner_client)
    them = Client()
    them.force_login(other)
    them.post(reverse("checkins:delete", args=[theirs.pk]))
    assert points() == 2
    newest = CheckIn.objects.filter(owner=owner).latest("taken_at")
    owner_client.post(reverse("checkins:delete", args=[newest.pk]))
    assert points() == 1


def test_deletions_are_counted_for_each_account(owner, other):
    from tending.insights.models import Deletions
    from tending.insights.signals import count_deletion

    count_deletion(owner.pk, "checkin")
    count_deletion(owner.pk, "checkin")
    count_deletion(other.pk, "checkin")
    counts = dict(Deletions.objects.values_list("owner_id", "count"))
    assert counts == {owner.pk: 2, other.pk: 1}


def test_a_deletion_counted_while_another_request_makes_the_row(owner, monkeypatch):
    """Two first deletions at once: the one that finds the row made counts on it."""
    from django.db.models import QuerySet

    from tending.insights.models import Deletions
    from tending.insights.signals import count_deletion

    real_update = QuerySet.update
    calls = []

    def update_as_if_first(self, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:  # none there yet when looked for; then the other request makes it
            Deletions.objects.create(owner=owner, kind="checkin", count=1)
            return 0
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_as_if_first)
    count_deletion(owner.pk, "checkin")
    assert Deletions.objects.get(owner=owner).count == 2


def test_a_range_without_results_says_where_to_look(owner, owner_client):
    wellbeing(owner, 3, datetime(2025, 1, 1, 9, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:history", args=["weekly-wellbeing"])).content
    html = html.decode()
    assert "No results in the last 3 months" in html and 'href="?range=all"' in html
    assert '<svg class="time-chart"' not in html


def test_all_of_a_short_history_is_drawn_every_time(owner, owner_client):
    pulse(owner, date(2026, 3, 1), 3, 3, 3, 3)
    pulse(owner, date(2026, 6, 1), 4, 4, 4, 4)
    assert get_instrument("daily-pulse").meaningful_change is None  # the weekly path is tried
    url = reverse("checkins:history", args=["daily-pulse"]) + "?range=all"
    for _ in range(2):  # the second visit finds what the first kept, for each step
        html = owner_client.get(url).content.decode()
        assert part(html, '<svg class="time-chart"', "</svg>").count('<circle class="point') == 2


def test_nothing_to_draw_is_kept_like_a_chart(owner, owner_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wellbeing(owner, 3, datetime(2025, 1, 1, 9, tzinfo=UTC))  # none in the last 3 months
    url = reverse("checkins:history", args=["weekly-wellbeing"])
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert "No results in the last 3 months" in owner_client.get(url).content.decode()
        counts.append(len(queries))
    assert counts[1] == counts[0] - 1  # the second reads only the stamp, not the results


def pulse(owner, day: date, mood: int, energy: int, stress: int, connected: int) -> None:
    answers = {"mood": mood, "energy": energy, "stress": stress, "connected": connected}
    taken(owner, "daily-pulse", answers, datetime(day.year, day.month, day.day, 20, tzinfo=UTC))


def test_the_year_in_pixels_colours_each_answered_day(owner, owner_client):
    pulse(owner, date(2025, 7, 1), 2, 2, 2, 2)
    pulse(owner, date(2026, 1, 5), 5, 1, 2, 3)
    pulse(owner, date(2026, 1, 6), 4, 1, 5, 3)
    pulse(owner, date(2026, 3, 10), 3, 3, 3, 3)
    html = owner_client.get(reverse("insights:pulse")).content.decode()
    mood = part(html, 'aria-labelledby="pixels-mood-title', "</svg>")
    # 5 January: the fifth square of January's row, in the darkest colour.
    assert '<path class="level level-5" d="M74 14h9v9h-9z"/>' in mood
    assert '<path class="level level-4" d="M85 14h9v9h-9z"/>' in mood
    assert '<path class="level level-3" d="M129 36h9v9h-9z"/>' in mood
    calm = part(html, 'aria-labelledby="pixels-calm-title', "</svg>")
    assert '<path class="level level-4" d="M74 14h9v9h-9z"/>' in calm  # stress 2, turned around
    assert "3 days answered in 2026" in html
    assert re.findall(r'href="\?year=(\d+)"', html) == ["2026", "2025"]
    table = part(html, '<details class="chart-table">', "</details>")
    assert '<td>Jan 2026</td><td class="num">4.5 (2)</td>' in table
    assert "Jul 2025" not in table
    last = owner_client.get(reverse("insights:pulse") + "?year=2025").content.decode()
    assert "1 day answered in 2025" in last and "<td>Jul 2025</td>" in last


def test_a_year_that_cannot_be_shown_says_so(owner, owner_client):
    pulse(owner, date(2026, 1, 5), 5, 1, 2, 3)
    html = owner_client.get(reverse("insights:pulse") + "?year=1990").content.decode()
    assert "There is no daily pulse year “1990” to show; here is 2026." in html
    assert "1 day answered in 2026" in html


def test_without_a_pulse_the_page_says_what_to_do(owner_client):
    html = owner_client.get(reverse("insights:pulse")).content.decode()
    assert (
        "No daily pulse in 2026" in html and reverse("checkins:take", args=["daily-pulse"]) in html
    )
    assert '<svg class="pixels"' not in html


def moment(owner, person, when, **details):
    return MomentFactory(owner=owner, people=[person], occurred_at=when, **details)


def test_the_circle_charts_add_up(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner", rhythm_days=7)
    ada = PersonFactory(owner=owner, name="Ada", ring="outer", rhythm_days=180)
    moment(owner, sam, datetime(2025, 3, 1, 12, tzinfo=UTC), duration_minutes=30,
           self_disclosure=3, other_disclosure=1, felt_understood=2)  # fmt: skip
    moment(owner, sam, datetime(2026, 1, 10, 12, tzinfo=UTC), duration_minutes=60,
           self_disclosure=4, other_disclosure=2, felt_understood=4, felt_cared_for=5)  # fmt: skip
    moment(owner, sam, datetime(2026, 2, 20, 12, tzinfo=UTC), duration_minutes=45,
           self_disclosure=1, other_disclosure=3, felt_understood=5)  # fmt: skip
    moment(owner, ada, datetime(2026, 6, 1, 12, tzinfo=UTC), duration_minutes=20,
           self_disclosure=2, other_disclosure=2)  # fmt: skip
    # Bo: a moment long before the two years read, then one this spring.
    bo = PersonFactory(owner=owner, name="Bo", ring="outer", rhythm_days=180)
    moment(owner, bo, datetime(2023, 6, 1, 12, tzinfo=UTC))
    moment(owner, bo, datetime(2026, 3, 1, 12, tzinfo=UTC))
    html = owner_client.get(reverse("insights:circle")).content.decode()
    assert "You shared more than they did in 2 of 4 moments, they shared more in 1" in html
    assert "and about the same in 1." in html
    feelings = part(html, 'aria-labelledby="feelings-title', "</svg>")
    # Nobody noted feeling accepted: that line is left out, not drawn at zero.
    assert feelings.count("<polyline") == 2 and "line-accepted" not in feelings
    # Lines without dots, but a month alone on its line keeps its dot to be seen at all.
    assert '<circle class="point line-understood"' not in feelings
    assert feelings.count('<circle class="point line-cared"') == 1
    table = part(html, 'aria-label="How you felt in moments', "</table>")
    assert '<td>Jan 2026</td><td class="num">1</td><td class="num">4</td>' in table
    rings = part(html, 'aria-label="Time per ring, as a table"', "</table>")
    assert '<th scope="row">Inner</th><td class="num">2 moments, 105 min</td>' in rings
    assert '<td class="num">1 moment, 30 min</td>' in rings
    assert '<th scope="row">Outer</th><td class="num">2 moments, 20 min</td>' in rings
    drift = part(html, 'id="drift-heading"', "</section>")
    assert "Sam</a>: up to 315 days between moments, and drifting now" in drift
    assert "Bo</a>: up to 1004 days between moments</li>" in drift
    assert "Ada" not in drift  # before her first moment she was not drifting
    sharing = part(html, 'aria-label="Balance of sharing, person by person"', "</table>")
    sam_at, ada_at = (reverse("insights:closeness", args=[p.pk]) for p in (sam, ada))
    assert (
        f'<tr><td><a href="{sam_at}">Sam</a></td><td class="num">2</td><td class="num">0</td>'
        f'<td class="num">1</td></tr><tr><td><a href="{ada_at}">Ada</a></td>'
    ) in sharing
    everyone = part(html, 'id="closeness-heading"', "</section>")
    assert f'<li><a href="{ada_at}">Ada</a></li>' in everyone and everyone.count("<li>") == 3


def test_the_kept_circle_page_moves_with_moments_and_people(owner, owner_client, other):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner", rhythm_days=7)
    moment(owner, sam, datetime(2026, 5, 1, 12, tzinfo=UTC), self_disclosure=3, other_disclosure=1)
    url = reverse("insights:circle")

    def sharing() -> str:
        return part(owner_client.get(url).content.decode(), 'id="sharing-heading"', "</section>")

    assert "in 1 of 1 moments" in sharing() or "1 of 1" in sharing()
    moment(other, PersonFactory(owner=other), datetime(2026, 5, 2, 12, tzinfo=UTC),
           self_disclosure=3, other_disclosure=1)  # fmt: skip
    before = sharing()
    moment(owner, sam, datetime(2026, 5, 3, 12, tzinfo=UTC), self_disclosure=1, other_disclosure=3)
    after = sharing()
    assert after != before and "they shared more in 1" in after
    sam.name = "Samira"
    sam.save()
    assert "Samira" in sharing()
    # A last moment set again without a save (as deleting a moment does) moves the page too.
    drift = part(owner_client.get(url).content.decode(), 'id="drift-heading"', "</section>")
    Person.objects.filter(pk=sam.pk).update(last_moment_at=datetime(2024, 1, 1, tzinfo=UTC))
    again = part(owner_client.get(url).content.decode(), 'id="drift-heading"', "</section>")
    assert again != drift


def test_names_on_the_circle_page_are_escaped(owner, owner_client):
    odd = PersonFactory(owner=owner, name='<b>Jo & "Al"</b>', ring="inner", rhythm_days=7)
    moment(owner, odd, datetime(2025, 3, 1, 12, tzinfo=UTC), self_disclosure=3, other_disclosure=1)
    html = owner_client.get(reverse("insights:circle")).content.decode()
    assert "<b>Jo" not in html
    assert html.count("&lt;b&gt;Jo &amp; &#34;Al&#34;&lt;/b&gt;</a>") == 3  # sharing, drift, all


def test_the_circle_without_moments_says_what_to_do(owner, owner_client):
    PersonFactory(owner=owner, name="Sam")
    html = owner_client.get(reverse("insights:circle")).content.decode()
    assert "No moments in the last two years" in html and reverse("moments:add") in html
    assert "Sam" in html  # the closeness page is still one tap away


def test_closeness_over_time_for_one_person(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    for day, value in ((date(2026, 2, 1), 3), (date(2026, 4, 1), 5), (date(2026, 6, 1), 6)):
        ClosenessRatingFactory(person=sam, value=value, rated_on=day)
    html = owner_client.get(reverse("insights:closeness", args=[sam.pk])).content.decode()
    chart = part(html, '<svg class="time-chart"', "</svg>")
    assert chart.count('<circle class="point') == 3
    assert re.findall(r'<text class="date"[^>]*>([^<]*)</text>', chart) == [
        "Mar 2026",
        "Apr",
        "May",
        "Jun",
    ]
    assert "3 ratings; the latest is 6 of 7." in html
    assert '<td>1 Apr 2026</td><td class="num">5</td>' in html
    assert reverse("insights:circle") + "#sharing-heading" in html


@pytest.mark.parametrize("days_apart", [30, 7])
def test_a_long_closeness_history_charts_the_newest_and_offers_all(
    owner, owner_client, other, django_assert_num_queries, days_apart
):
    """At first, the ratings of the three years up to the newest, forty at most."""
    from datetime import timedelta

    from tending.insights.chart_data import CLOSENESS_SHOWN, CLOSENESS_YEARS

    sam = PersonFactory(owner=owner, name="Sam")
    first = date(2019, 1, 1)
    every = CLOSENESS_SHOWN + 5
    days = [first + timedelta(days=days_apart * n) for n in range(every)]
    for n, day in enumerate(days):
        ClosenessRatingFactory(person=sam, value=1 + n % 7, rated_on=day)
    ClosenessRatingFactory(person=PersonFactory(owner=other), value=2, rated_on=first)
    newest = days[-1]
    back = newest.replace(year=newest.year - CLOSENESS_YEARS)
    shown = [day for day in days if day >= back][-CLOSENESS_SHOWN:]
    assert len(shown) < every
    address = reverse("insights:closeness", args=[sam.pk])
    with django_assert_num_queries(3):  # the session, the user, and the person with ratings
        html = owner_client.get(address).content.decode()
    chart = part(html, '<svg class="time-chart"', "</svg>")
    assert chart.count('<circle class="point') == len(shown)
    assert f"The newest {len(shown)} of your {every} ratings" in html
    assert f"the latest is {1 + (every - 1) % 7} of 7" in html
    assert f"<td>{newest.day} {newest:%b %Y}</td>" in html
    oldest_shown, left_out = shown[0], days[every - len(shown) - 1]
    assert f"<td>{oldest_shown.day} {oldest_shown:%b %Y}</td>" in html
    assert f"<td>{left_out.day} {left_out:%b %Y}</td>" not in html
    assert f'href="?all=1">Show all {every}</a>' in html
    everything = owner_client.get(address + "?all=1").content.decode()
    chart = part(everything, '<svg class="time-chart"', "</svg>")
    assert chart.count('<circle class="point') == every
    assert f"<td>{first.day} {first:%b %Y}</td>" in everything and "Show all" not in everything
    assert f"{every} ratings; the latest is" in everything


def test_a_person_rated_long_ago_still_shows_their_ratings(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    for day in (date(2012, 2, 29), date(2016, 2, 29)):
        ClosenessRatingFactory(person=sam, value=4, rated_on=day)
    html = owner_client.get(reverse("insights:closeness", args=[sam.pk])).content.decode()
    chart = part(html, '<svg class="time-chart"', "</svg>")
    assert chart.count('<circle class="point') == 1  # 2016's; 2012's is four years before it
    assert "The newest 1 of your 2 ratings" in html and 'href="?all=1"' in html


def test_closeness_of_a_person_not_ones_own_or_not_a_number_is_not_found(owner_client, other):
    theirs = PersonFactory(owner=other)
    for address in (f"/insights/circle/{theirs.pk}/", "/insights/circle/99999999/"):
        assert owner_client.get(address).status_code == 404
        assert owner_client.get(address + "?all=1").status_code == 404


def test_closeness_without_ratings_says_what_to_do(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    html = owner_client.get(reverse("insights:closeness", args=[sam.pk])).content.decode()
    assert "No closeness ratings yet" in html and reverse("circle:person", args=[sam.pk]) in html


def test_another_accounts_person_is_not_found(owner, other_client):
    sam = PersonFactory(owner=owner, name="Sam")
    ClosenessRatingFactory(person=sam, value=6)
    assert other_client.get(reverse("insights:closeness", args=[sam.pk])).status_code == 404
    assert "Sam" not in other_client.get(reverse("insights:circle")).content.decode()


def test_decades_of_a_history_are_drawn_by_month_and_tabled_by_year(owner, owner_client):
    """More weeks than the chart draws (DRAWN_WEEKS): a line through monthly averages, and
    a table of years, so the page is the same size at ten years as at thirty."""
    from datetime import timedelta

    from tending.insights.charts.scores import DRAWN_WEEKS

    first = datetime(2018, 1, 3, 12, tzinfo=UTC)  # a Wednesday
    CheckIn.objects.bulk_create(
        CheckIn(
            owner=owner,
            instrument_id="daily-pulse",
            instrument_version=1,
            answers={},
            total=2.0 + week % 2,
            taken_at=first + timedelta(weeks=week),
        )
        for week in range(DRAWN_WEEKS + 1)
    )
    url = reverse("checkins:history", args=["daily-pulse"]) + "?range=all"
    html = owner_client.get(url).content.decode()
    assert f"{DRAWN_WEEKS + 1} results, drawn as monthly averages" in html
    drawn = part(html, '<svg class="time-chart"', "</svg>")
    months = (2025 - 2018) * 12 + 9  # January 2018 to September 2025, each with a result
    line = re.search(r'<polyline class="trend line-score" points="([^"]*)"', drawn)
    assert line is not None and len(line.group(1).split()) == months
    table = part(html, '<table class="results-table">', "</table>")
    assert '<th scope="col">Year</th>' in table
    years = re.findall(r"<tr><td>(\d{4})</td><td class=\"num\">([\d.]+)</td>", table)
    assert [y for y, _ in years] == [str(y) for y in range(2018, 2026)]
    assert "Each year's average; a week counts in the month its Monday falls in" in table
