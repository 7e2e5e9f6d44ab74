"""An invitation link: one account may be made with it, once, before it runs out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

NOTE_LENGTH = 100


class Invitation(models.Model):
    """Not a private row: administrators share the list, and the invitee has no account yet.

    Only the link's hash is kept (tending.core.tokens), so the link itself is shown once.
    Withdrawing one deletes it; a used one stays, to say who came in with it.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(max_length=NOTE_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Invitation {self.note or self.pk}"

    def state(self, now) -> str:
        """waiting, used or expired: the words the list shows."""
        if self.used_at is not None:
            return "used"
        return "waiting" if self.expires_at > now else "expired"
