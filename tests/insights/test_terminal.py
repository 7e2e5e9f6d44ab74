"""`tending insights` at the terminal: sentences, --json, --days, and bad arguments."""

from __future__ import annotations

import json

import pytest

from tending.cli import main
from tending.insights import analysis
from tending.insights.diary import EARLY_SIGN
from tending.insights.models import InsightsResult
from tests.factories import UserFactory
from tests.insights.test_findings_cache import finding
from tests.insights.test_page import pulses

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(monkeypatch):
    """The engine finds a firm finding and an early sign; each diary it saw is kept."""
    seen = []
    results = [finding(), finding("moments-with-7", EARLY_SIGN, person="Sam", sentence="S.")]

    def find(diary):
        seen.append(diary)
        return list(results)

    monkeypatch.setattr(analysis, "find_patterns", find)
    return seen


def test_prints_each_finding_as_a_sentence(owner, found, capsys):
    pulses(owner, 20)
    assert main(["insights"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "- On days with a moment where you felt understood, your mood was higher.",
        "- Early sign: S.",
        "These are patterns in your own days, not causes, and not a diagnosis.",
    ]
    assert InsightsResult.objects.filter(owner=owner).exists()  # kept, as on the page


def test_json_gives_one_object_per_finding_with_every_field(owner, found, capsys):
    pulses(owner, 20)
    assert main(["insights", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed[0] == finding().as_json()
    assert list(printed[0]) == [
        "exposure",
        "outcome",
        "lag_days",
        "person",
        "effect",
        "interval",
        "n_days",
        "n_effective",
        "q",
        "status",
        "sentence",
    ]
    assert printed[0]["interval"] == [0.2, 0.6] and printed[0]["person"] is None
    assert printed[1]["status"] == "early sign" and printed[1]["person"] == "Sam"


def test_days_looks_at_a_fresh_window_and_keeps_nothing(owner, found, capsys):
    pulses(owner, 40)
    assert main(["insights", "--days", "10", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert [d.days for d in found] == [10]
    assert not InsightsResult.objects.exists()


def test_with_nothing_found_it_says_why(owner, monkeypatch, capsys):
    monkeypatch.setattr(analysis, "find_patterns", lambda diary: [])
    pulses(owner, 5)
    assert main(["insights"]) == 0
    out = capsys.readouterr().out
    assert "9 more days of the daily pulse" in out
    assert main(["insights", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    pulses(owner, 30)
    assert main(["insights", "--days", "100"]) == 0
    assert "no pattern is clear enough" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("0", "0 is outside 1 to 36500 days"),
        ("-3", "-3 is outside 1 to 36500 days"),
        ("ten", "'ten' is not a whole number of days"),
        ("99999", "99999 is outside 1 to 36500 days"),
    ],
)
def test_a_bad_number_of_days_is_refused_clearly(given, said, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["insights", "--days", given])
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err


def test_user_is_needed_only_with_several_accounts(owner, found, capsys):
    UserFactory(username="second")
    assert main(["insights"]) == 1
    assert "say whose with --user NAME" in capsys.readouterr().err
    assert main(["insights", "--user", "owner"]) == 0
    assert main(["insights", "--user", "nobody"]) == 1
    assert "There is no account called 'nobody'" in capsys.readouterr().err


def test_the_help_lists_the_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "insights" in capsys.readouterr().out


def test_insights_help_sets_up_no_django_and_touches_no_data(tmp_path):
    from tests.test_cli_startup import run_tending

    data = tmp_path / "never-made"
    result = run_tending(data, "insights", "--help", python_flags=("-X", "importtime"))
    assert result.returncode == 0 and "--days N" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "django" not in imported and "numpy" not in imported
    assert not any(name.startswith(("django.", "numpy.")) for name in imported)
    assert not data.exists()
