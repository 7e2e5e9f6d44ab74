"""Times in the hour the clocks repeat or skip: resolved one way on the web and at the terminal."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tending.cli import main
from tending.core.dates import resolve_local_time
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory
from tests.moments.test_views import full

BERLIN = ZoneInfo("Europe/Berlin")
# 2026: clocks go forward at 02:00 on 29 March and back at 03:00 on 25 October in Berlin.
SKIPPED = datetime(2026, 3, 29, 2, 30)
REPEATED = datetime(2026, 10, 25, 2, 30)
FIRST_UTC = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
SECOND_UTC = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 winter time


def test_item_12_one_rule_for_times_that_came_twice_or_never():
    repeated = resolve_local_time(REPEATED, BERLIN)
    assert repeated.when == FIRST_UTC and "came twice" in repeated.note
    kept = resolve_local_time(REPEATED, BERLIN, keep=SECOND_UTC)
    assert kept.when == SECOND_UTC and kept.note == ""
    other = resolve_local_time(datetime(2026, 10, 25, 2, 45), BERLIN, keep=SECOND_UTC)
    assert other.when == datetime(2026, 10, 25, 0, 45, tzinfo=UTC)  # changed: the first
    skipped = resolve_local_time(SKIPPED, BERLIN)
    assert skipped.when == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 summer time
    assert "there was no 02:30" in skipped.note and "saved 03:30" in skipped.note
    plain = resolve_local_time(datetime(2026, 7, 1, 2, 30), BERLIN)
    assert plain.when == datetime(2026, 7, 1, 0, 30, tzinfo=UTC) and plain.note == ""


@pytest.mark.django_db
def test_item_12_a_moment_in_the_repeated_hour_can_be_saved_unchanged(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    moment = MomentFactory(owner=owner, people=[sam], occurred_at=SECOND_UTC)
    url = reverse("moments:edit", args=[moment.pk])
    assert 'value="2026-10-25T02:30"' in owner_client.get(url).content.decode()
    response = owner_client.post(url, full([sam], occurred_at="2026-10-25T02:30"))
    assert response.status_code == 302, response.content.decode()
    moment.refresh_from_db()
    assert moment.occurred_at == SECOND_UTC  # the stored instant, not moved by an hour


@pytest.mark.django_db
def test_item_12_web_resolves_repeated_and_skipped_times_and_says_so(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    response = owner_client.post(
        reverse("moments:add"), full([sam], occurred_at="2026-10-25T02:30"), follow=True
    )
    assert "may be ambiguous" not in response.content.decode()
    assert Moment.objects.get().occurred_at == FIRST_UTC
    assert "came twice" in response.content.decode()
    Moment.objects.all().delete()
    response = owner_client.post(
        reverse("moments:add"), full([sam], occurred_at="2026-03-29T02:30"), follow=True
    )
    assert Moment.objects.get().occurred_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert "there was no 02:30" in response.content.decode()


@pytest.mark.django_db
def test_item_12_terminal_resolves_the_same_way(owner, capsys):
    PersonFactory(owner=owner, name="Alex Chen")
    assert main(["log", "Alex", "--when", "2026-10-25 02:30"]) == 0
    assert "came twice" in capsys.readouterr().out
    assert main(["log", "Alex", "--when", "2026-03-29 02:30"]) == 0
    out = capsys.readouterr().out
    assert "2026-03-29 03:30" in out and "there was no 02:30" in out
    assert sorted(Moment.objects.values_list("occurred_at", flat=True)) == [
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        FIRST_UTC,
    ]
