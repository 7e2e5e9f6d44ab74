"""chart_data.kept: what a page works out, kept in the process until its stamp moves."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from tending.insights import chart_data


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    monkeypatch.setattr(chart_data, "_kept", type(chart_data._kept)())


def account(pk=1, joined=datetime(2026, 1, 1, tzinfo=UTC)):
    return SimpleNamespace(pk=pk, date_joined=joined)


def counted(value):
    calls = []

    def work():
        calls.append(1)
        return value

    return work, calls


def test_worked_out_once_while_the_stamp_stays():
    work, calls = counted({"drawn": 1})
    first = chart_data.kept(account(), "part", ("stamp", 1), work)
    again = chart_data.kept(account(), "part", ("stamp", 1), work)
    assert first is again and len(calls) == 1
    chart_data.kept(account(), "part", ("stamp", 2), work)
    assert len(calls) == 2


def test_never_shared_between_accounts_parts_or_a_new_account_with_an_old_id():
    work, calls = counted("x")
    chart_data.kept(account(1), "part", "s", work)
    chart_data.kept(account(2), "part", "s", work)
    chart_data.kept(account(1), "other part", "s", work)
    chart_data.kept(account(1, datetime(2026, 2, 1, tzinfo=UTC)), "part", "s", work)
    assert len(calls) == 4


def test_no_stamp_means_worked_out_every_time():
    work, calls = counted(None)
    for _ in range(3):
        assert chart_data.kept(account(), "part", None, work) is None
    assert len(calls) == 3


def test_nothing_to_show_is_kept_like_anything_else():
    work, calls = counted(None)
    for _ in range(3):
        assert chart_data.kept(account(), "part", "s", work) is None
    assert len(calls) == 1


def test_a_stamp_holding_a_list_is_kept_by_its_text():
    work, calls = counted("y")
    chart_data.kept(account(), "part", ("a", [1, 2]), work)
    chart_data.kept(account(), "part", ("a", [1, 2]), work)
    chart_data.kept(account(), "part", ("a", [1, 3]), work)
    assert len(calls) == 2


def test_only_so_many_kept_the_least_lately_read_going_first(monkeypatch):
    monkeypatch.setattr(chart_data, "KEPT_HERE", 3)
    work, calls = counted("z")
    for stamp in ("a", "b", "c"):
        chart_data.kept(account(), "part", stamp, work)
    chart_data.kept(account(), "part", "a", work)  # read again: now the latest read
    chart_data.kept(account(), "part", "d", work)  # "b" goes
    assert len(chart_data._kept) == 3 and len(calls) == 4
    chart_data.kept(account(), "part", "a", work)
    assert len(calls) == 4
    chart_data.kept(account(), "part", "b", work)
    assert len(calls) == 5
