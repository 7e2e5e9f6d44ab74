"""The Mirror in German: the person's pages, the word list shown in German (the English word
kept as the stored key), the answer page in the answering person's browser's language, the
answer sheet, and the handed-over device."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tending.mirror import codes, services
from tending.mirror.forms import code_problem
from tending.mirror.models import Answer, Round
from tending.mirror.sheet import answer_sheet
from tending.mirror.templating import said_counted, said_words
from tending.mirror.words import SHOWN, WORDS, shown_order, shown_words

pytestmark = pytest.mark.django_db
MINE = ["calm", "kind", "shy", "warm", "wise"]


@pytest.fixture
def german(owner, owner_client):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner_client


def a_round(user, anonymous=True):
    return services.open_round(
        user, display_name="Ada", message="Sei ehrlich.", words=MINE, anonymous=anonymous
    )


def answered(feedback, words, label="Sam", **texts):
    made = services.invite(feedback, label=label)
    services.answer_by_link(made.invitation, words=words, valued=texts.get("valued", ""),
                            unseen=texts.get("unseen", ""))  # fmt: skip


def html_of(response) -> str:
    assert response.headers["Content-Language"] == "de"
    return response.content.decode()


def test_every_word_has_its_own_german_adjective():
    german = SHOWN["de"]
    assert set(german) == set(WORDS)
    assert len(set(german.values())) == len(WORDS)  # no two words read the same
    assert all(re.fullmatch(r"[a-zäöüß-]+", word) for word in german.values())
    assert german["self-conscious"] == "befangen" and german["confident"] == "selbstsicher"
    assert shown_words("en")["kind"] == "kind" and shown_words("de-AT")["kind"] == "gutherzig"


def test_german_shows_the_words_in_its_own_alphabetical_order():
    order = [SHOWN["de"][word] for word in shown_order("de")]
    assert order[:3] == ["analytisch", "angespannt", "anpassungsfähig"]
    assert order.index("fähig") < order.index("freundlich") < order.index("fröhlich")
    assert shown_order("en") == WORDS
    with translation.override("de"):
        assert said_words(["wise", "able", "kind"]) == ["fähig", "gutherzig", "weise"]
        assert said_counted((("kind", 2), ("wise", 3), ("able", 2)), 3) == [
            ("weise", "3 von 3"), ("fähig", "2 von 3"), ("gutherzig", "2 von 3"),
        ]  # fmt: skip
    with translation.override("en"):
        assert said_words(["able", "kind"]) == ["able", "kind"]
        assert said_counted((("kind", 2),), 3) == [("kind", "2 of 3")]


def test_the_rounds_and_a_result_speak_german(german, owner):
    first = a_round(owner, anonymous=False)
    type(first).objects.filter(pk=first.pk).update(created_at="2026-03-10T12:00:00Z")
    answered(first, ["kind", "bold", "able", "loving", "witty"], valued="Deine Ruhe")
    second = a_round(owner)
    for n in range(4):
        answered(second, ["kind", "calm", "shy", "wise", "witty"], label=f"L{n}")
    rounds = html_of(german.get(reverse("mirror:rounds")))
    for words in (
        "Spiegel",
        "Neue Runde",
        "4 Wörter, die andere sehen und du auch – mehr als im März 2026 (1).",
        "· anonym · 4 Antworten · 4 Wörter im offenen Bereich",
        "· mit Namen · 1 Antwort · 1 Wort im offenen Bereich",
    ):
        assert words in rounds, words
    assert "words others see" not in rounds and "answers" not in rounds
    named = html_of(german.get(reverse("mirror:round", args=[first.pk])))
    for words in (
        "Deine Runde vom 10. März 2026",
        "Offen · mit Namen · 1 Antwort",
        "Blinder Fleck",
        '<li>schlagfertig <span class="muted">1 von 1</span></li>',
        "fähig, gutherzig, liebevoll, schlagfertig, wagemutig",
        "Was sie an dir schätzen:",
        "Die Wörter, die du gewählt hast: gelassen, gutherzig, schüchtern, warmherzig, weise.",
        "aufgebraucht",
    ):
        assert words in named, words
    for english in ("Blind spot", "witty", "The words you picked", "used up"):
        assert english not in named, english
    pooled = html_of(german.get(reverse("mirror:round", args=[second.pk])))
    assert "Seitdem ist 1 weitere Antwort gekommen." in pooled and "noch 2" in pooled


def test_opening_a_round_shows_german_chips_that_send_the_english_words(german, owner):
    form = html_of(german.get(reverse("mirror:round_new")))
    assert "Welche 5 oder 6 Wörter beschreiben dich?" in form
    assert 'value="kind" id="id_words_' in form and "<span>gutherzig</span>" in form
    assert "<span>kind</span>" not in form
    refused = html_of(german.post(reverse("mirror:round_new"), {"words": ["kind"]}))
    assert "Bitte wähle mindestens 5 Wörter." in refused
    opened = german.post(
        reverse("mirror:round_new"),
        {"display_name": "Ada", "message": "", "words": MINE, "anonymous": "1"},
    )
    assert opened.status_code == 302
    assert Round.objects.get(owner=owner).own_words == MINE


def test_the_answer_page_speaks_the_answering_browsers_language(owner):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam")
    link = reverse("mirror:respond", args=[made.token])
    friend = Client(HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    page = html_of(friend.get(link))
    assert "Ein paar Worte für <bdi>Ada</bdi>" in page and "Meine Antwort senden" in page
    assert "Was schätzt du an Ada? (wenn du magst)" in page and "A few words" not in page
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(link).content.decode()
    assert "A few words for <bdi>Ada</bdi>" in english and "<span>kind</span>" in english
    sent = friend.post(link, {"words": ["kind", "calm", "shy", "wise", "witty"]})
    assert Answer.objects.get().words == ["calm", "kind", "shy", "wise", "witty"]
    thanks = html_of(friend.get(sent["Location"]))
    assert "Danke" in thanks and "Du kannst diese Seite jetzt schließen." in thanks
    gone = html_of(friend.get(reverse("mirror:respond", args=["x" * 40])))
    assert "Dieser Link funktioniert nicht" in gone


def test_the_answer_sheet_is_written_in_the_persons_language(german, owner):
    feedback = a_round(owner)
    made = services.invite(feedback, label="Sam")
    sheet = german.get(reverse("mirror:sheet", args=[feedback.pk, made.invitation.pk]))
    html = sheet.content.decode()
    assert '<html lang="de">' in html and "Ein paar Worte für Ada" in html
    assert '<input type="checkbox" name="word" value="25"> gutherzig</label>' in html
    assert '"tooFew": "Bitte w\\u00e4hle mindestens 5 W\\u00f6rter."' in html
    assert "Meinen Antwortcode erstellen" in html and "Make my answer code" not in html
    plain = answer_sheet(
        name="Ada", message="", anonymous=True, label="Sam", round_id=1, invitation_id=2,
        secret=bytes(32), until="1 May 2027",
    )  # fmt: skip
    assert '<html lang="en">' in plain and "> kind</label>" in plain


def test_a_pasted_code_and_the_handed_over_device_in_german(german, owner):
    feedback = a_round(owner)
    refused = html_of(
        german.post(reverse("mirror:add_code", args=[feedback.pk]), {"code": "TM1-x"})
    )
    assert "Das sieht nicht nach einem vollständigen Antwortcode aus." in refused
    made = services.invite(feedback, label="Tisch", uses=2)
    german.post(reverse("mirror:device_start", args=[feedback.pk, made.invitation.pk]))
    device = html_of(german.get(reverse("mirror:device")))
    assert "Zurückgeben: Dafür braucht es das Passwort" in device
    wrong = html_of(german.post(reverse("mirror:device_leave"), {"password": "nope"}))
    assert "Das ist nicht das Passwort." in wrong and "Back to tending" not in wrong


def test_every_code_problem_is_said_in_english_as_the_codes_say_it():
    for said in (codes.UNREADABLE, codes.NOT_THIS_ROUND, codes.WITHDRAWN, codes.EXPIRED,
                 codes.ALREADY_ADDED, codes.USED_UP, services.ROUND_CLOSED):  # fmt: skip
        with translation.override("en"):
            assert code_problem(codes.CodeProblem(said)) == said
        with translation.override("de"):
            assert code_problem(codes.CodeProblem(said)) != said
