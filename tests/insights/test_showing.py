"""The words beside each finding: its days, its size, and how many more days would help."""

from __future__ import annotations

import pytest

from tending.insights.diary import EARLY_SIGN, FINDING, Finding
from tending.insights.showing import (
    days_words,
    finding_items,
    shown,
    size_words,
    still_needed_words,
    too_few_words,
)


def finding(**more) -> Finding:
    values = {
        "exposure": "moment-any",
        "outcome": "pulse-mood",
        "lag_days": 0,
        "person": None,
        "effect": 0.4,
        "interval": (0.2, 0.6),
        "n_days": 60,
        "n_effective": 60.0,
        "q": 0.03,
        "status": FINDING,
        "sentence": "On days with a logged moment, your mood was higher.",
        **more,
    }
    return Finding(**values)


@pytest.mark.parametrize(
    ("interval", "outcome", "said", "top"),
    [
        ((0.2, 0.6), "pulse-mood", "likely between 0.2 and 0.6 points higher", 5),
        ((-0.64, -0.25), "pulse-stress", "likely between 0.2 and 0.6 points lower", 5),
        ((-0.1, 0.5), "felt_safe", "somewhere between 0.1 points lower and 0.5 points higher", 5),
        ((0.3, 1.0), "closeness_after", "likely between 0.3 and 1 point higher", 7),
        ((-1.04, -0.5), "felt_understood", "likely between 0.5 and 1 point lower", 5),
        ((0.0, 0.4), "pulse-energy", "somewhere between 0.0 points lower and 0.4 points higher", 5),
        ((-0.4, 0.0), "pulse-connected", "between 0.4 points lower and 0.0 points higher", 5),
        ((0.25, 0.5), "something-new", "likely between 0.2 and 0.5 points higher", None),
    ],
)
def test_the_size_is_the_interval_in_words(interval, outcome, said, top):
    words = size_words(finding(interval=interval, outcome=outcome))
    scale = f", on the scale from 1 to {top}" if top else ""
    assert words.startswith("The difference is ") and words.endswith(
        f"{said}{scale} (a 95% interval)."
    )


def test_every_outcome_has_its_scale():
    assert "from 1 to 7" in size_words(finding(outcome="closeness_after"))
    for outcome in ("pulse-mood", "pulse-energy", "pulse-stress", "pulse-connected"):
        assert "from 1 to 5" in size_words(finding(outcome=outcome))
    for outcome in ("felt_safe", "felt_understood"):
        assert "from 1 to 5" in size_words(finding(outcome=outcome))


def test_days_say_how_many_and_what_they_are_worth():
    assert days_words(finding(n_days=60, n_effective=60.0)) == "Seen over 60 days."
    assert days_words(finding(n_days=60, n_effective=59.6)) == "Seen over 60 days."
    assert days_words(finding(n_days=60, n_effective=41.4)) == (
        "Seen over 60 days, which count as about 41 on their own, since one day tends to be "
        "like the day before."
    )
    assert days_words(finding(n_days=1, n_effective=1.0)) == "Seen over 1 day."
    moments = finding(exposure="moments-with-7", n_days=23, n_effective=23.0)
    assert days_words(moments) == "Seen over 23 rated moments."
    one = finding(exposure="moments-with-7", n_days=1, n_effective=1.0)
    assert days_words(one) == "Seen over 1 rated moment."
    fewer = finding(exposure="moments-with-7", n_days=812, n_effective=640.2)
    assert days_words(fewer) == (
        "Seen over 812 rated moments, which count as about 640 on their own, since one "
        "moment tends to be like the moment before."
    )


def test_shown_keeps_the_sentence_and_marks_early_signs():
    firm, early = finding(), finding(status=EARLY_SIGN, sentence="Early.")
    rows = shown([firm, early])
    assert [(r.sentence, r.early) for r in rows] == [(firm.sentence, False), ("Early.", True)]
    assert rows[0].days == days_words(firm) and rows[0].size == size_words(firm)


def test_how_many_more_days():
    assert still_needed_words(1) == "1 more day"
    assert still_needed_words(0) == "0 more days"
    assert still_needed_words(13) == "13 more days"


def test_too_few_days_in_words():
    assert too_few_words(0, 14) == (
        "Patterns can show once 14 days have a daily pulse. 14 more days of the daily pulse "
        "would let the first ones show, if there are any."
    )
    assert too_few_words(1, 14).startswith(
        "Patterns can show once 14 days have a daily pulse (so far, 1 day has one). 13 more days"
    )
    assert "(so far, 13 days have one). 1 more day of" in too_few_words(13, 14)


def test_each_finding_is_one_list_item_escaped_as_a_template_would():
    rows = shown([finding(sentence="Days with <b>Sam & Alex</b>."), finding(status=EARLY_SIGN)])
    html = str(finding_items(rows))
    assert html.count('<li class="card finding">') == 2 and html.count("</li>") == 2
    assert "Days with &lt;b&gt;Sam &amp; Alex&lt;/b&gt;." in html and "<b>" not in html
    first, second = html.split("</li>")[:2]
    assert "Early sign" not in first and '<span class="pill early-pill">Early sign</span>' in second
    assert f'<p class="hint">{rows[0].days} {rows[0].size}</p>' in first
    assert finding_items([]) == ""


def test_a_results_findings_are_written_once_while_it_is_handed_out(monkeypatch):
    import gc

    from tending.insights import views
    from tending.insights.findings import Insights

    monkeypatch.setattr(views, "FIRST_SHOWN", 2)
    from tending.core.kept_with import KeptWith

    monkeypatch.setattr(views, "_written", KeptWith())
    written = []
    monkeypatch.setattr(views, "finding_items", lambda rows: written.append(rows) or len(rows))
    result = Insights(findings=[finding(sentence=f"Pattern {n}.") for n in range(5)])
    assert views.written_findings(result) == (2, 3, 3)
    assert views.written_findings(result) == (2, 3, 3)
    assert len(written) == 2  # the first two and the other three, once
    again = Insights(findings=[finding(sentence="Another.")])  # a new result: written anew
    assert views.written_findings(again) == (1, 0, 0)
    assert len(written) == 4
    del result
    gc.collect()
    third = Insights(findings=[])
    views.written_findings(third)  # the next one written lets go of any no longer handed out
    assert len(views._written) == 2  # again's and third's


def test_nothing_stands_out_says_how_many_days_were_looked_at():
    from tending.insights.showing import MEANING, nothing_stands_out_words

    said = nothing_stands_out_words(30)
    assert said.startswith("Across 30 days with a daily pulse, no pattern is clear enough")
    assert "look again in a few weeks" in said
    assert "not a diagnosis" in MEANING[0] and "<strong>Early sign</strong>" in MEANING[1]
