"""The insights page: findings first, honestly worded; too few days; nothing found."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tending.insights import analysis
from tending.insights.diary import EARLY_SIGN, FINDING, Finding
from tests.insights.test_findings_cache import finding, pulse

pytestmark = pytest.mark.django_db
PAGE = reverse("insights:index")
CAUSAL = re.compile(r"\b(makes? you|causes?|caused|because of|improves?|leads? to)\b", re.I)


def pulses(owner, days: int) -> None:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    for n in range(days):
        pulse(owner, start + dt.timedelta(days=n, hours=1))


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def engine_finds(monkeypatch, found: list[Finding]) -> None:
    monkeypatch.setattr(analysis, "find_patterns", lambda diary: list(found))


def test_findings_come_first_with_days_size_and_what_they_mean(owner, owner_client, monkeypatch):
    pulses(owner, 40)
    sam = finding(
        "moments-with-7",
        EARLY_SIGN,
        outcome="felt_safe",
        person="Sam",
        effect=0.8,
        interval=(0.3, 1.3),
        n_days=23,
        n_effective=23.0,
        sentence="After time with Sam you usually feel safe.",
    )
    engine_finds(monkeypatch, [sam, finding()])
    response = owner_client.get(PAGE)
    assert response.status_code == 200
    page = text(response)
    understood = page.index("On days with a moment where you felt understood, your mood")
    assert understood < page.index("After time with Sam you usually feel safe.")  # firm first
    assert page.count("Early sign") == 2  # Sam's label, and what it means
    assert "Seen over 60 days, which count as about 42 on their own" in page
    assert "likely between 0.2 and 0.6 points higher, on the scale from 1 to 5" in page
    assert "Seen over 23 rated moments." in page
    assert "0.3 and 1.3 points higher" in page
    assert (
        "not a diagnosis" in page
        and "cannot tell which came first or whether one brought on the other" in page
    )
    assert "Not enough days yet" not in page and "Nothing stands out" not in page
    assert not CAUSAL.search(page.replace("Early sign", ""))


def test_too_few_days_says_how_many_more_and_links_to_the_daily_pulse(
    owner, owner_client, monkeypatch
):
    pulses(owner, 9)
    engine_finds(monkeypatch, [])
    response = owner_client.get(PAGE)
    page = text(response)
    assert "Not enough days yet" in page
    assert "so far, 9 days have one" in page and "5 more days of the daily pulse" in page
    assert reverse("checkins:take", args=["daily-pulse"]) in response.content.decode()


def test_a_new_account_is_told_plainly_too(owner_client, monkeypatch):
    engine_finds(monkeypatch, [])
    page = text(owner_client.get(PAGE))
    assert "Patterns can show once 14 days have a daily pulse." in page
    assert "14 more days of the daily pulse" in page


def test_nothing_found_is_said_honestly(owner, owner_client, monkeypatch):
    pulses(owner, 30)
    engine_finds(monkeypatch, [])
    page = text(owner_client.get(PAGE))
    assert "Nothing stands out yet" in page
    assert "Across 30 days with a daily pulse, no pattern is clear enough" in page
    assert "Not enough days yet" not in page


def test_findings_with_few_pulse_days_still_show_and_say_more_may_come(
    owner, owner_client, monkeypatch
):
    pulses(owner, 3)  # per-moment patterns need no pulse at all
    engine_finds(monkeypatch, [finding(status=FINDING)])
    page = text(owner_client.get(PAGE))
    assert "your mood was higher" in page
    assert "More patterns may show with 11 more days of the daily pulse" in page


def test_the_page_reads_the_kept_result(owner, owner_client, monkeypatch):
    pulses(owner, 20)
    calls = []

    def counted(diary):
        calls.append(diary.days)
        return [finding()]

    monkeypatch.setattr(analysis, "find_patterns", counted)
    owner_client.get(PAGE)
    owner_client.get(PAGE)
    assert len(calls) == 1


def test_the_template_words_are_never_causal():
    from pathlib import Path

    from tending.insights import showing

    folder = Path(analysis.__file__).parent
    for path in [*(folder / "jinja2").rglob("*.html"), Path(showing.__file__)]:
        assert not CAUSAL.search(path.read_text(encoding="utf-8")), path


def test_past_a_dozen_the_rest_wait_behind_a_tap(owner, owner_client, monkeypatch):
    pulses(owner, 40)
    many = [finding(f"person-{n}", sentence=f"Pattern number {n}.") for n in range(15)]
    engine_finds(monkeypatch, many)
    html = owner_client.get(PAGE).content.decode()
    shown, hidden = html.split('<details class="more-findings"', 1)
    assert all(f"Pattern number {n}." in shown for n in range(12))
    assert "3 more, less sure or smaller than these" in hidden
    assert all(f"Pattern number {n}." in hidden for n in range(12, 15))
    engine_finds(monkeypatch, many[:12])
    owner.time_zone = "Asia/Tokyo"  # something changed: worked out again
    owner.save()
    assert "more-findings" not in owner_client.get(PAGE).content.decode()
