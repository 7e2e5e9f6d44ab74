"""What the query-count pins of every part share."""

from __future__ import annotations

import pytest

from tests.bench.demo_accounts import calendar_link, demo_accounts


@pytest.fixture(scope="package")
def demo_years(django_db_setup, django_db_blocker) -> dict:
    """{1: user, 10: user}: one and ten years of demo data, filled once for every pin in this
    folder and deleted after the last (filling and deleting them for each module took about
    a minute of each run of the suite). A module adds what it needs on top."""
    with django_db_blocker.unblock(), demo_accounts("counted", (1, 10)) as made:
        yield made


@pytest.fixture(scope="package")
def demo_feeds(demo_years, django_db_blocker) -> dict:
    """{years: token}: each account's calendar feed (one an account), for the pages that
    read it."""
    with django_db_blocker.unblock():
        return {years: calendar_link(user) for years, user in demo_years.items()}
