"""The Mirror: feedback rounds with their Johari window, and the private links that invite
people to answer (each link's secret shown once, when it is made, never again)."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    PageQuery,
    Problem,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.mirror import services
from tending.mirror.forms import InvitationForm, RoundForm
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.queries import (
    RoundPage,
    RoundSummary,
    invitation_state,
    round_page,
    round_page_for,
    round_row,
)

router = Router(tags=["mirror"])

InvitationState = Literal["open", "withdrawn", "expired", "used up", "closed"]
INVITE_ERRORS = {**WRITE_ERRORS, 409: Problem}
CLOSED = "This round is closed. Open it again to invite more people."


class RoundListed(Shown):
    id: int
    display_name: str
    anonymous: bool
    closed_at: datetime | None
    created_at: datetime
    answers: int = Field(description="How many people answered.")
    shown: bool = Field(description="Whether its result can be seen yet.")
    open_words: int | None = Field(description="Words in its open area, once it can be seen.")


class RoundList(Shown):
    items: list[RoundListed]
    next: str | None


class CountedWord(Shown):
    word: str
    people: int = Field(description="How many people picked it.")


class Window(Shown):
    open: list[CountedWord] = Field(description="Words you and others picked.")
    blind: list[CountedWord] = Field(description="Words only others picked.")
    hidden: list[str] = Field(description="Words only you picked.")
    unknown: list[str] = Field(description="Words nobody picked.")
    answers: int = Field(description="How many answers it is made from.")


class NamedAnswer(Shown):
    label: str = Field(description="The name you gave the link it came through.")
    answered_on: date | None
    words: list[str]
    valued: str
    unseen: str


class RoundOut(Shown):
    # Worked out from the answers and the clock: they change without the round being written.
    DERIVED: ClassVar[frozenset[str]] = frozenset(
        {"answers", "shown", "still_needed", "window", "valued", "unseen", "named", "can_reopen"}
    )

    id: int
    display_name: str
    message: str
    own_words: list[str]
    anonymous: bool
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    answers: int = Field(description="How many people answered.")
    shown: bool = Field(
        description="Whether the result can be seen: a named round's from its first answer, "
        "an anonymous round's from three on."
    )
    still_needed: int = Field(
        description="Answers still to come before an anonymous round's result shows, or grows "
        "(three at a time, so that no one answer can be told apart)."
    )
    window: Window | None = Field(description="The Johari window, once it can be seen.")
    valued: list[str] = Field(description="An anonymous round's, in no particular order.")
    unseen: list[str] = Field(description="An anonymous round's, in no particular order.")
    named: list[NamedAnswer] = Field(description="A named round's answers, newest first.")
    can_reopen: bool


class RoundIn(Schema):
    display_name: str = Field(description="Your name as the people you ask know you (60 at most).")
    message: str = Field("", description="A short message to them (1000 characters at most).")
    words: list[str] = Field(description="5 or 6 words of the Mirror's list that describe you.")
    anonymous: bool = Field(
        True, description="Anonymous: answers pooled, shown from three on. Otherwise named."
    )


class RoundChange(Schema):
    closed: bool = Field(description="true closes the round (its links take no more answers).")


class InvitationOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"state", "is_open"})

    id: int
    round_id: int
    label: str
    person_id: int | None
    person_name: str | None
    expires_at: datetime
    uses_allowed: int
    uses: int = Field(description="How many answered through it.")
    withdrawn_at: datetime | None
    created_at: datetime
    state: InvitationState
    is_open: bool


class NewInvitationOut(InvitationOut):
    link: str = Field(
        description="The private link, shown this once: tending keeps only a fingerprint of it."
    )


class InvitationList(Shown):
    items: list[InvitationOut]
    next: str | None


class InvitationIn(Schema):
    label: str = Field(description="Who it is for, for you only: “Sam”, “work friends”.")
    person_id: int | None = Field(None, description="Someone in your circle, if you like.")
    days: int = Field(services.DEFAULT_DAYS, description="Open for 1-90 days.")
    uses: int = Field(1, description="How many people may answer through it (1-50).")


def _round_out(page: RoundPage) -> RoundOut:
    feedback, window = page.round, page.window
    return RoundOut(
        id=feedback.pk,
        display_name=feedback.display_name,
        message=feedback.message,
        own_words=list(feedback.own_words),
        anonymous=feedback.anonymous,
        closed_at=feedback.closed_at,
        created_at=feedback.created_at,
        updated_at=feedback.updated_at,
        answers=page.answers,
        shown=page.shown,
        still_needed=page.still_needed,
        window=None
        if window is None
        else Window(
            open=[CountedWord(word=w, people=n) for w, n in window.open],
            blind=[CountedWord(word=w, people=n) for w, n in window.blind],
            hidden=list(window.hidden),
            unknown=list(window.unknown),
            answers=window.answers,
        ),
        valued=page.valued,
        unseen=page.unseen,
        named=[NamedAnswer.model_validate(answer) for answer in page.named],
        can_reopen=page.can_reopen,
    )


def _invitation_out(invitation: Invitation, now: datetime | None = None) -> InvitationOut:
    now = now or timezone.now()
    state = invitation_state(invitation, invitation.round.closed_at is not None, now)
    person = invitation.person
    return InvitationOut(
        id=invitation.pk,
        round_id=invitation.round_id,
        label=invitation.label,
        person_id=invitation.person_id,
        person_name=person.name if person is not None else None,
        expires_at=invitation.expires_at,
        uses_allowed=invitation.uses_allowed,
        uses=invitation.uses,
        withdrawn_at=invitation.withdrawn_at,
        created_at=invitation.created_at,
        state=state,
        is_open=state == "open",
    )


@router.get("/mirror/rounds", response={200: RoundList, **READ_ERRORS})
def list_rounds(request: HttpRequest, page: Query[PageQuery]):
    """The person's rounds, newest first, each with how many answered and its open area."""
    rounds = owned(Round, request.user).only(
        "id", "owner_id", "display_name", "anonymous", "closed_at", "created_at", "own_words"
    )
    rows, after = one_page(rounds, ("-created_at", "-id"), page.cursor, page.limit)
    words: dict[int, list[list[str]]] = {row.pk: [] for row in rows}
    answers = owned(Answer, request.user).filter(round_id__in=list(words)).order_by("id")
    for round_id, picked in answers.values_list("round_id", "words"):
        words[round_id].append(picked)  # the first that came first: see answers_shown
    items = []
    for feedback in rows:
        summary = RoundSummary(
            feedback.pk, feedback.created_at, feedback.anonymous, feedback.closed_at
        )
        row = round_row(summary, feedback.own_words, words[feedback.pk])
        items.append(
            RoundListed(
                id=feedback.pk,
                display_name=feedback.display_name,
                anonymous=feedback.anonymous,
                closed_at=feedback.closed_at,
                created_at=feedback.created_at,
                answers=row.answers,
                shown=row.shown,
                open_words=row.open_words,
            )
        )
    return {"items": items, "next": after}


@router.post("/mirror/rounds", response={201: RoundOut, **WRITE_ERRORS})
def open_round(request: HttpRequest, response: HttpResponse, body: RoundIn):
    """Open a round with your own 5 or 6 words; then invite people to it."""
    changes = body.model_dump()
    changes["anonymous"] = "1" if changes["anonymous"] else "0"  # the form's two choices
    form = valid_or_422(bound_form(RoundForm, changes, partial=False))
    feedback = services.open_round(request.user, **form.cleaned_data)
    return Status(201, with_etag(response, _round_out(round_page(feedback))))


def _page_or_404(user, round_id: int) -> RoundPage:
    page = round_page_for(user, round_id)
    if page is None:
        raise Http404("No round here.")
    return page


@router.get("/mirror/rounds/{round_id}", response={200: RoundOut, **READ_ERRORS})
def get_round(request: HttpRequest, response: HttpResponse, round_id: int):
    """A round with its result as its page shows it: the Johari window once enough people
    answered, and their own words (an anonymous round's pooled, in no particular order)."""
    return with_etag(response, _round_out(_page_or_404(request.user, round_id)))


def _locked_round(request: HttpRequest, round_id: int) -> Round:
    feedback = one_or_404(owned(Round, request.user).select_for_update(), pk=round_id)
    check_if_match(request, etag_of(_round_out(round_page(feedback))))
    return feedback


@router.patch("/mirror/rounds/{round_id}", response={200: RoundOut, **WRITE_ERRORS})
def change_round(request: HttpRequest, response: HttpResponse, round_id: int, body: RoundChange):
    """Close a round (its links take no more answers), or open it again."""
    with transaction.atomic():
        feedback = _locked_round(request, round_id)
        if body.closed and feedback.closed_at is None:
            services.close(feedback)
        elif not body.closed and feedback.closed_at is not None:
            services.reopen(feedback)
    return with_etag(response, _round_out(round_page(feedback)))


@router.delete("/mirror/rounds/{round_id}", response={204: None, **WRITE_ERRORS})
def delete_round(request: HttpRequest, round_id: int):
    """Delete a round with its links and every answer."""
    with transaction.atomic():
        _locked_round(request, round_id).delete()
    return Status(204, None)


@router.get("/mirror/rounds/{round_id}/invitations", response={200: InvitationList, **READ_ERRORS})
def list_invitations(request: HttpRequest, round_id: int, page: Query[PageQuery]):
    """A round's links, newest first: who each is for, until when, how many answered. The
    links themselves are not kept, so they cannot be shown again."""
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    links = owned(Invitation, request.user).filter(round=feedback).select_related("person")
    rows, after = one_page(links, ("-created_at", "-id"), page.cursor, page.limit)
    now = timezone.now()
    items = []
    for invitation in rows:
        invitation.round = feedback  # the same round for all: not read again for each
        items.append(_invitation_out(invitation, now))
    return {"items": items, "next": after}


@router.post(
    "/mirror/rounds/{round_id}/invitations", response={201: NewInvitationOut, **INVITE_ERRORS}
)
def invite(request: HttpRequest, response: HttpResponse, round_id: int, body: InvitationIn):
    """Make a private link for someone to answer through. The answer holds the link this
    once: keep it now, or withdraw this one and make another."""
    feedback = get_owned_or_404(Round, request.user, pk=round_id)
    if feedback.closed_at is not None:
        raise HttpError(409, CLOSED)
    changes = body.model_dump()
    changes["person"] = changes.pop("person_id")
    form = bound_form(InvitationForm, changes, partial=False, user=request.user)
    made = services.invite(feedback, **valid_or_422(form, {"person": "person_id"}).cleaned_data)
    link = request.build_absolute_uri(reverse("mirror:respond", args=[made.token]))
    shown = _invitation_out(made.invitation)
    response["Cache-Control"] = "no-store"  # the link is shown this once
    out = NewInvitationOut(**shown.model_dump(), link=link)
    response["ETag"] = etag_of(shown)
    return Status(201, out)


def _owned_invitation(request: HttpRequest, round_id: int, invitation_id: int) -> Invitation:
    return one_or_404(
        owned(Invitation, request.user).select_related("round", "person"),
        pk=invitation_id,
        round_id=round_id,
    )


@router.get(
    "/mirror/rounds/{round_id}/invitations/{invitation_id}",
    response={200: InvitationOut, **READ_ERRORS},
)
def get_invitation(request: HttpRequest, response: HttpResponse, round_id: int, invitation_id: int):
    invitation = _owned_invitation(request, round_id, invitation_id)
    return with_etag(response, _invitation_out(invitation))


@router.post(
    "/mirror/rounds/{round_id}/invitations/{invitation_id}/withdraw",
    response={200: InvitationOut, **WRITE_ERRORS},
)
def withdraw(request: HttpRequest, response: HttpResponse, round_id: int, invitation_id: int):
    """The link stops working at once; the answers it brought stay."""
    with transaction.atomic():
        invitation = _owned_invitation(request, round_id, invitation_id)
        check_if_match(request, etag_of(_invitation_out(invitation)))
        services.withdraw(invitation)
    return with_etag(response, _invitation_out(invitation))
