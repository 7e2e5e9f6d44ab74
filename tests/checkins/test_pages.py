"""How the check-in pages read: the list's cards, a result's meaning first, the history's chart
and table (issue 15)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin

pytestmark = pytest.mark.django_db

WELLBEING = "weekly-wellbeing"


def taken(owner, instrument_id: str, values: list[int], when: datetime) -> CheckIn:
    inst = get_instrument(instrument_id)
    checkin = save_checkin(owner, inst, dict(zip([i.id for i in inst.items], values, strict=True)))
    CheckIn.objects.filter(pk=checkin.pk).update(taken_at=when)
    checkin.refresh_from_db()
    return checkin


def part(html: str, start: str, end: str) -> str:
    """The markup from `start` up to the next `end`."""
    at = html.index(start)
    return html[at : html.index(end, at)]


def test_the_list_shows_each_check_in_as_a_card_with_how_often_when_and_a_sparkline(
    owner, owner_client
):
    taken(owner, WELLBEING, [1, 1, 1, 1, 0], datetime(2026, 3, 2, 12, tzinfo=UTC))
    taken(owner, WELLBEING, [3, 4, 2, 5, 1], datetime(2026, 3, 9, 12, tzinfo=UTC))
    taken(owner, "connection", [1, 1, 2], datetime(2026, 3, 9, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:index")).content.decode()
    cards = re.findall(r'<li class="card checkin-card">.*?</li>', html, re.DOTALL)
    assert len(cards) == 6  # every built-in check, none switched off
    wellbeing = next(card for card in cards if "Weekly well-being" in card)
    assert "Every week" in wellbeing and get_instrument(WELLBEING).measures in wellbeing
    assert "Last time 9 Mar 2026" in wellbeing and ">60<" in wellbeing and "Good" in wellbeing
    assert 'aria-label="Your last 2 scores, oldest first: 16, 60; higher is better"' in wellbeing
    # One result is no line yet; never taken says so.
    connection = next(card for card in cards if "<h2>Connection</h2>" in card)
    assert "Last time 9 Mar 2026" in connection and 'class="sparkline"' not in connection
    pulse = next(card for card in cards if "Daily pulse" in card)
    assert "Not taken yet" in pulse and "Every day" in pulse
    assert 'class="sparkline"' not in pulse and "History" not in pulse


def test_the_sparkline_draws_only_the_last_few(owner, owner_client):
    for day in range(1, 11):
        taken(owner, WELLBEING, [day % 6] * 5, datetime(2026, 3, day, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:index")).content.decode()
    label = re.search(r'aria-label="Your last (\d+) scores, oldest first: ([^";]*);', html)
    assert label.group(1) == "8"
    assert label.group(2) == "60, 80, 100, 0, 20, 40, 60, 80"  # 3 to 10 March


def test_a_due_check_in_offers_start_first_the_others_quietly(owner, owner_client):
    taken(owner, "connection", [1, 1, 2], datetime.now(UTC))
    html = owner_client.get(reverse("checkins:index")).content.decode()
    assert '<a class="button small" href="/checkins/daily-pulse/">Start' in html
    assert '<a class="button secondary small" href="/checkins/connection/">Start' in html


def test_a_result_says_what_it_means_then_how_it_moved_then_the_chart(owner, owner_client):
    taken(owner, WELLBEING, [2, 2, 2, 2, 2], datetime(2026, 3, 2, 12, tzinfo=UTC))
    now = taken(owner, WELLBEING, [3, 4, 2, 5, 1], datetime(2026, 3, 9, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:result", args=[now.pk])).content.decode()
    good = next(b for b in get_instrument(WELLBEING).bands if b.label == "Good")
    meaning = part(html, 'id="meaning"', "</p>")
    assert "<strong>Good.</strong>" in meaning and good.meaning in meaning
    assert "This is not a diagnosis" in meaning
    order = [html.index(mark) for mark in ('class="score-value"', 'id="meaning"', 'id="change"')]
    assert order == sorted(order) and order[-1] < html.index('class="history-chart"')
    assert "+20, better" in part(html, 'id="change"', "</p>")
    # The method is one tap away, not above the score.
    method = part(html, '<details class="more" id="method">', "</details>")
    assert "<summary>How this is scored</summary>" in method
    assert "WHO-5" in method and html.index("WHO-5") > html.index('class="history-chart"')


def test_a_check_without_ranges_says_how_to_read_it(owner, owner_client):
    checkin = taken(owner, "stress", [2, 2, 2, 2], datetime(2026, 3, 2, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:result", args=[checkin.pk])).content.decode()
    assert "no set ranges" in part(html, 'id="meaning"', "</p>")
    card = part(html, 'class="card score-card"', "</div>")
    assert "This is not a diagnosis" in card


def test_delete_is_under_more_never_beside_the_main_action_and_asks_first(owner, owner_client):
    checkin = taken(owner, "connection", [1, 1, 2], datetime(2026, 3, 2, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:result", args=[checkin.pk])).content.decode()
    delete = reverse("checkins:delete", args=[checkin.pk])
    assert html.count(delete) == 1
    more = part(html, '<details class="more result-more">', "</details>")
    assert "<summary>More</summary>" in more and delete in more
    assert 'class="button destructive small"' in more
    actions = part(html[html.index('id="result-title"') :], '<div class="actions">', "</div>")
    assert reverse("checkins:history", args=["connection"]) in actions and delete not in actions
    # Following it asks first; nothing is gone until the answer.
    assert "Delete this check-in?" in owner_client.get(delete).content.decode()
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_the_safety_rule_still_comes_first_on_a_result(owner, owner_client):
    inst = get_instrument("hard-days")
    answers = {item.id: 0 for item in inst.items}
    answers[inst.safety_rules[0].item] = 1
    checkin = save_checkin(owner, inst, answers)
    html = owner_client.get(reverse("checkins:result", args=[checkin.pk])).content.decode()
    main = html[html.index("<main") :]
    assert main.index(inst.safety_rules[0].message.split()[0]) < main.index('id="meaning"')
    assert main.index('href="tel:') < main.index('id="meaning"')
    fewer = next(b for b in inst.bands if b.label == checkin.band_label)
    assert fewer.meaning not in html  # no reassurance next to crisis help


def test_the_meaning_column_is_there_only_when_a_row_has_a_meaning(owner, owner_client):
    for day in (2, 9):
        taken(owner, "stress", [2, 2, 2, 2], datetime(2026, 3, day, 12, tzinfo=UTC))
        last = taken(owner, "connection", [1, 1, 2], datetime(2026, 3, day, 12, tzinfo=UTC))
    stress = owner_client.get(reverse("checkins:history", args=["stress"])).content.decode()
    assert ">Meaning<" not in stress
    assert stress.count("<td") == 4  # two rows of a date and a score, no empty cells
    lonely = owner_client.get(reverse("checkins:history", args=["connection"])).content.decode()
    assert '<th scope="col">Meaning</th>' in lonely and "<td>Not often lonely</td>" in lonely
    result = owner_client.get(reverse("checkins:result", args=[last.pk])).content.decode()
    assert '<th scope="col">Meaning</th>' in result
    stress_result = CheckIn.objects.filter(instrument_id="stress").first()
    html = owner_client.get(reverse("checkins:result", args=[stress_result.pk])).content.decode()
    assert ">Meaning<" not in html


def test_the_history_table_aligns_its_numbers(owner, owner_client):
    taken(owner, "connection", [1, 1, 2], datetime(2026, 3, 2, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:history", args=["connection"])).content.decode()
    assert '<th scope="col" class="num">Score</th>' in html and '<td class="num">4</td>' in html


def at_time(monkeypatch, when: datetime) -> None:
    """The pages' clock set to `when` (the chart's range ends now)."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: when)


def test_the_history_chart_has_dates_on_its_axis_and_names_its_bands(
    owner, owner_client, monkeypatch
):
    for day, values in ((2, [1, 1, 2]), (9, [3, 3, 3]), (16, [2, 2, 2])):
        taken(owner, "connection", values, datetime(2026, 3, day, 12, tzinfo=UTC))
    at_time(monkeypatch, datetime(2026, 3, 20, 12, tzinfo=UTC))
    html = owner_client.get(reverse("checkins:history", args=["connection"])).content.decode()
    chart = part(html, '<svg class="time-chart"', "</svg>")
    # Three months back from 20 March: where each month begins, the year on January.
    dates = re.findall(r'<text class="date"[^>]*>([^<]*)</text>', chart)
    assert dates == ["Jan 2026", "Feb", "Mar"]
    names = re.findall(r'<text class="band-name"[^>]*>([^<]*)</text>', chart)
    assert names == ["Not often lonely", "Often lonely"]
    assert "3 results from 2 Mar 2026, oldest on the left" in chart
    table = part(html, '<details class="chart-table">', "</details>")
    assert "<td>2 Mar 2026</td>" in table and "<td>16 Mar 2026</td>" in table


def test_a_chart_over_years_writes_the_years(owner, owner_client, monkeypatch):
    taken(owner, "connection", [1, 1, 2], datetime(2022, 12, 29, 12, tzinfo=UTC))
    taken(owner, "connection", [3, 3, 3], datetime(2026, 1, 5, 12, tzinfo=UTC))
    at_time(monkeypatch, datetime(2026, 3, 20, 12, tzinfo=UTC))
    url = reverse("checkins:history", args=["connection"])
    html = owner_client.get(url + "?range=all").content.decode()
    dates = re.findall(r'<text class="date"[^>]*>([^<]*)</text>', html)
    assert dates == ["2023", "2024", "2025", "2026"]


def test_an_empty_history_says_what_to_do(owner_client):
    html = owner_client.get(reverse("checkins:history", args=["stress"])).content.decode()
    assert 'class="empty-state"' in html and "No results yet" in html
    assert reverse("checkins:take", args=["stress"]) in html and "<table" not in html
