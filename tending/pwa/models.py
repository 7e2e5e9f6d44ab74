"""What tending keeps for phones: forms sent once, the server's push keys, subscriptions."""

from __future__ import annotations

from django.db import models

from tending.core.models import OwnedModel


class SentOnce(OwnedModel):
    """A form a phone kept while offline, known by the key it was given when it was filled
    in: sent a second time (the connection dropped before the answer came), it is not saved
    a second time, and the answer is where the first sending led."""

    key = models.CharField(max_length=64)
    led_to = models.CharField(max_length=500)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="sent_once_key")]


class PushKeys(models.Model):
    """The server's own VAPID key pair, made by tending the first time it is needed. One row;
    not anyone's data, and not in any export."""

    private_pem = models.TextField()
    public_key = models.CharField(max_length=200)  # uncompressed point, base64url, for browsers
    made_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"push keys made {self.made_at:%Y-%m-%d}"


class PushSubscription(OwnedModel):
    """A browser's promise to wake this device: where to send, and its encryption keys."""

    endpoint = models.URLField(max_length=1000)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    # The owner's day a wake-up last went out, so a day brings one at most (several servers
    # claim it with one UPDATE; the one that changed the row sends).
    woken_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "endpoint"], name="push_endpoint_once")
        ]
