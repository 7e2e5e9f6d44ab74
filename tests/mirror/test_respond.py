"""The respondent's pages: the private link (the one page a stranger can write to) and the
person's own device handed over. Every failing link looks the same; nothing but the display
name and message is shown; requests are counted; the link stays out of the logs."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tending.core.logs import redact
from tending.mirror import respond, services
from tending.mirror.models import Answer, Invitation
from tending.mirror.respond import DEVICE

pytestmark = pytest.mark.django_db

MINE = ["calm", "kind", "shy", "warm", "wise"]
THEIRS = ["kind", "bold", "able", "wise", "witty"]


def a_round(user, anonymous=True, name="Ada"):
    return services.open_round(
        user, display_name=name, message="Be honest, <b>please</b>.", words=MINE,
        anonymous=anonymous,
    )  # fmt: skip


def link_of(feedback, **options):
    made = services.invite(feedback, label="Sam", **options)
    return made, reverse("mirror:respond", args=[made.token])


def test_the_answer_page_shows_only_the_name_and_message(owner, anon_client):
    owner.username = "ada-login-name"
    owner.save()
    _, url = link_of(a_round(owner, name="Ada <i>L</i>"))
    response = anon_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ada &lt;i&gt;L&lt;/i&gt;" in html and "Be honest, &lt;b&gt;please&lt;/b&gt;." in html
    assert "ada-login-name" not in html and "<b>please" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "no-store"
    assert "without your name" in html and 'href="/today/"' not in html


def test_an_answer_is_kept_as_the_persons_own_row_anonymous_without_invitation_or_day(
    owner, anon_client
):
    feedback = a_round(owner)
    made, url = link_of(feedback)
    response = anon_client.post(url, {"words": THEIRS, "valued": "You listen.", "unseen": ""})
    # On to the thanks, so that a reload there sends nothing again; it names nobody.
    assert response["Location"] == reverse("mirror:thanks")
    thanks = anon_client.get(response["Location"])
    assert "Thank you" in thanks.content.decode() and "Ada" not in thanks.content.decode()
    assert thanks["X-Robots-Tag"] == "noindex, nofollow"
    kept = Answer.objects.get()
    assert (kept.owner, kept.round, kept.invitation, kept.answered_on) == (
        owner, feedback, None, None,
    )  # fmt: skip
    assert kept.words == sorted(THEIRS, key=services.chosen_words(THEIRS).index)
    assert kept.valued == "You listen." and Invitation.objects.get().uses == 1
    # Used once, a single-use link is gone, like any other that does not work.
    assert anon_client.get(url).status_code == 404


def test_a_named_answer_keeps_its_invitation_and_day(owner, anon_client):
    made, url = link_of(a_round(owner, anonymous=False))
    html = anon_client.get(url).content.decode()
    assert "with the name this link was made for: “<bdi>Sam</bdi>”" in html
    anon_client.post(url, {"words": THEIRS})
    kept = Answer.objects.get()
    assert kept.invitation == made.invitation
    assert kept.answered_on == timezone.localdate(timezone.now(), owner.zone)


@pytest.mark.parametrize(
    ("data", "note"),
    [
        ({"words": THEIRS[:4]}, "Please pick at least 5 words."),
        ({"words": THEIRS + ["calm", "loving"]}, "Please pick no more than 6 words."),
        ({"words": THEIRS[:4] + ["not-a-word"]}, "Please pick only words from the list."),
        ({"words": THEIRS, "valued": "x" * 2001}, "Please keep this to 2000 characters"),
    ],
)
def test_a_bad_answer_is_noted_at_its_field_and_nothing_is_kept(owner, anon_client, data, note):
    _, url = link_of(a_round(owner))
    response = anon_client.post(url, {"valued": "What I typed", **data})
    html = response.content.decode()
    assert response.status_code == 400 and note in html
    assert ("What I typed" in html) == ("valued" not in data or len(data["valued"]) < 2001)
    assert not Answer.objects.exists() and Invitation.objects.get().uses == 0


def _gone_links(owner):
    feedback = a_round(owner)
    expired, expired_url = link_of(feedback, days=1)
    Invitation.objects.filter(pk=expired.invitation.pk).update(expires_at=timezone.now())
    withdrawn, withdrawn_url = link_of(feedback)
    services.withdraw(withdrawn.invitation)
    used, used_url = link_of(feedback)
    services.answer_by_link(used.invitation, words=THEIRS)
    closed_round = a_round(owner)
    _, closed_url = link_of(closed_round)
    services.close(closed_round)
    unknown_url = reverse("mirror:respond", args=["x" * 43])
    return [expired_url, withdrawn_url, used_url, closed_url, unknown_url]


def test_unknown_expired_withdrawn_used_up_and_closed_links_all_look_the_same(owner):
    pages = []
    for url in _gone_links(owner):
        for method in ("get", "post"):
            response = getattr(Client(), method)(url, {"words": THEIRS})
            assert response.status_code == 404, url
            assert response["X-Robots-Tag"] == "noindex, nofollow"
            # Every page of tending carries its own masked CSRF token; the rest is the same.
            pages.append(re.sub(rb'"X-CSRFToken": "[^"]+"', b"", response.content))
    assert len(set(pages)) == 1
    assert b"This link does not work" in pages[0] and b"Ada" not in pages[0]
    assert Answer.objects.count() == 1  # only the one that used a link up


def test_a_respondent_reaches_only_the_round_of_their_link(owner, other, anon_client):
    mine = a_round(owner, name="Ada")
    theirs = a_round(other, name="Bea")
    _, url = link_of(mine)
    html = anon_client.get(url).content.decode()
    assert "Ada" in html and "Bea" not in html
    anon_client.post(url, {"words": THEIRS, "round": theirs.pk, "owner": other.pk})
    assert list(Answer.objects.values_list("owner", "round")) == [(owner.pk, mine.pk)]


def test_sending_an_answer_needs_the_pages_csrf_token(owner):
    _, url = link_of(a_round(owner))
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, {"words": THEIRS}).status_code == 403
    assert not Answer.objects.exists()


def test_requests_are_counted_per_address_and_per_link(owner, anon_client, monkeypatch):
    monkeypatch.setattr(respond, "PER_ADDRESS", 3)
    _, url = link_of(a_round(owner))
    assert [anon_client.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
    # Another link from the same address is refused too; one from elsewhere is not.
    _, url2 = link_of(a_round(owner))
    assert anon_client.get(url2).status_code == 429
    assert Client(REMOTE_ADDR="10.0.0.9").get(url2).status_code == 200
    monkeypatch.setattr(respond, "PER_ADDRESS", 100)
    monkeypatch.setattr(respond, "PER_LINK", 1)
    assert Client(REMOTE_ADDR="10.0.0.8").get(url2).status_code == 429
    assert Client(REMOTE_ADDR="10.0.0.8").post(url2, {"words": THEIRS}).status_code == 429
    assert not Answer.objects.exists()


def test_the_link_never_reaches_a_log():
    path = reverse("mirror:respond", args=["A" * 20 + "b-_" * 8])
    line = f'127.0.0.1 - - "GET {path} HTTP/1.1" 200'
    assert "A" * 20 not in redact(line) and "/mirror/answer/[secret]/" in redact(line)


# --- the person's own device -------------------------------------------------------------


def test_a_handed_over_device_shows_only_the_questions_until_the_password(owner, owner_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Table", uses=2)
    start = reverse("mirror:device_start", args=[feedback.pk, made.invitation.pk])
    assert owner_client.post(start)["Location"] == reverse("mirror:device")
    for elsewhere in (
        "/today/",
        "/journal/",
        reverse("mirror:round", args=[feedback.pk]),
        "/help/",
    ):
        assert owner_client.get(elsewhere)["Location"] == reverse("mirror:device"), elsewhere
    page = owner_client.get(reverse("mirror:device")).content.decode()
    assert "A few words for" in page and "Log out" not in page and "Need help now" not in page
    done = owner_client.post(reverse("mirror:device"), {"words": THEIRS})
    assert done["Location"] == reverse("mirror:device")
    thanks = owner_client.get(done["Location"]).content.decode()
    assert "Someone else answers too" in thanks and "Your answer is with <bdi>Ada</bdi>" in thanks
    # A reload shows the questions again; nothing was sent twice.
    assert "A few words for" in owner_client.get(reverse("mirror:device")).content.decode()
    assert Answer.objects.filter(round=feedback).count() == 1
    owner_client.post(reverse("mirror:device"), {"words": MINE})
    assert Answer.objects.filter(round=feedback).count() == 2
    last = owner_client.get(reverse("mirror:device")).content.decode()
    assert "takes no more answers" in last
    leave = reverse("mirror:device_leave")
    wrong = owner_client.post(leave, {"password": "guess"})
    assert wrong.status_code == 400 and "not the password" in wrong.content.decode()
    assert owner_client.get("/today/")["Location"] == reverse("mirror:device")
    back = owner_client.post(leave, {"password": "a-long-test-password"})
    assert back["Location"] == reverse("mirror:round", args=[feedback.pk])
    assert owner_client.get("/today/").status_code == 200


def test_guessing_the_password_to_leave_is_slowed(owner, owner_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Table")
    owner_client.post(reverse("mirror:device_start", args=[feedback.pk, made.invitation.pk]))
    leave = reverse("mirror:device_leave")
    for _ in range(respond.LEAVE_TRIES):
        owner_client.post(leave, {"password": "guess"})
    refused = owner_client.post(leave, {"password": "a-long-test-password"})
    assert refused.status_code == 400 and "Too many tries" in refused.content.decode()
    assert owner_client.get("/today/")["Location"] == reverse("mirror:device")


def test_a_device_never_answers_another_persons_round(owner, other, owner_client):
    theirs = services.invite(a_round(other, name="Bea"), label="X")
    session = owner_client.session
    session[DEVICE] = theirs.invitation.pk
    session.save()
    html = owner_client.get(reverse("mirror:device")).content.decode()
    assert "Bea" not in html and "takes no more answers" in html
    owner_client.post(reverse("mirror:device"), {"words": THEIRS})
    assert not Answer.objects.exists()


def test_another_account_cannot_hand_over_someone_elses_invitation(owner, other_client):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Table")
    start = reverse("mirror:device_start", args=[feedback.pk, made.invitation.pk])
    assert other_client.post(start).status_code == 404
    assert DEVICE not in other_client.session
