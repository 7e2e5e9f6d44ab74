"""Two years of demo data for one account, the size most demo tests look at."""

from __future__ import annotations

import pytest

from tending.demo import fill_demo
from tests.demo.common import TODAY, make_user


@pytest.fixture
def filled(db):
    user = make_user()
    summary = fill_demo(user, years=2, seed=1, today=TODAY)
    return user, summary
