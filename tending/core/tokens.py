"""Secret links: a random token shown once, and only its hash kept. Pure, no Django."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32  # 256 random bits; the link carries them as 43 URL-safe characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is kept of a token: its SHA-256, as hex (a token cannot be read back from it)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
