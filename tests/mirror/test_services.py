"""Feedback rounds kept: invitations by link and by answer code, each counted once, the
anonymous ones without time or invitation, nothing reaching another person's round."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import F

from tending.mirror import codes, services
from tending.mirror.models import Answer, Invitation
from tending.mirror.words import WordsProblem
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)
MINE = ["calm", "kind", "shy", "warm", "wise"]
THEIRS = ["kind", "wise", "witty", "bold", "able"]


def a_round(user, anonymous=True):
    return services.open_round(
        user, display_name=" Ada ", message=" Be honest. ", words=MINE, anonymous=anonymous
    )


def sheet_code(made: services.NewInvitation, words=THEIRS, nonce=b"\x01" * 8, **more) -> str:
    invitation = made.invitation
    return codes.make_code(
        bytes.fromhex(invitation.code_secret), invitation.round_id, invitation.pk, tuple(words),
        nonce, more.get("valued", "You listen."), more.get("unseen", ""),
    )  # fmt: skip


def test_a_round_keeps_five_or_six_words_in_the_lists_order(owner):
    feedback = a_round(owner)
    assert (feedback.display_name, feedback.message) == ("Ada", "Be honest.")
    assert feedback.own_words == sorted(MINE) and len(feedback.shuffle_key) == 32
    with pytest.raises(WordsProblem):
        services.open_round(owner, display_name="A", message="", words=MINE[:4], anonymous=True)


def test_an_invitations_link_is_kept_only_as_its_hash(owner):
    made = services.invite(a_round(owner), label="Sam", now=NOW)
    invitation = made.invitation
    assert made.token not in (invitation.link_hash, invitation.code_secret)
    assert len(made.token) >= 43 and invitation.expires_at == NOW + timedelta(days=14)
    assert services.invitation_for_link(made.token, NOW) == invitation
    assert services.invitation_for_link(made.token + "x", NOW) is None
    assert services.invitation_for_link("", NOW) is None


def test_a_link_that_is_withdrawn_expired_used_up_or_of_a_closed_round_opens_nothing(owner):
    feedback = a_round(owner)
    made = [services.invite(feedback, label=f"P{n}", now=NOW) for n in range(4)]
    services.withdraw(made[0].invitation, NOW)
    Invitation.objects.filter(pk=made[1].invitation.pk).update(expires_at=NOW)
    Invitation.objects.filter(pk=made[2].invitation.pk).update(uses=F("uses_allowed"))
    for gone in made[:3]:
        assert services.invitation_for_link(gone.token, NOW) is None
    assert services.invitation_for_link(made[3].token, NOW) is not None
    services.close(feedback, NOW)
    assert services.invitation_for_link(made[3].token, NOW) is None
    services.reopen(feedback)
    assert services.invitation_for_link(made[3].token, NOW) is not None


def test_an_anonymous_answer_keeps_no_time_and_no_invitation(owner):
    made = services.invite(a_round(owner), label="Sam", uses=2, now=NOW)
    answer = services.answer_by_link(made.invitation, words=THEIRS, valued=" Kind. ", now=NOW)
    assert (answer.invitation, answer.answered_on, answer.valued) == (None, None, "Kind.")
    assert answer.owner_id == owner.pk and answer.words == sorted(THEIRS)
    made.invitation.refresh_from_db()
    assert made.invitation.uses == 1


def test_a_named_answer_keeps_its_invitation_and_day(owner):
    made = services.invite(a_round(owner, anonymous=False), label="Sam", now=NOW)
    answer = services.answer_by_link(made.invitation, words=THEIRS, now=NOW)
    assert answer.invitation == made.invitation and answer.answered_on == NOW.date()


def test_a_link_used_as_often_as_it_allows_takes_no_more(owner):
    made = services.invite(a_round(owner), label="Sam", uses=1, now=NOW)
    services.answer_by_link(made.invitation, words=THEIRS, now=NOW)
    with pytest.raises(codes.CodeProblem, match="as many times as it allows"):
        services.answer_by_link(made.invitation, words=THEIRS, now=NOW)
    assert Answer.objects.count() == 1
    with pytest.raises(WordsProblem):  # checked before anything is counted
        services.answer_by_link(made.invitation, words=THEIRS[:3], now=NOW)


def test_an_answer_code_is_added_once_to_its_own_round(owner):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam", uses=3, now=NOW)
    answer = services.answer_by_code(feedback, sheet_code(made), NOW)
    assert answer.words == sorted(THEIRS) and answer.valued == "You listen."
    assert len(answer.code_tag) == 32 and answer.invitation is None
    with pytest.raises(codes.CodeProblem, match="already added"):
        services.answer_by_code(feedback, sheet_code(made), NOW)
    second = services.answer_by_code(feedback, sheet_code(made, nonce=b"\x02" * 8), NOW)
    assert second.pk != answer.pk
    another_round = a_round(owner)
    with pytest.raises(codes.CodeProblem, match="doesn't belong"):
        services.answer_by_code(another_round, sheet_code(made, nonce=b"\x03" * 8), NOW)


def test_a_code_for_another_persons_invitation_is_never_added(owner, other):
    mine, theirs = a_round(owner), a_round(other)
    their_invitation = services.invite(theirs, label="X", now=NOW)
    with pytest.raises(codes.CodeProblem, match="doesn't belong"):
        services.answer_by_code(mine, sheet_code(their_invitation), NOW)
    assert not Answer.objects.exists()


def test_a_code_for_a_withdrawn_or_expired_invitation_or_a_closed_round_is_refused(owner):
    feedback = a_round(owner)
    withdrawn = services.invite(feedback, label="W", now=NOW)
    services.withdraw(withdrawn.invitation, NOW)
    with pytest.raises(codes.CodeProblem, match="withdrawn"):
        services.answer_by_code(feedback, sheet_code(withdrawn), NOW)
    later = services.invite(feedback, label="L", days=1, now=NOW)
    with pytest.raises(codes.CodeProblem, match="expired"):
        services.answer_by_code(feedback, sheet_code(later), NOW + timedelta(days=1))
    services.close(feedback, NOW)
    with pytest.raises(codes.CodeProblem, match="closed"):
        services.answer_by_code(feedback, sheet_code(later), NOW)
    assert not Answer.objects.exists()


def test_an_invitation_is_tied_only_to_someone_in_the_persons_circle(owner, other):
    feedback = a_round(owner)
    assert services.invite(feedback, label="Sam", person=PersonFactory(owner=owner)).invitation
    with pytest.raises(ValueError, match="circle"):
        services.invite(feedback, label="X", person=PersonFactory(owner=other))
    for days, uses in ((0, 1), (91, 1), (14, 0), (14, 51)):
        with pytest.raises(ValueError):
            services.invite(feedback, label="X", days=days, uses=uses)


def test_the_window_counts_each_answer(owner):
    feedback = a_round(owner)
    made = services.invite(feedback, label="All", uses=3, now=NOW)
    for words in (THEIRS, ["kind", "calm", "bold", "able", "brave"]):
        services.answer_by_link(made.invitation, words=words, now=NOW)
    window = services.window_of(feedback)
    assert window.open == (("kind", 2), ("calm", 1), ("wise", 1))
    assert window.blind == (("able", 2), ("bold", 2), ("brave", 1), ("witty", 1))
    assert window.hidden == ("shy", "warm") and window.answers == 2


def test_a_named_answer_is_dated_in_the_round_owners_zone_not_the_respondents(owner):
    from django.utils import timezone as tz

    owner.time_zone = "Pacific/Auckland"  # already the next day at 12:00 UTC
    owner.save()
    made = services.invite(a_round(owner, anonymous=False), label="Sam", now=NOW)
    found = services.invitation_for_link(made.token, NOW)
    with tz.override("America/Los_Angeles"):  # a stranger's request, in the server's own zone
        answer = services.answer_by_link(found, words=THEIRS, now=NOW)
    assert answer.answered_on == (NOW + timedelta(days=1)).date()


def test_an_invitation_withdrawn_after_it_was_found_takes_no_answer(owner):
    made = services.invite(a_round(owner), label="Sam", now=NOW)
    found = services.invitation_for_link(made.token, NOW)
    services.withdraw(made.invitation, NOW)
    with pytest.raises(codes.CodeProblem, match="withdrawn"):
        services.answer_by_link(found, words=THEIRS, now=NOW)
    services.close(found.round, NOW)
    with pytest.raises(codes.CodeProblem, match="closed"):
        services.answer_by_link(found, words=THEIRS, now=NOW)
    assert not Answer.objects.exists()
    found.refresh_from_db()
    assert found.uses == 0


def test_a_nul_in_an_answer_is_dropped_not_a_failure(owner):
    made = services.invite(a_round(owner), label="Sam", now=NOW)
    answer = services.answer_by_code(
        made.invitation.round, sheet_code(made, valued="a\x00b", unseen="\x00"), NOW
    )
    answer.refresh_from_db()
    assert (answer.valued, answer.unseen) == ("ab", "")
