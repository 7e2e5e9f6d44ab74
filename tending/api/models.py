"""Personal access tokens: named, read-only or read-write, optionally expiring; only a hash kept."""

from __future__ import annotations

from django.db import models

from tending.core.models import OwnedModel


class AccessToken(OwnedModel):
    name = models.CharField(max_length=60)
    # SHA-256 of the secret (tending.core.tokens.token_hash): the secret is shown once.
    token_hash = models.CharField(max_length=64, unique=True)
    # The first characters of the secret, so a person can tell their tokens apart.
    hint = models.CharField(max_length=8)
    can_write = models.BooleanField(default=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "created_at"], name="api_token_owner_made")]

    def __str__(self) -> str:
        return self.name
