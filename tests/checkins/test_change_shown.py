"""A change since last time is the difference of the scores shown, said the same way everywhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.scoring import change_since, shown_score
from tending.checkins.terminal import print_result

PULSE = "daily-pulse"  # a mean of 1-5 answers, higher is better: totals with decimals


def test_item_16_change_is_the_difference_of_the_rounded_scores():
    inst = get_instrument(PULSE)
    assert (shown_score(3.54), shown_score(2.76), shown_score(3.45)) == (3.5, 2.8, 3.5)
    change = change_since(inst, 2.76, 3.54)
    assert change.delta == -0.7  # 2.8 - 3.5, not the -0.78 → -0.8 of the raw totals
    assert change.words == "harder"
    assert change_since(inst, 3.54, 2.76).words == "better"
    assert change_since(inst, 3.46, 3.54).words == "no change"  # both shown as 3.5


def _two_checkins(owner):
    previous = CheckIn.objects.create(
        owner=owner,
        instrument_id=PULSE,
        instrument_version=get_instrument(PULSE).version,
        answers={},
        total=3.54,
        taken_at=timezone.now() - timedelta(days=2),
    )
    current = CheckIn.objects.create(
        owner=owner,
        instrument_id=PULSE,
        instrument_version=get_instrument(PULSE).version,
        answers={},
        total=2.76,
    )
    return previous, current


@pytest.mark.django_db
def test_item_16_web_and_terminal_show_the_same_change_in_the_same_word(
    owner, owner_client, capsys
):
    previous, current = _two_checkins(owner)
    page = owner_client.get(reverse("checkins:result", args=[current.pk])).content.decode()
    change = page[page.index('id="change"') :].split("</p>")[0]
    assert "3.5" in change and "-0.7, harder" in change and "-0.8" not in change
    print_result(get_instrument(PULSE), current, previous, change_since)
    out = capsys.readouterr().out
    assert "2.8 (from" in out
    assert "Since last time: -0.7 (harder)." in out
    assert "worse" not in out
