"""The weekly review page: the week's own rows only, its neighbours, and Today's link to it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.insights.weeks import week_just_gone, week_start
from tending.today.models import CalendarFeed
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def midday():
    """Noon in Berlin and UTC alike: near midnight the two name different days, and these
    tests mix the server's day with the account's."""
    with time_machine.travel(datetime(2026, 12, 2, 11, tzinfo=UTC), tick=True):
        yield


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def week_url(start):
    return reverse("insights:week", args=[start.isoformat()])


def test_the_week_shows_its_moments_checkins_and_entries_and_nothing_of_other_weeks(
    owner, owner_client
):
    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    sam = PersonFactory(owner=owner, name="Sam Rivera")
    MomentFactory(
        owner=owner,
        people=[sam],
        occurred_at=at(start + timedelta(days=1)),
        felt_understood=4,
        felt_safe=5,
        closeness_after=6,
        self_disclosure=3,
    )
    MomentFactory(
        owner=owner,
        people=[PersonFactory(owner=owner, name="Next Week Person")],
        occurred_at=at(start + timedelta(days=7), hour=0),
    )
    JournalEntryFactory(
        owner=owner,
        title="Walk by the river",
        body="Cold hands, warm talk.",
        written_on=start + timedelta(days=6),
    )
    JournalEntryFactory(owner=owner, title="Too early", written_on=start - timedelta(days=1))
    for days, total in ((-3, 60.0), (2, 45.0)):
        CheckIn.objects.create(
            owner=owner,
            instrument_id="weekly-wellbeing",
            instrument_version=1,
            answers={},
            total=total,
            taken_at=at(start + timedelta(days=days)),
        )
    page = owner_client.get(week_url(start)).content.decode()
    assert "Sam Rivera" in page and "you shared feelings" in page and "understood 4 of 5" in page
    assert "On average you felt understood 4 of 5, felt safe 5 of 5" in page
    assert "Walk by the river" in page and "Cold hands, warm talk." in page
    assert "Next Week Person" not in page and "Too early" not in page
    assert "Weekly well-being: 45 (Lower than usual)" in page and "a meaningful change" in page
    assert "15 points harder than the time before" in page
    assert "One question for this week" in page and "?prompt=" in page
    assert week_url(start - timedelta(days=7)) in page
    assert week_url(start + timedelta(days=7)) in page
    # Each row as list_row writes one: the link, what it was, and the day.
    assert (
        '<span dir="auto">Sam Rivera</span><span class="muted">: you shared feelings · '
        "understood 4 of 5 · closeness 6 of 7 · safe 5 of 5</span></a></span>"
        '<span class="row-meta">'
    ) in page
    assert (
        'Weekly well-being: 45 (Lower than usual)<span class="muted">\u00a0· harder, a meaningful'
        ' change</span></a></span><span class="row-meta">'
    ) in page
    assert (
        '<span dir="auto">Walk by the river</span><span class="muted" dir="auto">: Cold hands,'
        ' warm talk.</span></a></span><span class="row-meta">'
    ) in page


def test_the_week_just_gone_is_the_default(owner_client):
    start = week_just_gone(timezone.localdate())
    response = owner_client.get(reverse("insights:week_latest"))
    assert response.status_code == 200
    assert response.context["week"].start == start
    assert "Your week" in response.content.decode()


def test_an_empty_week_says_so_kindly(owner_client):
    page = owner_client.get(week_url(week_start(timezone.localdate()) - timedelta(days=70)))
    assert "A quiet week" in page.content.decode()


def test_the_most_overdue_person_shows_on_the_latest_weeks_only(owner, owner_client):
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        PersonFactory(owner=owner, name="Long Ago Lou", ring="inner")
    latest = owner_client.get(reverse("insights:week_latest")).content.decode()
    assert "Someone to reach out to" in latest and "Long Ago Lou" in latest
    old = owner_client.get(week_url(week_start(timezone.localdate()) - timedelta(days=70)))
    assert "Long Ago Lou" not in old.content.decode()


def test_another_day_of_a_week_leads_to_its_first_day(owner_client):
    start = week_start(timezone.localdate()) - timedelta(days=14)
    response = owner_client.get(week_url(start + timedelta(days=3)))
    assert response.status_code == 302 and response["Location"] == week_url(start)


@pytest.mark.parametrize("bad", ["soon", "2026-02-30", "1899-12-25", "9999-12-27"])
def test_no_such_week_is_a_404(owner_client, bad):
    assert owner_client.get(reverse("insights:week", args=[bad])).status_code == 404


def test_a_week_to_come_is_a_404(owner_client):
    coming = week_start(timezone.localdate()) + timedelta(days=7)
    assert owner_client.get(week_url(coming)).status_code == 404


def test_another_accounts_rows_never_show(owner, other_client):
    start = week_start(timezone.localdate())
    MomentFactory(
        owner=owner, people=[PersonFactory(owner=owner, name="Owner Friend")], occurred_at=at(start)
    )
    page = other_client.get(week_url(start)).content.decode()
    assert "Owner Friend" not in page and "A quiet week" in page


def test_today_links_to_the_review_on_the_chosen_day_only(owner, owner_client):
    today = timezone.localdate()
    CalendarFeed.objects.create(
        owner=owner, token_hash="x" * 64, review_weekday=today.weekday(), review_time=time(18)
    )
    page = owner_client.get(reverse("today:today")).content.decode()
    assert reverse("insights:week_latest") in page and "Your weekly review" in page
    # Calm: the review never takes the lead step.
    lead = page.split('class="card next-step"', 1)[1].split("</section>", 1)[0]
    assert "weekly review" not in lead
    CalendarFeed.objects.filter(owner=owner).update(review_weekday=(today.weekday() + 1) % 7)
    assert "Your weekly review" not in owner_client.get(reverse("today:today")).content.decode()


def test_today_without_a_review_day_has_no_link(owner_client):
    assert "Your weekly review" not in owner_client.get(reverse("today:today")).content.decode()


def test_the_week_names_five_new_findings_and_links_the_rest(owner, owner_client, monkeypatch):
    from types import SimpleNamespace

    from tending.insights import findings

    made = [SimpleNamespace(status="finding", sentence=f"Pattern number {i}.") for i in range(8)]
    monkeypatch.setattr(findings, "new_or_firmer", lambda user, since, read=None: made)
    html = owner_client.get(reverse("insights:week_latest")).content.decode()
    assert [i for i in range(8) if f"Pattern number {i}." in html] == [0, 1, 2, 3, 4]
    assert "3 more new ones in Insights</a>" in html


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(owner, owner_client):
    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    sofia = PersonFactory(owner=owner, name="Sofia B.")
    MomentFactory(owner=owner, people=[sofia], occurred_at=at(start + timedelta(days=1)))
    page = owner_client.get(week_url(start)).content.decode()
    assert '1 moment, with <span dir="auto">Sofia B.</span></p>' in page
    MomentFactory(owner=owner, people=[sofia], occurred_at=at(start + timedelta(days=2)))
    page = owner_client.get(week_url(start)).content.decode()
    assert '2 moments, with <span dir="auto">Sofia B.</span> (2).</p>' in page


def test_a_moment_with_no_one_left_in_it_still_shows_the_week(owner, owner_client):
    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    MomentFactory(owner=owner, people=[], occurred_at=at(start + timedelta(days=1)))
    assert owner_client.get(week_url(start)).status_code == 200


def test_two_friends_of_one_name_are_two_people_in_the_week(owner, owner_client):
    """Two Sams with a moment each are not one Sam with two; a look-alike name is its own."""
    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    one, two = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Sam")
    look_alike = PersonFactory(owner=owner, name="\u0405am")  # a Cyrillic capital S
    MomentFactory(owner=owner, people=[one], occurred_at=at(start + timedelta(days=1)))
    MomentFactory(owner=owner, people=[two, look_alike], occurred_at=at(start + timedelta(days=2)))
    page = owner_client.get(week_url(start)).content.decode()
    assert (
        '2 moments, with <span dir="auto">Sam</span>, <span dir="auto">Sam</span> and'
        ' <span dir="auto">\u0405am</span>.</p>'
    ) in page


def test_the_weeks_goal_steps_and_brave_steps_show_and_no_others(owner, owner_client, other):
    from tending.growth.models import BraveStep, Goal, GoalStep

    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    mine = Goal.objects.create(owner=owner, title="See friends", area="connection")
    theirs = Goal.objects.create(owner=other, title="Their goal", area="body")
    for goal, text, done in [
        (mine, "Call Sam", start + timedelta(days=2)),
        (mine, "Book a class", start + timedelta(days=6)),
        (mine, "Week before", start - timedelta(days=1)),
        (mine, "Week after", start + timedelta(days=7)),
        (mine, "Not done", None),
        (theirs, "Their step", start + timedelta(days=1)),
    ]:
        GoalStep.objects.create(owner=goal.owner, goal=goal, text=text, done_on=done)
    BraveStep.objects.create(
        owner=owner, text="Told Kim I missed her", hardness=50, added_on=start,
        done_on=start + timedelta(days=4),
    )  # fmt: skip
    BraveStep.objects.create(owner=owner, text="Set aside", hardness=50, added_on=start)
    html = owner_client.get(week_url(start)).content.decode()
    section = html.split('id="week-goals"')[1].split("</section>")[0]
    assert (
        section.index("Call Sam")
        < section.index("A brave step: Told Kim")
        < section.index("Book a class")
    )
    assert "See friends" in section
    for hidden in ("Week before", "Week after", "Not done", "Their step", "Set aside"):
        assert hidden not in html
    earlier = owner_client.get(week_url(start - timedelta(14))).content.decode()
    assert 'id="week-goals"' not in earlier
