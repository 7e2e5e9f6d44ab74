"""Shared fixtures: the owner, a second account, and nobody logged in."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from hypothesis import settings as hypothesis_settings

from tests.factories import UserFactory

# Speed is measured by `tending bench`, never by a timed test: Hypothesis's per-example time
# limit only made property tests fail on a busy machine.
hypothesis_settings.register_profile("tending", deadline=None)
hypothesis_settings.load_profile("tending")

# Argon2 is slow on purpose; tests make hundreds of accounts. One test
# (tests/core/test_password_hashing.py) proves production still hashes with Argon2.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture
def owner(db):
    return UserFactory(username="owner")


@pytest.fixture
def other(db):
    return UserFactory(username="other", time_zone="America/New_York")


@pytest.fixture
def owner_client(owner) -> Client:
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def other_client(other) -> Client:
    client = Client()
    client.force_login(other)
    return client


@pytest.fixture
def anon_client() -> Client:
    return Client()
