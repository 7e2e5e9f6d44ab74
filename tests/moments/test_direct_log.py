"""`tending log` without Django writes exactly what the Django path writes, or steps aside."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tending.circle.models import Person
from tending.core.models import Tag
from tending.moments.direct import in_djangos_order, log_directly
from tending.moments.terminal import CHANNELS, SHARING
from tests.direct_paths import assert_same, django_path, quick_path
from tests.factories import MomentFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]

NAMES = [
    "Sam Rivera",
    "Samira Haddad",
    "Alex Chen",
    "alex chen",
    "Al",
    "Zoë Ng",
    "Jo  Ann",
    "Émile",
]
TYPED = [*NAMES, "Sam", "sam r", "al", "zoe", "Zoë", "Jo", "ann", "Emile", "Nobody", "Alx Chen"]
ACCOUNTS = ["sam", "Sam", "robin"]
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]
CLOCK_CHANGES = ["2026-03-29 02:30", "2026-10-25 02:30", "2026-03-08 02:30", "2026-11-01 01:30"]
FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]
moments_ago = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40 * 365))


@st.composite
def scenarios(draw):
    now = draw(
        st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2040, 1, 1))
    ).replace(tzinfo=UTC)
    accounts = draw(st.lists(st.sampled_from(ACCOUNTS), min_size=1, max_size=2, unique=True))
    accounts = accounts if draw(st.integers(0, 3)) == 0 else accounts[:1]
    zones = [draw(st.sampled_from([*ZONES, "Not/AZone"])) for _ in accounts]
    circles = [
        draw(
            st.lists(
                st.tuples(st.sampled_from(NAMES), st.sampled_from([False, False, True])),
                min_size=1,
                max_size=5,
            )
        )
        for _ in accounts
    ]
    tags = draw(st.lists(st.sampled_from(["walk", "work", "Walk", "x" * 40]), unique=True))
    earlier = draw(st.lists(moments_ago, max_size=2))
    when = draw(
        st.one_of(
            st.none(),
            st.sampled_from(["now", "today", "yesterday", " Yesterday ", "soon", *CLOCK_CHANGES]),
            st.builds(
                lambda ago, fmt: (now - ago).strftime(fmt), moments_ago, st.sampled_from(FORMATS)
            ),
            st.builds(
                lambda ago, fmt: (now - ago).strftime(fmt),
                st.one_of(moments_ago, st.timedeltas(timedelta(days=-3), timedelta(days=1))),
                st.sampled_from(FORMATS),
            ),
        )
    )
    # Mostly names of the first account's circle, so most examples log something.
    kept = [name for name, archived in circles[0] if not archived] or ["Nobody"]
    typed = st.one_of(*[st.sampled_from(kept)] * 4, st.sampled_from(TYPED))
    argv = ["log", *draw(st.lists(typed, min_size=1, max_size=3))]
    users = st.one_of(
        *[st.just(accounts[0])] * 4, st.sampled_from([*accounts, " sam", "ｓam", "nobody"])
    )
    user = draw(users if len(accounts) > 1 or draw(st.booleans()) else st.none())
    argv += [] if user is None else [f"--user={user}"]
    argv += [] if when is None else [f"--when={when}"]
    options = {
        "--minutes": st.integers(1, 1440),
        "--how": st.sampled_from(CHANNELS),
        "--reached-out": st.sampled_from(["me", "them", "both"]),
        "--shared": st.sampled_from(SHARING),
        "--they-shared": st.sampled_from(SHARING),
        "--understood": st.integers(1, 5),
        "--closeness": st.integers(1, 7),
        "--safe": st.integers(1, 5),
        "--note": st.text(max_size=30),
    }
    for option, values in options.items():
        if draw(st.booleans()):
            argv.append(f"{option}={draw(values)}")
    typed_tag = st.text(alphabet="aW #,\n é", max_size=8)
    long_tag = st.just("y" * 41)
    for tag in draw(st.lists(st.one_of(typed_tag, typed_tag, typed_tag, long_tag), max_size=3)):
        argv.append(f"--tag={tag}")
    return now, list(zip(accounts, zones, circles, strict=True)), tags, earlier, argv


def build(accounts, tags, earlier, now):
    users = []
    for username, zone, circle in accounts:
        user = UserFactory(username=username, time_zone=zone)
        people = [Person.objects.create(owner=user, name=n, is_archived=a) for n, a in circle]
        users.append(user)
        for ago in earlier:
            MomentFactory(owner=user, occurred_at=now - ago, people=people[:2])
    for name in tags:
        Tag.objects.create(owner=users[0], name=name)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenarios())
def test_the_quick_path_leaves_the_same_rows_and_says_the_same(scenario):
    now, accounts, tags, earlier, argv = scenario
    from django.db import transaction

    with transaction.atomic():
        build(accounts, tags, earlier, now)
        django = django_path(argv, now)
        quick = quick_path(argv, lambda raw, args: log_directly(raw, args, now))
        transaction.set_rollback(True)
    event("logged" if quick.code == 0 else "refused, left to the Django path")
    assert_same(django, quick)


def test_a_plain_moment_is_the_same_both_ways(owner):
    for name in ("Alex Chen", "Sam Rivera", "Samira Haddad"):
        Person.objects.create(owner=owner, name=name)
    Tag.objects.create(owner=owner, name="walk")
    now = datetime(2026, 3, 14, 18, 30, 5, 123456, tzinfo=UTC)
    argv = ["log", "Alex", "Sam R", "--note=Long walk", "--tag=Walk, new", "--shared=feelings"]
    django = django_path(argv, now)
    quick = quick_path(argv, lambda raw, args: log_directly(raw, args, now))
    assert django.code == 0 and quick.code == 0, django.err
    assert_same(django, quick)
    assert "Logged a moment with Alex Chen, Sam Rivera on 2026-03-14 19:30." in quick.out


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "Sam"],  # two people fit
        ["log", "Nobody"],
        ["log", "Alex", "--user=nobody"],
        ["log", "Alex", "--when=2099-01-01"],
        ["log", "Alex", "--when=1899-12-31"],
        ["log", "Alex", "--when=whenever"],
        ["log", "Alex", "--tag=" + "y" * 41],
    ],
)
def test_every_refusal_is_left_to_the_django_path(owner, argv):
    for name in ("Alex Chen", "Sam Rivera", "Samira Haddad"):
        Person.objects.create(owner=owner, name=name)
    now = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
    django = django_path(argv, now)
    quick = quick_path(argv, lambda raw, args: log_directly(raw, args, now))
    assert quick.code == -1 and django.code == 1 and django.err.startswith("tending: ")


def test_several_accounts_without_user_is_left_to_the_django_path(owner, other):
    Person.objects.create(owner=owner, name="Alex")
    now = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
    quick = quick_path(["log", "Alex"], lambda raw, args: log_directly(raw, args, now))
    assert quick.code == -1


@given(st.lists(st.integers(1, 10**12), unique=True, max_size=8))
def test_join_rows_go_in_as_django_adds_them(ids):
    made = set()
    for pk in ids:
        made.add(pk)
    assert in_djangos_order(ids) == list(made.difference(iter(())))


def test_both_paths_print_a_name_from_an_imported_file_inert():
    """The quick path (no Django) prints what the Django path prints: escapes, not commands."""
    owner = UserFactory(username="robin")
    Person.objects.create(owner=owner, name="Fam\x1b]0;owned\x07ily", ring="inner")
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    quick = quick_path(["log", "Fam"], lambda raw, args: log_directly(raw, args, now))
    assert_same(django_path(["log", "Fam"], now), quick)
    assert (
        "\x1b" not in quick.out
        and "\x07" not in quick.out
        and "Fam\\x1b]0;owned\\x07ily" in quick.out
    )
