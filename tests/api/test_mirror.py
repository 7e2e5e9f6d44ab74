"""The Mirror through the API: rounds opened by the web's form, the Johari window as the round's
page shows it (an anonymous round's three at a time), and links whose secret is shown once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tending.mirror import services
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.queries import round_rows
from tending.mirror.window import johari_window
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

MINE = ["calm", "kind", "shy", "warm", "wise"]
THEIRS = [
    ["able", "bold", "kind", "wise", "witty"],
    ["calm", "kind", "quiet", "wise", "witty"],
    ["bold", "brave", "kind", "tense", "wise"],
    ["able", "calm", "happy", "loving", "shy"],
]


def a_round(owner, anonymous=True, answers=0, **more) -> Round:
    feedback = services.open_round(
        owner, display_name="Ada", message="Be honest.", words=MINE, anonymous=anonymous
    )
    for n in range(answers):
        made = services.invite(feedback, label=f"Friend {n}")
        services.answer_by_link(
            made.invitation, words=THEIRS[n], valued=f"valued {n}", unseen=f"unseen {n}"
        )
    return feedback


def problems(answer) -> dict:
    assert answer.status_code == 422, answer.content
    return {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}


def test_open_a_round_read_close_and_delete_it(owner_api, owner):
    made = owner_api.post(
        "mirror/rounds",
        {"display_name": " Ada ", "message": "No wrong answers.", "words": MINE[::-1]},
    )
    assert made.status_code == 201, made.content
    feedback = made.json()
    assert feedback["display_name"] == "Ada" and feedback["own_words"] == MINE  # list order
    assert feedback["anonymous"] and not feedback["shown"] and feedback["window"] is None
    assert feedback["answers"] == 0 and feedback["still_needed"] == 3
    assert Round.objects.get(pk=feedback["id"]).owner == owner

    read = owner_api.get(f"mirror/rounds/{feedback['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]
    assert read.json() == feedback

    closed = owner_api.patch(
        f"mirror/rounds/{feedback['id']}", {"closed": True}, **{"If-Match": read["ETag"]}
    )
    assert closed.status_code == 200 and closed.json()["closed_at"] is not None
    late = owner_api.patch(
        f"mirror/rounds/{feedback['id']}", {"closed": False}, **{"If-Match": read["ETag"]}
    )
    assert late.status_code == 412
    assert Round.objects.get(pk=feedback["id"]).closed_at is not None
    assert (
        owner_api.delete(
            f"mirror/rounds/{feedback['id']}", **{"If-Match": read["ETag"]}
        ).status_code
        == 412
    )
    again = owner_api.patch(
        f"mirror/rounds/{feedback['id']}", {"closed": False}, **{"If-Match": closed["ETag"]}
    )
    assert again.status_code == 200 and again.json()["closed_at"] is None

    gone = owner_api.delete(f"mirror/rounds/{feedback['id']}", **{"If-Match": again["ETag"]})
    assert gone.status_code == 204 and not Round.objects.filter(pk=feedback["id"]).exists()


def test_a_round_needs_what_the_web_form_asks(owner_api, owner):
    said = problems(owner_api.post("mirror/rounds", {"display_name": "", "words": MINE[:4]}))
    assert said[("body", "words")] == "Please pick at least 5 words."
    assert ("body", "display_name") in said
    said = problems(
        owner_api.post("mirror/rounds", {"display_name": "A" * 61, "words": [*MINE, "nope"]})
    )
    assert said[("body", "words")] == "Please pick only words from the list."
    assert "60" in said[("body", "display_name")]
    assert not Round.objects.exists()


def test_a_named_rounds_window_and_answers_as_its_page_shows_them(owner_api, owner):
    feedback = a_round(owner, anonymous=False, answers=2)
    shown = owner_api.get(f"mirror/rounds/{feedback.pk}").json()
    assert shown["shown"] and shown["answers"] == 2 and shown["still_needed"] == 0
    expected = johari_window(MINE, THEIRS[:2])
    window = shown["window"]
    assert [(c["word"], c["people"]) for c in window["open"]] == list(expected.open)
    assert [(c["word"], c["people"]) for c in window["blind"]] == list(expected.blind)
    assert window["hidden"] == list(expected.hidden) == ["shy", "warm"]
    assert window["unknown"] == list(expected.unknown) and window["answers"] == 2
    assert window["open"][:2] == [{"word": "kind", "people": 2}, {"word": "wise", "people": 2}]
    assert [a["label"] for a in shown["named"]] == ["Friend 1", "Friend 0"]  # newest first
    assert shown["named"][0]["valued"] == "valued 1" and shown["valued"] == []


def test_an_anonymous_round_shows_nothing_before_three_and_grows_three_at_a_time(owner_api, owner):
    feedback = a_round(owner, answers=2)
    shown = owner_api.get(f"mirror/rounds/{feedback.pk}").json()
    assert not shown["shown"] and shown["window"] is None and shown["still_needed"] == 1
    assert shown["valued"] == shown["unseen"] == shown["named"] == [] and shown["answers"] == 2
    made = services.invite(feedback, label="Third")
    services.answer_by_link(made.invitation, words=THEIRS[2], valued="valued 2")
    made = services.invite(feedback, label="Fourth")
    services.answer_by_link(made.invitation, words=THEIRS[3], valued="valued 3")
    shown = owner_api.get(f"mirror/rounds/{feedback.pk}").json()
    assert shown["answers"] == 4 and shown["window"]["answers"] == 3
    assert shown["still_needed"] == 2
    # The fourth answer is not in the result, its words nor its text.
    assert {c["word"] for c in shown["window"]["blind"]}.isdisjoint({"happy", "loving"})
    assert sorted(shown["valued"]) == ["valued 0", "valued 1", "valued 2"]
    assert shown["named"] == []
    body = owner_api.get(f"mirror/rounds/{feedback.pk}").content.decode()
    assert "Friend" not in body and "answered_on" not in body.replace('"named":[]', "")


def test_rounds_newest_first_in_pages_without_gaps(owner_api, owner):
    now = timezone.now()
    made = []
    for n in range(5):
        feedback = a_round(owner, anonymous=False, answers=n % 3)
        Round.objects.filter(pk=feedback.pk).update(created_at=now - timedelta(days=n // 2))
        made.append(feedback)
    expected = [
        r.pk for r in sorted(Round.objects.all(), key=lambda r: (r.created_at, r.pk), reverse=True)
    ]
    seen, cursor = [], None
    for _ in range(4):
        page = owner_api.get("mirror/rounds?limit=2" + (f"&cursor={cursor}" if cursor else ""))
        seen += page.json()["items"]
        cursor = page.json()["next"]
        if cursor is None:
            break
    assert [r["id"] for r in seen] == expected
    by_id = {r["id"]: r for r in seen}
    assert by_id[made[2].pk]["answers"] == 2 and by_id[made[2].pk]["open_words"] == 3
    assert by_id[made[0].pk]["answers"] == 0 and by_id[made[0].pk]["open_words"] is None
    # As the web's list of rounds says it.
    web = [(r.round.pk, r.answers, r.shown, r.open_words) for r in round_rows(owner)]
    assert web == [(r["id"], r["answers"], r["shown"], r["open_words"]) for r in seen]


def test_the_list_costs_the_same_queries_however_many_rounds(owner_api, owner):
    owner_api.get("mirror/rounds")  # the token's first use is noted once

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            assert owner_api.get("mirror/rounds").status_code == 200
        return len(seen)

    feedback = a_round(owner, answers=1)
    one = queries()
    invite_and_answer = [a_round(owner, answers=n) for n in range(1, 5)]
    assert queries() == one and len(invite_and_answer) == 4
    services.invite(feedback, label="More")
    url = f"mirror/rounds/{feedback.pk}/invitations"
    owner_api.get(url)
    with CaptureQueriesContext(connection) as few:
        owner_api.get(url)
    for n in range(4):
        services.invite(feedback, label=f"Another {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(owner_api.get(url).json()["items"]) == 6
    assert len(many) == len(few)


def test_a_private_link_is_shown_once_and_works(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    feedback = a_round(owner)
    made = owner_api.post(
        f"mirror/rounds/{feedback.pk}/invitations",
        {"label": " Sam ", "person_id": sam.pk, "days": 3, "uses": 2},
    )
    assert made.status_code == 201, made.content
    assert made["Cache-Control"] == "no-store"
    link = made.json()
    assert link["label"] == "Sam" and link["person_id"] == sam.pk and link["person_name"] == "Sam"
    assert link["state"] == "open" and link["uses_allowed"] == 2 and link["uses"] == 0
    token = link["link"].rsplit("/answer/", 1)[1].strip("/")
    invitation = services.invitation_for_link(token)
    assert invitation is not None and invitation.pk == link["id"]
    # The page a respondent opens is the link's.
    assert Client().get(link["link"]).status_code == 200

    listed = owner_api.get(f"mirror/rounds/{feedback.pk}/invitations")
    one = owner_api.get(f"mirror/rounds/{feedback.pk}/invitations/{link['id']}")
    assert one.status_code == 200 and one["ETag"] == made["ETag"]
    for answer in (listed, one, owner_api.get(f"mirror/rounds/{feedback.pk}")):
        text = answer.content.decode()
        assert token not in text and "link" not in answer.json()
        assert invitation.link_hash not in text and invitation.code_secret not in text
        assert feedback.shuffle_key not in text
    assert listed.json()["items"] == [{k: v for k, v in link.items() if k != "link"}]

    gone = owner_api.post(f"mirror/rounds/{feedback.pk}/invitations/{link['id']}/withdraw")
    assert gone.status_code == 200 and gone.json()["state"] == "withdrawn"
    assert services.invitation_for_link(token) is None


def test_an_invitation_needs_what_the_web_form_asks(owner_api, owner, other):
    feedback = a_round(owner)
    theirs = PersonFactory(owner=other, name="Theirs")
    url = f"mirror/rounds/{feedback.pk}/invitations"
    said = problems(owner_api.post(url, {"label": "", "person_id": theirs.pk, "days": 0}))
    assert said[("body", "person_id")] == "That person is not in your circle."
    assert said[("body", "days")] == "Please give 1 or more."
    assert ("body", "label") in said
    said = problems(owner_api.post(url, {"label": "Sam", "days": 91, "uses": 51}))
    assert said[("body", "days")] == "Please give 90 or less."
    assert said[("body", "uses")] == "Please give 50 or less."
    assert not Invitation.objects.exists()
    services.close(feedback)
    closed = owner_api.post(url, {"label": "Sam"})
    assert closed.status_code == 409
    assert closed.json()["detail"] == "This round is closed. Open it again to invite more people."
    assert not Invitation.objects.exists()


def test_another_account_meets_nothing(owner_api, other_api, owner):
    feedback = a_round(owner, anonymous=False, answers=1)
    invitation = Invitation.objects.get(round=feedback)
    assert other_api.get("mirror/rounds").json()["items"] == []
    base = f"mirror/rounds/{feedback.pk}"
    link = f"{base}/invitations/{invitation.pk}"
    for call in (
        lambda: other_api.get(base),
        lambda: other_api.patch(base, {"closed": True}),
        lambda: other_api.delete(base),
        lambda: other_api.get(f"{base}/invitations"),
        lambda: other_api.post(f"{base}/invitations", {"label": "Taken"}),
        lambda: other_api.get(link),
        lambda: other_api.post(f"{link}/withdraw"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Friend" not in answer.content.decode()
    feedback.refresh_from_db()
    invitation.refresh_from_db()
    assert feedback.closed_at is None and invitation.withdrawn_at is None
    assert Invitation.objects.count() == 1 and Answer.objects.count() == 1
    # A link of one of their own rounds is not reached through another round's address.
    mine = a_round(owner)
    assert owner_api.get(f"mirror/rounds/{mine.pk}/invitations/{invitation.pk}").status_code == 404
    assert reverse("mirror:round", args=[feedback.pk])  # the web's page of the same round
