"""Passwords are hashed with Argon2 in production, even though tests use a fast hasher."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from tending import settings as production_settings

pytestmark = pytest.mark.django_db


def test_item_14_tests_hash_fast_but_production_hashes_with_argon2():
    # The suite swaps in a fast hasher; the settings tending runs with are untouched.
    assert settings.PASSWORD_HASHERS != production_settings.PASSWORD_HASHERS
    assert production_settings.PASSWORD_HASHERS[0].endswith(".Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production_settings.PASSWORD_HASHERS):
        response = Client().post(
            reverse("core:welcome"),
            {
                "username": "robin",
                "password1": "quiet-river-morning",
                "password2": "quiet-river-morning",
                "time_zone": "Europe/Lisbon",
            },
        )
        assert response.status_code == 302
        user = get_user_model().objects.get(username="robin")
        assert user.password.startswith("argon2$argon2id$")
        assert user.check_password("quiet-river-morning")
