"""The account, the owned-row base every private model builds on, and owned tags."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from tending.core.dates import zone_named


def validate_time_zone(value: str) -> None:
    # The same names the settings page offers: Region/City, and UTC.
    if value != "UTC" and "/" not in value:
        raise ValidationError(f"“{value}” is not a time zone we know; try e.g. Europe/Berlin.")
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"“{value}” is not a time zone we know; try e.g. Europe/Berlin."
        ) from None


class User(AbstractUser):
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    # A code from settings.LANGUAGES; empty: the browser's language (tending/core/languages.py).
    language = models.CharField(max_length=16, blank=True, default="")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_named(self.time_zone)


class OwnedModel(models.Model):
    """A private row: it belongs to exactly one account and is invisible to every other."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class Tag(OwnedModel):
    name = models.CharField(max_length=40)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="tag_unique_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class LoginThrottle(models.Model):
    """Failed logins for one name from one address, and until when more tries are refused.

    Not a private row: it is keyed by the name that was typed, which may belong to nobody,
    so that an unknown name is throttled exactly like a wrong password. The name is kept
    only as a keyed hash (tending.core.throttle.username_key).
    """

    username_key = models.CharField(max_length=150)
    address = models.GenericIPAddressField(unpack_ipv4=True)
    failures = models.PositiveSmallIntegerField(default=0)
    first_failure_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["username_key", "address"], name="login_throttle_one_per_key"
            )
        ]
        indexes = [models.Index(fields=["first_failure_at"])]

    def __str__(self) -> str:
        return f"{self.failures} failed logins"


class RateCount(models.Model):
    """How many requests one key (a keyed hash of an address, a link, a token) made in the
    current window; see tending.core.rate. Not a private row: it names no account."""

    key = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self) -> str:
        return f"{self.count} requests since {self.window_start:%H:%M}"
