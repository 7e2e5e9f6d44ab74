"""What a feedback round keeps: the round, its invitations and the answers they brought.

An invitation's link is kept only as a hash, and its answer-code secret never leaves the
server but in the answer sheet made for it. An anonymous round keeps no time and no
invitation with its answers, so nothing in tending can tell who answered what, or when.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from tending.core.models import OwnedModel
from tending.mirror.codes import ANSWER_MOST


class Round(OwnedModel):
    display_name = models.CharField(max_length=60)  # how the people asked see the person
    message = models.TextField(max_length=1000, blank=True)
    own_words = models.JSONField(default=list)  # 5 or 6 words of tending.mirror.words
    anonymous = models.BooleanField(default=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    shuffle_key = models.CharField(max_length=32)  # orders an anonymous round's open answers
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-created_at"])]


class Invitation(OwnedModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitations")
    label = models.CharField(max_length=60)  # for the person: "Sam", "work friends"
    person = models.ForeignKey(
        "circle.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    link_hash = models.CharField(max_length=64, unique=True)  # SHA-256 of the link's token
    code_secret = models.CharField(max_length=64)  # the answer sheet's key, hex
    expires_at = models.DateTimeField()
    uses_allowed = models.PositiveSmallIntegerField(default=1)
    uses = models.PositiveSmallIntegerField(default=0)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)


class Answer(OwnedModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    # A named round's answers keep their invitation and day; an anonymous round's neither.
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="answers"
    )
    answered_on = models.DateField(null=True, blank=True)
    words = models.JSONField(default=list)
    valued = models.TextField(max_length=ANSWER_MOST, blank=True)
    unseen = models.TextField(max_length=ANSWER_MOST, blank=True)
    code_tag = models.CharField(max_length=32, blank=True)  # an answer code's tag, hex

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "code_tag"],
                condition=~models.Q(code_tag=""),
                name="mirror_answer_code_once",
            )
        ]
