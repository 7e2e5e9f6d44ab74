"""A time given to raw SQL on SQLite compares as Django stores it: in UTC, whatever its zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.core.sqlite_times import adapted

BERLIN = ZoneInfo("Europe/Berlin")


def test_an_aware_time_is_written_in_utc_without_its_zone_and_a_naive_one_as_before():
    assert adapted(datetime(2027, 1, 1, 0, 0, tzinfo=BERLIN)) == "2026-12-31 23:00:00"
    assert (
        adapted(datetime(2026, 7, 1, 2, 30, 0, 500, tzinfo=BERLIN)) == "2026-07-01 00:30:00.000500"
    )
    assert adapted(datetime(2026, 7, 1, 2, 30, tzinfo=UTC)) == "2026-07-01 02:30:00"
    assert adapted(datetime(2026, 7, 1, 2, 30)) == "2026-07-01 02:30:00"


@pytest.mark.sqlite_only
@pytest.mark.django_db
def test_raw_sql_finds_a_row_by_local_midnight(owner):
    pulse = get_instrument("daily-pulse")
    done = save_checkin(owner, pulse, {item.id: 3 for item in pulse.items})
    # 00:30 on New Year's Day in Berlin, 23:30 the evening before in UTC.
    CheckIn.objects.filter(pk=done.pk).update(taken_at=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    midnight = datetime(2027, 1, 1, tzinfo=BERLIN)
    with connection.cursor() as cursor:
        cursor.execute('SELECT COUNT(*) FROM "checkins_checkin" WHERE "taken_at" >= %s', [midnight])
        assert cursor.fetchone()[0] == 1
        cursor.execute('SELECT COUNT(*) FROM "checkins_checkin" WHERE "taken_at" < %s', [midnight])
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_a_pulse_just_after_midnight_on_new_years_day_is_in_the_new_year(owner, owner_client):
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), tick=True):
        owner_client.force_login(owner)  # Europe/Berlin: already 00:30 on 1 January 2027
        pulse = get_instrument("daily-pulse")
        save_checkin(owner, pulse, {item.id: 3 for item in pulse.items})
        html = owner_client.get("/insights/pulse/").content.decode()
    assert "Your year in pixels, 2027" in html
    assert "No daily pulse in 2027" not in html and "1 day answered in 2027" in html
