"""Changing feedback rounds: opening one, inviting people, taking their answers (through a
link, or as a code from an answer sheet), withdrawing an invitation, closing a round."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tending.core.tokens import new_token, token_hash
from tending.mirror import codes
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.window import Window, johari_window
from tending.mirror.words import chosen_words

DEFAULT_DAYS = 14  # how long an invitation is open unless the person chooses otherwise
LONGEST_DAYS = 90
MOST_USES = 50
ROUND_CLOSED = "This round is closed. Open it again to add answers."


def open_round(user, *, display_name: str, message: str, words, anonymous: bool) -> Round:
    """A new round with the person's own 5 or 6 words (a WordsProblem otherwise)."""
    return Round.objects.create(
        owner=user,
        display_name=display_name.strip(),
        message=message.strip(),
        own_words=list(chosen_words(words)),
        anonymous=anonymous,
        shuffle_key=secrets.token_hex(16),
    )


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    token: str  # the link's secret part: shown once, never kept


def invite(
    feedback: Round,
    *,
    label: str,
    person=None,
    days: int = DEFAULT_DAYS,
    uses: int = 1,
    now: datetime | None = None,
) -> NewInvitation:
    """An invitation to the round, and its link's token. `person`, when given, must be one
    of the round owner's people."""
    if person is not None and person.owner_id != feedback.owner_id:
        raise ValueError("An invitation can only be tied to someone in the person's circle.")
    if not 1 <= days <= LONGEST_DAYS or not 1 <= uses <= MOST_USES:
        raise ValueError("Days or uses out of range.")
    token = new_token()
    invitation = Invitation.objects.create(
        owner_id=feedback.owner_id,
        round=feedback,
        label=label.strip(),
        person=person,
        link_hash=token_hash(token),
        code_secret=secrets.token_hex(32),
        expires_at=(now or timezone.now()) + timedelta(days=days),
        uses_allowed=uses,
    )
    return NewInvitation(invitation, token)


def withdraw(invitation: Invitation, now: datetime | None = None) -> None:
    if invitation.withdrawn_at is None:
        invitation.withdrawn_at = now or timezone.now()
        invitation.save(update_fields=["withdrawn_at"])


def is_open(invitation: Invitation, now: datetime) -> bool:
    """Whether the invitation still takes answers: not withdrawn, expired or used up, and
    its round not closed."""
    return (
        invitation.withdrawn_at is None
        and now < invitation.expires_at
        and invitation.uses < invitation.uses_allowed
        and invitation.round.closed_at is None
    )


def invitation_for_link(token: str, now: datetime | None = None) -> Invitation | None:
    """The open invitation a link's token opens; None for a token that opens nothing, an
    invitation withdrawn, expired or used up, or a closed round, all alike."""
    # The owner (for their time zone) is read only when an answer is kept.
    found = Invitation.objects.select_related("round").filter(link_hash=token_hash(token or ""))
    found = found.first()
    return found if found is not None and is_open(found, now or timezone.now()) else None


def _clean(text: str) -> str:
    # NUL is no character a person types, and PostgreSQL cannot keep it in text.
    return text.replace("\x00", "").strip()[: codes.ANSWER_MOST]


def _record(invitation: Invitation, words, valued: str, unseen: str, now: datetime, tag=""):
    """The answer kept, and the invitation's use counted, together, only while the
    invitation is still open (checked again in the same statement that counts the use). An
    anonymous round keeps neither the invitation nor the day with an answer; a named one
    keeps the day as it is where the person whose round it is lives."""
    feedback = invitation.round
    counted = Invitation.objects.filter(
        pk=invitation.pk,
        uses__lt=F("uses_allowed"),
        withdrawn_at__isnull=True,
        expires_at__gt=now,
        round__closed_at__isnull=True,
    )
    if not counted.update(uses=F("uses") + 1):
        raise codes.CodeProblem(_why_closed(invitation.pk, now))
    named = not feedback.anonymous
    return Answer.objects.create(
        owner_id=invitation.owner_id,
        round_id=invitation.round_id,
        invitation=invitation if named else None,
        answered_on=timezone.localdate(now, invitation.owner.zone) if named else None,
        words=list(chosen_words(words)),
        valued=_clean(valued),
        unseen=_clean(unseen),
        code_tag=tag,
    )


def _why_closed(invitation_id: int, now: datetime) -> str:
    """Why an invitation found open a moment ago no longer takes answers."""
    invitation = Invitation.objects.select_related("round").get(pk=invitation_id)
    if invitation.round.closed_at is not None:
        return ROUND_CLOSED
    if invitation.withdrawn_at is not None:
        return codes.WITHDRAWN
    if now >= invitation.expires_at:
        return codes.EXPIRED
    return codes.USED_UP


def answer_by_link(
    invitation: Invitation, *, words, valued: str = "", unseen: str = "", now=None
) -> Answer:
    """A respondent's answer through the link (its invitation found open just before); a
    WordsProblem for words that are not 5 or 6 of the list, a CodeProblem when the
    invitation was used up meanwhile."""
    chosen_words(words)
    with transaction.atomic():
        return _record(invitation, words, valued, unseen, now or timezone.now())


def answer_by_code(feedback: Round, text: str, now: datetime | None = None) -> Answer:
    """An answer pasted from an answer sheet's code into one of the person's rounds; a
    CodeProblem saying why, when it is not taken."""
    now = now or timezone.now()
    answer = codes.read_code(text)
    if feedback.closed_at is not None:
        raise codes.CodeProblem(ROUND_CLOSED)
    invitation = (
        Invitation.objects.select_related("round", "owner")
        .filter(owner_id=feedback.owner_id, pk=answer.invitation_id, round=feedback)
        .first()
    )
    if invitation is None:
        raise codes.CodeProblem(codes.NOT_THIS_ROUND)
    seen = Answer.objects.filter(round=feedback, code_tag=answer.tag.hex()).exists()
    codes.accept(
        answer,
        codes.Invitation(
            round_id=invitation.round_id,
            secret=bytes.fromhex(invitation.code_secret),
            withdrawn=invitation.withdrawn_at is not None,
            expires_at=invitation.expires_at,
            uses_left=invitation.uses_allowed - invitation.uses,
            tags_seen=frozenset([answer.tag] if seen else []),
        ),
        now,
    )
    try:
        with transaction.atomic():
            return _record(
                invitation, answer.words, answer.valued, answer.unseen, now, answer.tag.hex()
            )
    except IntegrityError:  # the same code pasted twice at once: the first counts
        raise codes.CodeProblem(codes.ALREADY_ADDED) from None


def close(feedback: Round, now: datetime | None = None) -> None:
    feedback.closed_at = now or timezone.now()
    feedback.save(update_fields=["closed_at", "updated_at"])


def reopen(feedback: Round) -> None:
    feedback.closed_at = None
    feedback.save(update_fields=["closed_at", "updated_at"])


def window_of(feedback: Round) -> Window:
    answers = list(feedback.answers.values_list("words", flat=True))
    return johari_window(feedback.own_words, answers)
