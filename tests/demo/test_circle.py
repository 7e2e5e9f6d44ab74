"""Demo circle: believable people and moments that fit the app's own scales and rules."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter

import pytest
from django.db.models import Count, Max
from django.utils import timezone

from tending.circle.drift import Drift, drift_status
from tending.circle.models import ClosenessRating, Kind, Person, Ring
from tending.demo import fill_demo
from tending.moments.models import Moment
from tests.demo.common import TODAY, make_user

pytestmark = pytest.mark.django_db


def last_contacts(user) -> list[tuple[Person, datetime.date | None]]:
    people = Person.objects.filter(owner=user).annotate(last=Max("moments__occurred_at"))
    return [(p, p.last and timezone.localdate(p.last, user.zone)) for p in people]


def test_circle_has_a_plausible_shape(filled):
    user, summary = filled
    people = list(Person.objects.filter(owner=user))
    assert 55 <= len(people) <= 70
    assert 3 <= summary.archived <= 5
    rings = Counter(p.ring for p in people)
    assert set(rings) == set(Ring.values)
    assert 3 <= rings[Ring.INNER] <= 7 and 10 <= rings[Ring.MIDDLE] <= 20
    assert rings[Ring.OUTER] > rings[Ring.MIDDLE] > rings[Ring.INNER]
    assert {p.kind for p in people} == set(Kind.values)
    assert sum(p.kind == Kind.PARTNER for p in people) == 1
    assert len({p.name for p in people}) == len(people)
    assert all(len(p.name.split()) == 2 for p in people)

    assert 10 <= sum(bool(p.phone) for p in people) < len(people)
    assert all(p.phone.startswith("+1 555 01") for p in people if p.phone)
    assert 5 <= sum(bool(p.email) for p in people) < len(people)
    assert all(p.email.endswith("@example.org") for p in people if p.email)
    with_birthday = [p for p in people if p.birthday]
    assert any(p.birthday_year for p in with_birthday)
    assert any(not p.birthday_year for p in with_birthday)
    safe = [p for p in people if p.is_safe]
    assert 2 <= len(safe) <= 8
    assert sum(p.ring == Ring.INNER for p in safe) > len(safe) / 2
    assert any(p.notes for p in people)
    defaults = {"inner": 7, "middle": 30, "outer": 180}
    customised = [p for p in people if p.rhythm_days != defaults[p.ring]]
    assert 1 <= len(customised) <= 10


def test_inner_people_are_seen_more_often_and_feel_closer(filled):
    user, _ = filled
    people = Person.objects.filter(owner=user, is_archived=False).annotate(n=Count("moments"))
    seen = {ring: statistics.median(p.n for p in people if p.ring == ring) for ring in Ring}
    assert seen[Ring.INNER] > seen[Ring.MIDDLE] > seen[Ring.OUTER]
    assert seen[Ring.INNER] >= 200  # two years of contact every couple of days
    partner = Person.objects.get(owner=user, kind=Kind.PARTNER)
    days = {timezone.localdate(m.occurred_at, user.zone) for m in partner.moments.all()}
    assert len(days) >= 0.5 * 730  # nearly every day

    ratings = ClosenessRating.objects.filter(owner=user).select_related("person")
    mean = {
        ring: statistics.mean(r.value for r in ratings if r.person.ring == ring) for ring in Ring
    }
    assert mean[Ring.INNER] > mean[Ring.MIDDLE] > mean[Ring.OUTER]
    inner = Counter(r.person_id for r in ratings if r.person.ring == Ring.INNER)
    assert min(inner.values()) >= 4  # every few months over two years


def test_moments_mix_groups_quick_logs_notes_and_tags(filled):
    user, _ = filled
    moments = list(Moment.objects.filter(owner=user).annotate(n=Count("people", distinct=True)))
    total = len(moments)
    sizes = Counter(m.n for m in moments)
    assert set(sizes) <= {1, 2, 3}
    assert 0.05 <= (sizes[2] + sizes[3]) / total <= 0.3
    # Someone logging several moments a day leaves many as quick logs (who and when only).
    assert 0.15 <= sum(not m.has_details for m in moments) / total <= 0.4
    assert 0.08 <= sum(bool(m.note) for m in moments) / total <= 0.25
    tagged = Moment.objects.filter(owner=user, tags__isnull=False).distinct().count()
    assert 0.1 <= tagged / total <= 0.3
    detailed = [m for m in moments if m.has_details]
    assert sum(bool(m.channel) for m in detailed) == len(detailed)
    assert sum(m.duration_minutes is not None for m in detailed) > 0.8 * len(detailed)
    assert sum(bool(m.initiated_by) for m in detailed) > 0.8 * len(detailed)


def test_feeling_heard_goes_with_feeling_close(filled):
    user, _ = filled
    moments = Moment.objects.filter(owner=user, felt_understood__isnull=False)
    heard = [m.closeness_after for m in moments if m.felt_understood >= 4]
    unheard = [m.closeness_after for m in moments if m.felt_understood <= 2]
    assert heard and unheard
    assert statistics.mean(heard) > statistics.mean(unheard)


def test_feelings_are_rated_after_sharing_and_now_and_then_after_small_talk(filled):
    user, _ = filled
    detailed = Moment.objects.filter(owner=user).exclude(channel="")
    shared = detailed.filter(self_disclosure__gte=2)
    small_talk = detailed.filter(self_disclosure__lte=1)
    rated = shared.filter(felt_understood__isnull=False).count() / shared.count()
    assert rated == 1.0
    assert 0.1 < small_talk.filter(felt_understood__isnull=False).count() / small_talk.count() < 0.4


def test_every_value_fits_its_scale(filled):
    user, _ = filled
    for person in Person.objects.filter(owner=user):
        person.full_clean()
    moments = Moment.objects.filter(owner=user)
    for moment in moments:
        for field, low, high in [
            ("self_disclosure", 0, 4),
            ("other_disclosure", 0, 4),
            ("felt_understood", 1, 5),
            ("felt_validated", 1, 5),
            ("felt_cared_for", 1, 5),
            ("felt_safe", 1, 5),
            ("closeness_after", 1, 7),
            ("duration_minutes", 1, 24 * 60),
        ]:
            value = getattr(moment, field)
            assert value is None or low <= value <= high, (field, value)
    for moment in moments[:300]:
        moment.full_clean(exclude=["people", "tags"])
    limits = {Ring.INNER: (5, 7), Ring.MIDDLE: (3, 6), Ring.OUTER: (1, 4)}
    for rating in ClosenessRating.objects.filter(owner=user).select_related("person"):
        rating.full_clean()
        low, high = limits[rating.person.ring]
        assert low <= rating.value <= high


def test_dates_fall_within_the_period():
    user = make_user()
    fill_demo(user, years=2, seed=3, today=TODAY)
    first = TODAY.replace(year=TODAY.year - 2)
    occurred = Moment.objects.filter(owner=user).values_list("occurred_at", flat=True)
    days = [timezone.localdate(at, user.zone) for at in occurred]
    assert first <= min(days) and max(days) < TODAY
    assert (max(days) - min(days)).days > 600  # the moments really span the two years
    rated = ClosenessRating.objects.filter(owner=user).values_list("rated_on", flat=True)
    assert first <= min(rated) and max(rated) <= TODAY


def test_moments_only_ever_join_the_owners_own_people():
    first, second = make_user("first"), make_user("second", "America/New_York")
    fill_demo(first, years=1, seed=1, today=TODAY)
    fill_demo(second, years=1, seed=1, today=TODAY)
    for user in (first, second):
        links = Moment.people.through.objects.filter(moment__owner=user)
        assert links.exists()
        assert not links.exclude(person__owner=user).exists()
        tag_links = Moment.tags.through.objects.filter(moment__owner=user)
        assert tag_links.exists()
        assert not tag_links.exclude(tag__owner=user).exists()
        ratings = ClosenessRating.objects.filter(owner=user)
        assert not ratings.exclude(person__owner=user).exists()
    assert not Moment.objects.filter(people=None).exists()


def test_today_shows_a_mix_of_drift_states(filled):
    user, _ = filled
    states = Counter(
        drift_status(last, person.rhythm_days, TODAY)
        for person, last in last_contacts(user)
        if not person.is_archived
    )
    for state in (Drift.IN_RHYTHM, Drift.DUE, Drift.DRIFTING, Drift.NEVER):
        assert states[state] >= 1, states


@pytest.mark.parametrize("seed", [2, 7, 42])
def test_every_seed_shows_the_mix(seed):
    user = make_user(time_zone="Pacific/Auckland")
    fill_demo(user, years=1, seed=seed, today=TODAY)
    states = {
        drift_status(last, person.rhythm_days, TODAY)
        for person, last in last_contacts(user)
        if not person.is_archived
    }
    assert states == set(Drift)


def test_some_people_are_new_and_some_drift_apart(filled):
    user, _ = filled
    year_ago = TODAY - datetime.timedelta(days=365)
    new = fading = 0
    for person in Person.objects.filter(owner=user, is_archived=False).prefetch_related("moments"):
        days = [timezone.localdate(m.occurred_at, user.zone) for m in person.moments.all()]
        before = sum(day <= year_ago for day in days)
        after = len(days) - before
        new += bool(days) and before == 0
        fading += before >= 4 and after < before / 2
    assert new >= 1
    assert fading >= 1


def test_default_today_is_the_users_own_today_and_nothing_is_in_the_future():
    user = make_user(time_zone="Pacific/Kiritimati")  # UTC+14: often a day ahead of UTC
    fill_demo(user, years=1, seed=1)
    latest = Moment.objects.filter(owner=user).aggregate(at=Max("occurred_at"))["at"]
    assert latest <= timezone.now()
    own_today = timezone.localdate(timezone=user.zone)
    assert own_today - datetime.timedelta(days=3) <= timezone.localdate(latest, user.zone)
    assert max(ClosenessRating.objects.values_list("rated_on", flat=True)) <= own_today


def test_refuses_an_account_that_already_has_people():
    user = make_user()
    Person.objects.create(owner=user, name="Already here", ring=Ring.INNER)
    with pytest.raises(ValueError, match="already has 1 person; demo data only goes into an empty"):
        fill_demo(user, years=1, today=TODAY)
    assert Person.objects.filter(owner=user).count() == 1
    assert not Moment.objects.filter(owner=user).exists()


@pytest.mark.parametrize("years", [0, 31, -1])
def test_refuses_a_period_outside_one_to_thirty_years(years):
    user = make_user()
    with pytest.raises(ValueError, match="years must be between 1 and 30"):
        fill_demo(user, years=years, today=TODAY)
    assert not Person.objects.filter(owner=user).exists()
