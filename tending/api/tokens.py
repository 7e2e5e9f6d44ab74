"""Making, listing and revoking personal access tokens."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tending.api.auth import TOKEN_PREFIX
from tending.api.models import AccessToken
from tending.core.tokens import new_token, token_hash

LIFETIMES = {"30": 30, "90": 90, "365": 365, "never": None}  # days; None: until revoked
MAX_TOKENS = 50  # per account: more is a script gone wrong


def make_token(owner, name: str, can_write: bool, days: int | None) -> tuple[AccessToken, str]:
    """A new token and its secret: the secret is shown once and never kept."""
    secret = TOKEN_PREFIX + new_token()
    expires = timezone.now() + timedelta(days=days) if days else None
    token = AccessToken.objects.create(
        owner=owner,
        name=name,
        token_hash=token_hash(secret),
        hint=secret[: len(TOKEN_PREFIX) + 4],
        can_write=can_write,
        expires_at=expires,
    )
    return token, secret
