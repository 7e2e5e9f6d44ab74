"""Reading feedback rounds for the pages and the command line: the list with its open-area
sentence across rounds, and one round's result and invitations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from tending.core.date_format import format_date
from tending.core.ownership import owned
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.window import (
    FEWEST_ANONYMOUS,
    Window,
    johari_window,
    open_area_words,
    result_shown,
    shuffled,
)


@dataclass
class RoundRow:
    round: Round
    answers: int
    shown: bool  # whether its result can be seen
    open_words: int | None  # how many words are in its open area, when shown


def round_rows(user) -> list[RoundRow]:
    """The person's rounds, newest first, each with how many answered and its open area."""
    rounds = list(
        owned(Round, user).annotate(answer_count=Count("answers")).order_by("-created_at", "-pk")
    )
    shown_ids = [r.pk for r in rounds if result_shown(r.anonymous, r.answer_count)]
    words_by_round: dict[int, list[list[str]]] = {pk: [] for pk in shown_ids}
    for round_id, words in (
        owned(Answer, user).filter(round_id__in=shown_ids).values_list("round_id", "words")
    ):
        words_by_round[round_id].append(words)
    rows = []
    for feedback in rounds:
        shown = feedback.pk in words_by_round
        open_words = None
        if shown:
            open_words = len(johari_window(feedback.own_words, words_by_round[feedback.pk]).open)
        rows.append(RoundRow(feedback, feedback.answer_count, shown, open_words))
    return rows


def open_area_change(rows: list[RoundRow]) -> str:
    """The newest shown round's open area, and how it changed since the one before."""
    shown = [row for row in rows if row.shown]
    if not shown:
        return ""
    newest = shown[0]
    if len(shown) == 1:
        return open_area_words(newest.open_words)
    before = shown[1]
    when = "in " + format_date(timezone.localtime(before.round.created_at).date(), "F Y")
    return open_area_words(newest.open_words, before.open_words, when)


@dataclass
class InvitationRow:
    invitation: Invitation
    state: str  # "open", "withdrawn", "expired", "used up" or "closed"
    is_open: bool


def invitation_state(invitation: Invitation, round_closed: bool, now: datetime) -> str:
    if invitation.withdrawn_at is not None:
        return "withdrawn"
    if now >= invitation.expires_at:
        return "expired"
    if invitation.uses >= invitation.uses_allowed:
        return "used up"
    if round_closed:
        return "closed"
    return "open"


@dataclass
class NamedAnswer:
    label: str
    answered_on: object
    words: list[str]
    valued: str
    unseen: str


@dataclass
class RoundPage:
    round: Round
    invitations: list[InvitationRow]
    answers: int
    shown: bool
    window: Window | None
    still_needed: int  # answers still needed before an anonymous round's result shows
    valued: list[str] = field(default_factory=list)  # an anonymous round's, shuffled
    unseen: list[str] = field(default_factory=list)
    named: list[NamedAnswer] = field(default_factory=list)  # a named round's, newest first
    can_reopen: bool = False


def round_page(feedback: Round, now: datetime | None = None) -> RoundPage:
    now = now or timezone.now()
    closed = feedback.closed_at is not None
    invitations = list(feedback.invitations.select_related("person").order_by("-created_at"))
    rows = [
        InvitationRow(i, state := invitation_state(i, closed, now), state == "open")
        for i in invitations
    ]
    answers = list(feedback.answers.order_by("-answered_on", "-pk"))
    shown = result_shown(feedback.anonymous, len(answers))
    page = RoundPage(
        round=feedback,
        invitations=rows,
        answers=len(answers),
        shown=shown,
        window=johari_window(feedback.own_words, [a.words for a in answers]) if shown else None,
        still_needed=max(0, FEWEST_ANONYMOUS - len(answers)) if feedback.anonymous else 0,
        # A closed round opens again while one of its invitations could still be answered.
        can_reopen=closed
        and any(i.withdrawn_at is None and now < i.expires_at for i in invitations),
    )
    if not shown:
        return page
    if feedback.anonymous:
        key = bytes.fromhex(feedback.shuffle_key)
        page.valued = shuffled([a.valued for a in answers if a.valued], key)
        page.unseen = shuffled([a.unseen for a in answers if a.unseen], key)
    else:
        labels = {i.pk: i.label for i in invitations}
        page.named = [
            NamedAnswer(
                labels.get(a.invitation_id, "Someone"), a.answered_on, a.words, a.valued, a.unseen
            )
            for a in answers
        ]
    return page
