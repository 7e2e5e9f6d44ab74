"""The person's Mirror pages: opening a round, inviting, the link shown once, the result's
panes and the anonymous threshold, answer codes pasted, closing and deleting."""

import re

import pytest
from django.urls import reverse

from tending.mirror import codes, services
from tending.mirror.models import Answer, Invitation, Round
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

MINE = ["calm", "kind", "shy", "warm", "wise"]


def a_round(user, anonymous=True, **more):
    return services.open_round(
        user, display_name="Ada", message=more.get("message", "Be honest."), words=MINE,
        anonymous=anonymous,
    )  # fmt: skip


def answer(feedback, words, valued="", unseen="", label="Sam"):
    made = services.invite(feedback, label=label)
    return services.answer_by_link(made.invitation, words=words, valued=valued, unseen=unseen)


def test_opening_a_round_keeps_the_name_message_words_and_anonymity(owner, owner_client):
    response = owner_client.post(
        reverse("mirror:round_new"),
        {"display_name": "Ada", "message": "Be honest", "words": MINE, "anonymous": "0"},
    )
    feedback = Round.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == reverse("mirror:invite", args=[feedback.pk])
    assert (feedback.display_name, feedback.anonymous, feedback.own_words) == ("Ada", False, MINE)


@pytest.mark.parametrize(
    ("words", "note"),
    [(MINE[:4], "at least 5"), (MINE + ["bold", "able"], "no more than 6"), ([], "at least 5")],
)
def test_too_few_or_too_many_words_say_so_next_to_the_words_and_keep_what_was_typed(
    owner_client, words, note
):
    response = owner_client.post(
        reverse("mirror:round_new"),
        {"display_name": "Ada", "message": "My message", "words": words, "anonymous": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 400 and not Round.objects.exists()
    assert note in html and "My message" in html and 'aria-describedby="id_words_error"' in html


def test_an_invitation_shows_its_link_once_and_the_link_opens_the_answer_page(
    owner, owner_client, anon_client
):
    feedback = a_round(owner)
    sam = PersonFactory(owner=owner, name="Sam Lee")
    response = owner_client.post(
        reverse("mirror:invite", args=[feedback.pk]),
        {"label": "Sam", "person": sam.pk, "days": "7", "uses": "2"},
    )
    link = re.search(r'value="(http://testserver/mirror/answer/[^"]+)"', response.content.decode())
    invitation = Invitation.objects.get(round=feedback)
    assert response["Cache-Control"] == "no-store" and link
    assert (invitation.label, invitation.person, invitation.uses_allowed) == ("Sam", sam, 2)
    token = link.group(1).rsplit("/", 2)[-2]
    assert (
        token not in owner_client.get(reverse("mirror:round", args=[feedback.pk])).content.decode()
    )
    page = anon_client.get(link.group(1))
    assert page.status_code == 200 and "A few words for" in page.content.decode()


def test_another_persons_circle_cannot_be_tied_to_an_invitation(owner, other, owner_client):
    feedback = a_round(owner)
    theirs = PersonFactory(owner=other)
    response = owner_client.post(
        reverse("mirror:invite", args=[feedback.pk]),
        {"label": "Sam", "person": theirs.pk, "days": "7", "uses": "1"},
    )
    assert response.status_code == 400 and not Invitation.objects.exists()
    assert "That person is not in your circle." in response.content.decode()


@pytest.mark.parametrize(("field", "value"), [("days", "0"), ("days", "91"), ("uses", "51")])
def test_days_and_uses_out_of_range_are_noted_at_the_field(owner, owner_client, field, value):
    feedback = a_round(owner)
    data = {"label": "Sam", "days": "14", "uses": "1", field: value}
    response = owner_client.post(reverse("mirror:invite", args=[feedback.pk]), data)
    assert response.status_code == 400 and not Invitation.objects.exists()
    assert f'id="id_{field}_error"' in response.content.decode()


def test_an_anonymous_round_shows_its_result_only_from_the_third_answer(owner, owner_client):
    feedback = a_round(owner)
    url = reverse("mirror:round", args=[feedback.pk])
    answer(feedback, ["kind", "bold", "able", "wise", "witty"], valued="Zebra words")
    answer(feedback, ["kind", "calm", "able", "loving", "witty"])
    html = owner_client.get(url).content.decode()
    assert "2 answers so far" in html and "1 more to go" in html
    assert "Blind spot" not in html and "Zebra words" not in html
    answer(feedback, ["kind", "calm", "happy", "loving", "witty"], unseen="Quokka words")
    html = owner_client.get(url).content.decode()
    assert "From 3 answers" in html and "Zebra words" in html and "Quokka words" in html
    open_pane = html.split('id="pane-open"')[1].split("</section>")[0]
    assert 'kind <span class="muted">3 of 3</span>' in open_pane
    assert 'calm <span class="muted">2 of 3</span>' in open_pane
    blind = html.split('id="pane-blind"')[1].split("</section>")[0]
    assert 'witty <span class="muted">3 of 3</span>' in blind and "kind" not in blind
    hidden = html.split('id="pane-hidden"')[1].split("</section>")[0]
    assert "shy" in hidden and "warm" in hidden and "kind" not in hidden
    assert "Sam" not in html.split('id="result"')[1].split("</section>")[0]


def test_an_anonymous_result_grows_three_answers_at_a_time(owner, owner_client):
    feedback = a_round(owner)
    url = reverse("mirror:round", args=[feedback.pk])
    for number in range(3):
        answer(feedback, ["kind", "bold", "able", "wise", "witty"], valued=f"First {number}")
    answer(feedback, ["calm", "happy", "loving", "patient", "quiet"], valued="The fourth")
    html = owner_client.get(url).content.decode()
    # The fourth is held back: seen against the result before it, it would be told apart.
    assert "From 3 answers." in html and "The fourth" not in html and "First 2" in html
    assert "1 more answer came in since" in html and "2 more, and they show" in html
    assert "patient" not in html.split('id="pane-blind"')[1].split("</section>")[0]
    for _ in range(2):
        answer(feedback, ["kind", "calm", "able", "wise", "witty"])
    html = owner_client.get(url).content.decode()
    assert "From 6 answers." in html and "The fourth" in html and 'id="waiting"' not in html
    row = owner_client.get(reverse("mirror:rounds")).content.decode()
    assert "6 answers" in row


def test_a_round_number_beyond_any_row_is_not_there(owner_client):
    for number in ("99999999999999999999", "9223372036854775808"):
        assert owner_client.get(f"/mirror/{number}/").status_code == 404


def test_a_named_round_shows_each_answer_with_its_label(owner, owner_client):
    feedback = a_round(owner, anonymous=False)
    answer(
        feedback, ["kind", "bold", "able", "wise", "witty"], valued="You <b>listen</b>", label="Kim"
    )
    html = owner_client.get(reverse("mirror:round", args=[feedback.pk])).content.decode()
    assert "From 1 answer." in html and "<bdi>Kim</bdi>" in html
    assert "You &lt;b&gt;listen&lt;/b&gt;" in html and "<b>listen" not in html


def test_a_pasted_answer_code_is_added_once_and_a_bad_one_is_noted(owner, owner_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam")
    code = codes.make_code(
        bytes.fromhex(made.invitation.code_secret), feedback.pk, made.invitation.pk,
        ("kind", "bold", "able", "wise", "witty"), b"\x02" * 8, "", "",
    )  # fmt: skip
    url = reverse("mirror:add_code", args=[feedback.pk])
    assert owner_client.post(url, {"code": code}).status_code == 302
    again = owner_client.post(url, {"code": code})
    assert again.status_code == 400 and codes.ALREADY_ADDED in again.content.decode()
    broken = owner_client.post(url, {"code": code[:-3] + "AAA"})
    assert broken.status_code == 400 and 'id="id_code_error"' in broken.content.decode()
    assert Answer.objects.filter(round=feedback).count() == 1


def test_the_answer_sheet_is_a_file_that_carries_its_invitation(owner, owner_client):
    feedback = a_round(owner, message="<script>alert(1)</script>")
    made = services.invite(feedback, label="Sam")
    response = owner_client.get(reverse("mirror:sheet", args=[feedback.pk, made.invitation.pk]))
    html = response.content.decode()
    assert response["Content-Disposition"].startswith("attachment;")
    assert made.invitation.code_secret in html and "<script>alert" not in html
    services.withdraw(made.invitation)
    gone = owner_client.get(reverse("mirror:sheet", args=[feedback.pk, made.invitation.pk]))
    assert gone.status_code == 302


def test_withdrawing_a_link_stops_it_and_says_so(owner, owner_client, anon_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam")
    owner_client.post(reverse("mirror:withdraw", args=[feedback.pk, made.invitation.pk]))
    assert Invitation.objects.get().withdrawn_at is not None
    assert anon_client.get(reverse("mirror:respond", args=[made.token])).status_code == 404


def test_closing_stops_every_link_and_reopening_brings_them_back(owner, owner_client, anon_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam")
    link = reverse("mirror:respond", args=[made.token])
    owner_client.post(reverse("mirror:close", args=[feedback.pk]))
    assert anon_client.get(link).status_code == 404
    html = owner_client.get(reverse("mirror:round", args=[feedback.pk])).content.decode()
    assert "Open it again" in html and "Invite someone" not in html
    assert owner_client.get(reverse("mirror:invite", args=[feedback.pk])).status_code == 302
    assert owner_client.get(reverse("mirror:add_code", args=[feedback.pk])).status_code == 302
    owner_client.post(reverse("mirror:reopen", args=[feedback.pk]))
    assert anon_client.get(link).status_code == 200


def test_deleting_a_round_asks_first_then_takes_its_answers_and_links(owner, owner_client):
    feedback = a_round(owner)
    answer(feedback, ["kind", "bold", "able", "wise", "witty"])
    url = reverse("mirror:round_delete", args=[feedback.pk])
    assert "1 answer and all its links" in owner_client.get(url).content.decode()
    assert Round.objects.exists()
    assert owner_client.post(url)["Location"] == reverse("mirror:rounds")
    assert not Round.objects.exists() and not Answer.objects.exists()
    assert not Invitation.objects.exists()


def test_the_list_says_how_the_open_area_changed_across_rounds(owner, owner_client):
    first = a_round(owner, anonymous=False)
    Round.objects.filter(pk=first.pk).update(created_at="2026-03-10T12:00:00Z")
    answer(first, ["kind", "bold", "able", "loving", "witty"])
    second = a_round(owner, anonymous=False)
    answer(second, ["kind", "calm", "shy", "wise", "witty"])
    html = owner_client.get(reverse("mirror:rounds")).content.decode()
    assert "4 words others see that you see too, up from 1 in March 2026." in html
    assert html.index(reverse("mirror:round", args=[second.pk])) < html.index(
        reverse("mirror:round", args=[first.pk])
    )


def test_an_empty_list_invites_a_first_round(owner_client):
    html = owner_client.get(reverse("mirror:rounds")).content.decode()
    assert "No rounds yet" in html and reverse("mirror:round_new") in html


def test_each_links_actions_lead_to_their_routes(owner, owner_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam").invitation
    html = owner_client.get(reverse("mirror:round", args=[feedback.pk])).content.decode()
    for name in ("mirror:sheet", "mirror:device_start", "mirror:withdraw"):
        assert f'"{reverse(name, args=[feedback.pk, made.pk])}"' in html, name


def test_the_people_offered_are_ones_own_active_people_by_name(owner, other, owner_client):
    feedback = a_round(owner)
    PersonFactory(owner=owner, name="Zoe")
    PersonFactory(owner=owner, name="Abe")
    PersonFactory(owner=owner, name="Gone", is_archived=True)
    PersonFactory(owner=other, name="Theirs")
    html = owner_client.get(reverse("mirror:invite", args=[feedback.pk])).content.decode()
    offered = re.findall(r'<option value="\d+">([^<]+)</option>', html)
    assert offered == ["Abe", "Zoe"]
