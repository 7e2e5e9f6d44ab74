"""What the demo-data tests share: a fixed today and a fresh account in a chosen time zone."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

TODAY = datetime.date(2025, 3, 15)


def make_user(username: str = "demo", time_zone: str = "Europe/Berlin"):
    user = get_user_model().objects.create_user(username=username, password="a-long-password")
    user.time_zone = time_zone
    user.save()
    return user
