"""Reading feedback rounds for the pages and the command line: the list with its open-area
sentence across rounds, and one round's result and invitations."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tending.circle.models import Person
from tending.core.date_format import format_date
from tending.core.dates import stored_day, stored_time
from tending.core.ownership import is_row_id
from tending.core.reads import Read, as_stored, read_together
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.window import (
    FEWEST_ANONYMOUS,
    Window,
    answers_shown,
    johari_window,
    result_shown,
    shuffled,
)


@dataclass(slots=True)
class RoundSummary:
    pk: int
    created_at: datetime
    anonymous: bool
    closed_at: datetime | None


@dataclass
class RoundRow:
    round: RoundSummary
    answers: int
    shown: bool  # whether its result can be seen
    open_words: int | None  # how many words are in its open area, when shown


def round_rows(user) -> list[RoundRow]:
    """The person's rounds, newest first, each with how many answered and its open area:
    the rounds and every answer's words in one round trip, as plain values."""
    round_rows_, word_rows = read_together(_rounds_reads(user.pk))
    words_by_round: dict[int, list[list[str]]] = {}
    for round_id, words in word_rows:
        words_by_round.setdefault(round_id, []).append(json.loads(words))
    return [
        round_row(
            RoundSummary(pk, stored_time(created_at), bool(anonymous), stored_time(closed_at)),
            json.loads(own_words),
            words_by_round.get(pk, []),
        )
        for pk, created_at, anonymous, closed_at, own_words in round_rows_
    ]


def round_row(summary: RoundSummary, own_words: list[str], answers: list[list[str]]) -> RoundRow:
    """A round as the list shows it, from its own words and every answer's words (the first
    that came first): how many answered, and its open area once its result can be seen."""
    shown = result_shown(summary.anonymous, len(answers))
    counted = answers[: answers_shown(summary.anonymous, len(answers))]
    open_words = len(johari_window(own_words, counted).open) if shown else None
    return RoundRow(summary, len(answers), shown, open_words)


def _rounds_reads(user_id: int) -> list[Read]:
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    rounds = (
        f"SELECT {column(Round, 'id')}, {as_stored(column(Round, 'created_at'))}, "
        f"{column(Round, 'anonymous')}, {as_stored(column(Round, 'closed_at'))}, "
        f"CAST({column(Round, 'own_words')} AS TEXT) FROM {quote(Round._meta.db_table)} "
        f"WHERE {column(Round, 'owner')} = %s "
        f"ORDER BY {column(Round, 'created_at')} DESC, {column(Round, 'id')} DESC"
    )
    words = (
        f"SELECT {column(Answer, 'round')}, CAST({column(Answer, 'words')} AS TEXT) "
        f"FROM {quote(Answer._meta.db_table)} WHERE {column(Answer, 'owner')} = %s "
        f"ORDER BY {column(Answer, 'id')}"  # the first that came first: see answers_shown
    )
    return [(rounds, [user_id]), (words, [user_id])]


def open_area_change(rows: list[RoundRow]) -> str:
    """The newest shown round's open area, and how it changed since the one before."""
    shown = [row for row in rows if row.shown]
    if not shown:
        return ""
    now = shown[0].open_words or 0
    if len(shown) == 1:
        return ngettext(
            "%(num)d word others see that you see too.",
            "%(num)d words others see that you see too.",
            now,
        ) % {"num": now}
    before = shown[1].open_words or 0
    month = format_date(timezone.localtime(shown[1].round.created_at).date(), "F Y")
    said = {"num": now, "before": before, "month": month}
    if now == before:
        return (
            ngettext(
                "%(num)d word others see that you see too, as in %(month)s.",
                "%(num)d words others see that you see too, as in %(month)s.",
                now,
            )
            % said
        )
    if now > before:
        return (
            ngettext(
                "%(num)d word others see that you see too, up from %(before)d in %(month)s.",
                "%(num)d words others see that you see too, up from %(before)d in %(month)s.",
                now,
            )
            % said
        )
    return (
        ngettext(
            "%(num)d word others see that you see too, down from %(before)d in %(month)s.",
            "%(num)d words others see that you see too, down from %(before)d in %(month)s.",
            now,
        )
        % said
    )


@dataclass(slots=True)
class InvitationRow:
    pk: int
    label: str
    person_name: str | None
    expires_at: datetime
    uses_allowed: int
    uses: int
    withdrawn_at: datetime | None
    state: str = ""  # "open", "withdrawn", "expired", "used up" or "closed"
    is_open: bool = False


def invitation_state(invitation, round_closed: bool, now: datetime) -> str:
    if invitation.withdrawn_at is not None:
        return "withdrawn"
    if now >= invitation.expires_at:
        return "expired"
    if invitation.uses >= invitation.uses_allowed:
        return "used up"
    if round_closed:
        return "closed"
    return "open"


@dataclass(slots=True)
class AnswerRow:
    pk: int
    invitation_id: int | None
    answered_on: object
    words: list[str]
    valued: str
    unseen: str


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
    still_needed: int  # answers still needed before an anonymous round's result (next) grows
    valued: list[str] = field(default_factory=list)  # an anonymous round's, shuffled
    unseen: list[str] = field(default_factory=list)
    named: list[NamedAnswer] = field(default_factory=list)  # a named round's, newest first
    can_reopen: bool = False


def round_page(feedback: Round, now: datetime | None = None) -> RoundPage:
    """One round's links and answers, read as plain values in one round trip: a round may
    hold fifty answers, and each made into a model cost more than the page's rendering."""
    link_rows, answer_rows = read_together(_round_reads(feedback.pk, feedback.owner_id))
    return _page(feedback, link_rows, answer_rows, now or timezone.now())


ROUND_FIELDS = ("id", "owner", "display_name", "message", "own_words", "anonymous",
                "closed_at", "shuffle_key", "created_at", "updated_at")  # fmt: skip


def round_page_for(user, round_id) -> RoundPage | None:
    """The page of one of the person's rounds, the round read with its links and answers in
    the same round trip; None when they have no such round."""
    if not is_row_id(round_id):  # beyond a 64-bit integer, SQLite would refuse it
        return None
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        found = quote(Round._meta.get_field(name).column)
        if name in ("created_at", "updated_at", "closed_at"):
            return as_stored(found)
        return f"CAST({found} AS TEXT)" if name == "own_words" else found

    round_read = (
        f"SELECT {', '.join(column(name) for name in ROUND_FIELDS)} "
        f"FROM {quote(Round._meta.db_table)} "
        f"WHERE {column('id')} = %s AND {column('owner')} = %s",
        [round_id, user.pk],
    )
    found, link_rows, answer_rows = read_together([round_read, *_round_reads(round_id, user.pk)])
    if not found:
        return None
    values = dict(zip(ROUND_FIELDS, found[0], strict=True))
    feedback = Round(
        id=values["id"],
        owner_id=values["owner"],
        display_name=values["display_name"],
        message=values["message"],
        own_words=json.loads(values["own_words"]),
        anonymous=bool(values["anonymous"]),
        closed_at=stored_time(values["closed_at"]),
        shuffle_key=values["shuffle_key"],
        created_at=stored_time(values["created_at"]),
        updated_at=stored_time(values["updated_at"]),
    )
    feedback._state.adding = False  # a stored row, as the ORM would have made it
    return _page(feedback, link_rows, answer_rows, timezone.now())


def _page(feedback: Round, link_rows, answer_rows, now: datetime) -> RoundPage:
    closed = feedback.closed_at is not None
    invitations = []
    for pk, label, person_name, expires_at, uses_allowed, uses, withdrawn_at in link_rows:
        row = InvitationRow(
            pk, label, person_name, stored_time(expires_at), uses_allowed, uses,
            stored_time(withdrawn_at),
        )  # fmt: skip
        row.state = invitation_state(row, closed, now)
        row.is_open = row.state == "open"
        invitations.append(row)
    every = [
        AnswerRow(pk, invitation_id, stored_day(day), json.loads(words), valued, unseen)
        for pk, invitation_id, day, words, valued, unseen in answer_rows
    ]
    shown = result_shown(feedback.anonymous, len(every))
    # The first that came, in whole groups for an anonymous round (window.answers_shown).
    first_come = sorted(every, key=lambda a: a.pk)
    answers = first_come[: answers_shown(feedback.anonymous, len(every))]
    page = RoundPage(
        round=feedback,
        invitations=invitations,
        answers=len(every),
        shown=shown,
        window=johari_window(feedback.own_words, [a.words for a in answers]) if shown else None,
        still_needed=_still_needed(feedback.anonymous, len(every)),
        # A closed round opens again while one of its links could still be answered.
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
        someone = _("Someone")  # an answer kept without its link
        page.named = [
            NamedAnswer(
                labels.get(a.invitation_id, someone), a.answered_on, a.words, a.valued, a.unseen
            )
            for a in every  # newest first
        ]
    return page


def _still_needed(anonymous: bool, answers: int) -> int:
    """Answers still to come before an anonymous round's result shows, or next grows."""
    if not anonymous:
        return 0
    if answers < FEWEST_ANONYMOUS:
        return FEWEST_ANONYMOUS - answers
    return -answers % FEWEST_ANONYMOUS


def _round_reads(round_id: int, owner_id: int) -> list[Read]:
    quote = connection.ops.quote_name

    def column(model, name: str, alias: str) -> str:
        return f"{alias}.{quote(model._meta.get_field(name).column)}"

    def table(model) -> str:
        return quote(model._meta.db_table)

    def link(name: str) -> str:
        return column(Invitation, name, "i")

    def answer(name: str) -> str:
        return column(Answer, name, "a")

    links = (
        f"SELECT {link('id')}, {link('label')}, {column(Person, 'name', 'p')}, "
        f"{as_stored(link('expires_at'))}, {link('uses_allowed')}, {link('uses')}, "
        f"{as_stored(link('withdrawn_at'))} "
        f"FROM {table(Invitation)} i LEFT JOIN {table(Person)} p "
        f"ON p.{quote('id')} = {link('person')} "
        f"WHERE {link('round')} = %s AND {link('owner')} = %s "
        f"ORDER BY {link('created_at')} DESC, {link('id')} DESC"
    )
    answers = (
        f"SELECT {answer('id')}, {answer('invitation')}, {as_stored(answer('answered_on'))}, "
        f"CAST({answer('words')} AS TEXT), {answer('valued')}, {answer('unseen')} "
        f"FROM {table(Answer)} a WHERE {answer('round')} = %s AND {answer('owner')} = %s "
        f"ORDER BY {answer('answered_on')} DESC, {answer('id')} DESC"
    )
    params = [round_id, owner_id]
    return [(links, params), (answers, params)]
