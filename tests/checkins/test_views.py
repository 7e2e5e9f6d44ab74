"""Doing, viewing, deleting check-ins on the web; drafts; how often; the safety path."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn, CheckInDraft
from tending.checkins.queries import due_checkins
from tending.checkins.registry import get_instrument
from tending.checkins.services import rescore, save_checkin

pytestmark = pytest.mark.django_db

WELLBEING = "weekly-wellbeing"


def answers_for(instrument_id, values):
    inst = get_instrument(instrument_id)
    return {f"q-{item.id}": str(v) for item, v in zip(inst.items, values, strict=False)}


def test_the_list_offers_every_builtin(owner_client):
    html = owner_client.get(reverse("checkins:index")).content.decode()
    for instrument_id in ("daily-pulse", WELLBEING, "stress", "connection", "hard-days"):
        assert reverse("checkins:take", args=[instrument_id]) in html


def test_doing_a_check_in_stores_answers_and_scores(owner, owner_client):
    response = owner_client.post(
        reverse("checkins:take", args=[WELLBEING]), answers_for(WELLBEING, [3, 4, 2, 5, 1])
    )
    checkin = CheckIn.objects.get()
    assert response["Location"] == reverse("checkins:result", args=[checkin.pk])
    assert (checkin.owner, checkin.instrument_id, checkin.instrument_version) == (
        owner,
        WELLBEING,
        get_instrument(WELLBEING).version,
    )
    assert checkin.total == 60
    assert sorted(v for v in checkin.answers.values()) == [1, 2, 3, 4, 5]
    page = owner_client.get(response["Location"]).content.decode()
    assert ">60<" in page and "not a diagnosis" in page
    assert "This is your first one" in page


def test_result_shows_change_and_marks_it_meaningful_only_when_it_is(owner, owner_client):
    inst = get_instrument(WELLBEING)
    with time_machine.travel(timezone.now() - timedelta(days=14)):
        save_checkin(
            owner, inst, dict(zip([i.id for i in inst.items], [2, 2, 2, 2, 2], strict=True))
        )
    small = save_checkin(
        owner, inst, dict(zip([i.id for i in inst.items], [2, 2, 2, 2, 3], strict=True))
    )
    page = owner_client.get(reverse("checkins:result", args=[small.pk])).content.decode()
    assert "+4" in page and "a meaningful change" not in page
    big = save_checkin(
        owner, inst, dict(zip([i.id for i in inst.items], [4, 4, 4, 4, 4], strict=True))
    )
    page = owner_client.get(reverse("checkins:result", args=[big.pk])).content.decode()
    assert "+36" in page and "a meaningful change" in page
    assert '<polyline class="trend"' in page


def test_missing_answers_are_asked_for_at_the_question(owner_client):
    data = answers_for(WELLBEING, [3, 4, 2])
    response = owner_client.post(reverse("checkins:take", args=[WELLBEING]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please answer this one." in html
    assert not CheckIn.objects.exists()


def test_a_value_outside_the_scale_is_refused(owner_client):
    data = answers_for(WELLBEING, [3, 4, 2, 5, 9])
    response = owner_client.post(reverse("checkins:take", args=[WELLBEING]), data)
    assert "Please pick one of the answers." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_leave_and_resume(owner, owner_client):
    url = reverse("checkins:take", args=[WELLBEING])
    owner_client.post(url, {**answers_for(WELLBEING, [3, 4]), "later": "1"})
    draft = CheckInDraft.objects.get(owner=owner)
    first, second = (item.id for item in get_instrument(WELLBEING).items[:2])
    assert (draft.answers[first], draft.answers[second]) == (3, 4)
    form = owner_client.get(url).context["form"]
    first = get_instrument(WELLBEING).items[0].id
    assert form[f"q-{first}"].value() == 3
    assert "Continue" in owner_client.get(reverse("checkins:index")).content.decode()
    owner_client.post(url, answers_for(WELLBEING, [3, 4, 2, 5, 1]))
    assert not CheckInDraft.objects.exists()


def test_autosave_keeps_answers_as_they_are_ticked(owner, owner_client):
    response = owner_client.post(
        reverse("checkins:autosave", args=[WELLBEING]), answers_for(WELLBEING, [5, 9])
    )
    assert response.status_code == 204
    answers = CheckInDraft.objects.get(owner=owner).answers
    first, second = (item.id for item in get_instrument(WELLBEING).items[:2])
    assert (answers[first], answers[second]) == (5, None)  # 9 is not an answer on this scale


def test_unknown_check_is_404(owner_client):
    assert owner_client.get(reverse("checkins:take", args=["nothing-like-this"])).status_code == 404


def test_history_and_delete(owner, owner_client):
    inst = get_instrument("connection")
    ids = [i.id for i in inst.items]
    first = save_checkin(owner, inst, dict(zip(ids, [1, 1, 2], strict=True)))
    save_checkin(owner, inst, dict(zip(ids, [3, 3, 3], strict=True)))
    html = owner_client.get(reverse("checkins:history", args=["connection"])).content.decode()
    assert html.count(reverse("checkins:result", args=[first.pk])) == 1
    assert '<table class="results-table">' in html
    url = reverse("checkins:delete", args=[first.pk])
    assert "cannot be changed, only deleted" in owner_client.get(url).content.decode()
    owner_client.post(url)
    assert list(CheckIn.objects.values_list("total", flat=True)) == [9]


def test_a_firing_safety_rule_leads_with_crisis_help(owner, owner_client):
    inst = get_instrument("hard-days")
    data = {f"q-{item.id}": "0" for item in inst.items}
    unsafe = next(rule.item for rule in inst.safety_rules)
    data[f"q-{unsafe}"] = "1"
    response = owner_client.post(reverse("checkins:take", args=["hard-days"]), data, follow=True)
    html = response.content.decode()
    main = html[html.index("<main") :]
    checkin = CheckIn.objects.get()
    assert checkin.safety_fired
    assert main.index("Nobody watches these answers") < main.index("your result")
    assert 'href="tel:' in html
    data[f"q-{unsafe}"] = "0"
    html = owner_client.post(reverse("checkins:take", args=["hard-days"]), data, follow=True)
    assert "Nobody watches these answers" not in html.content.decode()


def test_how_often_and_switching_off(owner, owner_client):
    url = reverse("checkins:settings")
    form = owner_client.get(url).context["form"]
    assert "off" in [c[0] for c in form.fields["hard-days"].choices]
    assert "off" not in [c[0] for c in form.fields[WELLBEING].choices]
    data = {inst_id: field.initial for inst_id, field in form.fields.items()}
    data["hard-days"] = "off"
    owner_client.post(url, data)
    html = owner_client.get(reverse("checkins:index")).content.decode()
    assert reverse("checkins:take", args=["hard-days"]) not in html
    assert "Switched off" in html
    assert "hard-days" not in [i.id for i in due_checkins(owner)]


def test_due_follows_the_frequency(owner):
    due = {i.id for i in due_checkins(owner)}
    assert {"daily-pulse", WELLBEING} <= due
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    assert "daily-pulse" not in {i.id for i in due_checkins(owner)}
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert "daily-pulse" in {i.id for i in due_checkins(owner, tomorrow)}


def test_scores_can_be_recomputed_from_answers(owner):
    inst = get_instrument(WELLBEING)
    checkin = save_checkin(owner, inst, {i.id: 5 for i in inst.items})
    CheckIn.objects.filter(pk=checkin.pk).update(total=0, band_label="")
    checkin.refresh_from_db()
    assert rescore(checkin, inst).total == 100
    checkin.refresh_from_db()
    assert checkin.total == 100 and checkin.band_label


def test_crisis_help_shows_even_when_other_answers_are_missing(owner_client):
    inst = get_instrument("hard-days")
    unsafe = next(rule.item for rule in inst.safety_rules)
    response = owner_client.post(reverse("checkins:take", args=["hard-days"]), {f"q-{unsafe}": "2"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please answer this one." in html
    assert "Nobody watches these answers" in html and 'href="tel:' in html
    assert not CheckIn.objects.exists()


def test_today_offers_due_checks_until_they_are_done(owner, owner_client):
    html = owner_client.get(reverse("today:today")).content.decode()
    assert reverse("checkins:take", args=["daily-pulse"]) in html
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    html = owner_client.get(reverse("today:today")).content.decode()
    assert reverse("checkins:take", args=["daily-pulse"]) not in html


def test_finishing_later_after_a_risky_answer_still_shows_crisis_help(owner, owner_client):
    inst = get_instrument("hard-days")
    unsafe = next(rule.item for rule in inst.safety_rules)
    url = reverse("checkins:take", args=["hard-days"])
    response = owner_client.post(url, {f"q-{unsafe}": "2", "later": "1"})
    assert response.status_code == 200
    assert "Nobody watches these answers" in response.content.decode()
    assert CheckInDraft.objects.get(owner=owner).answers[unsafe] == 2
    # Coming back to it shows the help again, before anything else.
    html = owner_client.get(url).content.decode()
    main = html[html.index("<main") :]
    assert main.index("Nobody watches these answers") < main.index("1 of 3")


def test_a_wrong_answer_elsewhere_does_not_hide_crisis_help(owner_client):
    inst = get_instrument("hard-days")
    unsafe = next(rule.item for rule in inst.safety_rules)
    scored = inst.scored_items[0].id
    data = {f"q-{unsafe}": "3", f"q-{scored}": "9"}
    response = owner_client.post(reverse("checkins:take", args=["hard-days"]), data)
    html = response.content.decode()
    assert "Please pick one of the answers." in html
    assert "Nobody watches these answers" in html
    assert inst.safety_rules[0].message.split()[0] in html  # the rule's own words


def test_odd_answer_values_do_not_break_the_page(owner_client):
    for value in ("²", "9" * 5000, "-1", "ünï"):
        data = {f"q-{get_instrument(WELLBEING).items[0].id}": value}
        url = reverse("checkins:autosave", args=[WELLBEING])
        assert owner_client.post(url, data).status_code == 204
        later = {**data, "later": "1"}
        assert (
            owner_client.post(reverse("checkins:take", args=[WELLBEING]), later).status_code == 302
        )


def test_another_account_sees_none_of_the_owners_check_ins(owner, other_client):
    inst = get_instrument(WELLBEING)
    mine = save_checkin(
        owner, inst, dict(zip([i.id for i in inst.items], [1, 1, 1, 1, 0], strict=True))
    )
    assert mine.total == 16
    for url in (
        reverse("checkins:index"),
        reverse("checkins:history", args=[WELLBEING]),
        reverse("checkins:take", args=[WELLBEING]),
    ):
        html = other_client.get(url).content.decode()
        assert ">16<" not in html and "Last time" not in html, url
        assert reverse("checkins:result", args=[mine.pk]) not in html, url
    assert other_client.get(reverse("checkins:result", args=[mine.pk])).status_code == 404


def test_the_pulse_shows_each_question_on_its_own(owner, owner_client):
    pulse = get_instrument("daily-pulse")
    checkin = save_checkin(owner, pulse, {"mood": 4, "energy": 2, "stress": 5, "connected": 3})
    html = owner_client.get(reverse("checkins:result", args=[checkin.pk])).content.decode()
    for subscale in pulse.subscales:
        assert subscale.title in html
    history_html = owner_client.get(
        reverse("checkins:history", args=["daily-pulse"])
    ).content.decode()
    assert '<th scope="col" class="num">Mood</th>' in history_html


def test_a_long_history_comes_in_pages_newest_first(owner, owner_client):
    from datetime import timedelta

    from django.utils import timezone

    from tending.checkins.models import CheckIn

    pulse = get_instrument("daily-pulse")
    start = timezone.now() - timedelta(days=120)
    made = []
    for day in range(120):
        checkin = save_checkin(owner, pulse, {"mood": 1 + day % 5, "energy": 3, "stress": 2})
        checkin.taken_at = start + timedelta(days=day)
        checkin.save()
        made.append(checkin)
    url = reverse("checkins:history", args=["daily-pulse"])
    first = owner_client.get(url)
    assert [c["pk"] for c in first.context["entries"]] == [c.pk for c in reversed(made)][:50]
    html = first.content.decode()
    assert "Page 1 of 3 (120 in all)" in html and "?page=2" in html and "Newer" not in html
    last = owner_client.get(url, {"page": 3})
    assert [c["pk"] for c in last.context["entries"]] == [c.pk for c in made[:20]][::-1]
    assert "Older" not in last.content.decode()
    # A page that does not exist shows the last one rather than an error.
    assert owner_client.get(url, {"page": "99"}).context["page"].number == 3
    assert CheckIn.objects.filter(owner=owner).count() == 120


def test_times_are_shown_in_the_persons_own_zone(other, other_client):
    """`other` lives in New York: 02:30 UTC on 2 March is still the evening of 1 March there."""
    pulse = get_instrument("daily-pulse")
    when = datetime(2026, 3, 2, 2, 30, tzinfo=UTC)
    first = save_checkin(other, pulse, {"mood": 3, "energy": 3, "stress": 2})
    second = save_checkin(other, pulse, {"mood": 4, "energy": 3, "stress": 2})
    CheckIn.objects.filter(pk=first.pk).update(taken_at=when - timedelta(days=1))
    CheckIn.objects.filter(pk=second.pk).update(taken_at=when)
    history = other_client.get(reverse("checkins:history", args=["daily-pulse"])).content
    assert "1 Mar 2026, 21:30" in history.decode() and "28 Feb 2026, 21:30" in history.decode()
    result = other_client.get(reverse("checkins:result", args=[second.pk])).content.decode()
    assert "Sunday 1 March 2026, 21:30" in result and "Since last time (28 Feb," in result
    assert "1 Mar 2026</a>" in result  # the recent results' table
    listing = other_client.get(reverse("checkins:index")).content.decode()
    assert "Last time 1 Mar 2026" in listing
    delete = other_client.get(reverse("checkins:delete", args=[second.pk])).content.decode()
    assert "1 March 2026, 21:30" in delete


def test_past_the_cap_the_history_says_more_than_and_pages_on(owner, owner_client, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr("tending.checkins.views.HISTORY_COUNT_CAP", 60)
    pulse = get_instrument("daily-pulse")
    start = timezone.now() - timedelta(days=120)
    for day in range(120):
        checkin = save_checkin(owner, pulse, {"mood": 1 + day % 5, "energy": 3, "stress": 2})
        checkin.taken_at = start + timedelta(days=day)
        checkin.save()
    url = reverse("checkins:history", args=["daily-pulse"])
    first = owner_client.get(url)
    html = first.content.decode()
    assert "Page 1 (more than 60 in all)" in html and " of 3" not in html
    assert first.context["page"].count is None and ">Older</a>" in html
    third = owner_client.get(url, {"page": 3})
    assert len(third.context["entries"]) == 20 and ">Older</a>" not in third.content.decode()
    # Past the end of more than the cap, the last page, counted only then.
    assert owner_client.get(url, {"page": "99"}).context["page"].number == 3
    assert owner_client.get(url, {"page": "x"}).context["page"].number == 1
    monkeypatch.setattr("tending.checkins.views.HISTORY_COUNT_CAP", 120)
    assert "Page 1 of 3 (120 in all)" in owner_client.get(url).content.decode()


def test_history_shows_only_the_owners_results_counted_and_paged(owner, owner_client, other):
    pulse = get_instrument("daily-pulse")
    for _ in range(3):
        save_checkin(other, pulse, {"mood": 1, "energy": 1, "stress": 1})
    mine = save_checkin(owner, pulse, {"mood": 5, "energy": 4, "stress": 2})
    answer = owner_client.get(reverse("checkins:history", args=["daily-pulse"]))
    assert [c["pk"] for c in answer.context["entries"]] == [mine.pk]
    assert answer.context["page"].count == 1
    assert answer.context["entries"][0]["taken_at"].tzinfo is not None


def test_a_tick_that_arrives_after_the_check_in_was_saved_makes_no_draft(owner, owner_client):
    """Each tick is saved as it is made; the last tick's save may reach the server after
    "See my result". The check-in holds those answers already, so no draft comes back."""
    take = reverse("checkins:take", args=[WELLBEING])
    opened = re.search(r'name="opened" value="([^"]+)"', owner_client.get(take).content.decode())
    tick = answers_for(WELLBEING, [3, 4, 2, 5, 1]) | {"opened": opened.group(1)}
    owner_client.post(take, answers_for(WELLBEING, [3, 4, 2, 5, 1]))
    autosave = reverse("checkins:autosave", args=[WELLBEING])
    assert owner_client.post(autosave, tick).status_code == 204
    assert not CheckInDraft.objects.exists()
    assert "Continue" not in owner_client.get(reverse("checkins:index")).content.decode()
    # A page shown after that check-in keeps its ticks, and so does one that does not say.
    later = re.search(r'name="opened" value="([^"]+)"', owner_client.get(take).content.decode())
    owner_client.post(autosave, answers_for(WELLBEING, [2]) | {"opened": later.group(1)})
    assert CheckInDraft.objects.get(owner=owner).answers[get_instrument(WELLBEING).items[0].id] == 2
    CheckInDraft.objects.all().delete()
    # Other answers from a page shown before that check-in (another tab) are kept as ever.
    other = answers_for(WELLBEING, [1, 1]) | {"opened": opened.group(1)}
    assert owner_client.post(autosave, other).status_code == 204
    assert CheckInDraft.objects.get(owner=owner).answers[get_instrument(WELLBEING).items[0].id] == 1
    CheckInDraft.objects.all().delete()
    unclear_ones = (
        "", "yesterday", "2026-13-45T25:00:00+00:00", "2026-12-04T10:00:00",
        "0001-01-01T00:00:00+01:00",  # before UTC's first day: no time at all
    )  # fmt: skip
    for unclear in unclear_ones:
        owner_client.post(autosave, answers_for(WELLBEING, [4]) | {"opened": unclear})
        assert CheckInDraft.objects.filter(owner=owner).exists(), unclear
        CheckInDraft.objects.all().delete()
