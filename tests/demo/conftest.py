"""Two years of demo data for one account, the size most demo tests look at.

Filling two years takes seconds, so it is done once for the whole tests/demo package and
removed after it, rather than once per test. Each test still runs inside its own transaction,
so whatever a test changes is rolled back and the next one sees the data as it was made.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tending.demo import fill_demo
from tests.demo.common import TODAY, make_user

# Not "demo": tests that make their own account with make_user() must not collide with it.
SHARED_USERNAME = "demo-two-years"


@pytest.fixture(scope="package")
def two_years_of_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        user = make_user(SHARED_USERNAME)
        summary = fill_demo(user, years=2, seed=1, today=TODAY)
    yield user.pk, summary
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk=user.pk).delete()


@pytest.fixture
def filled(db, two_years_of_demo):
    pk, summary = two_years_of_demo
    # A fresh copy per test, so a test that changes the object in memory cannot reach the next.
    return get_user_model().objects.get(pk=pk), summary
