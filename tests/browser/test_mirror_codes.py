"""The answer sheet's JavaScript writes the codes tending reads: run in Chromium, offline,
against tending/mirror/codes.py and Python's own SHA-256 and HMAC."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tending.mirror.codes import Invitation, accept, make_code, read_code
from tending.mirror.sheet import answer_sheet
from tending.mirror.words import WORDS

SCRIPT = Path(__file__).resolve().parents[2] / "tending/mirror/static/mirror/answer_code.js"


@pytest.fixture
def sheet(browser):
    """A page with nothing but the script, in a context with no network at all."""
    context = browser.new_context()
    context.set_offline(True)
    page = context.new_page()
    page.set_content(f"<!doctype html><script>{SCRIPT.read_text()}</script>")
    try:
        yield page
    finally:
        context.close()


def js(page, call: str, *args):
    return page.evaluate(f"(args) => tendingAnswerCode.{call}(...args)", list(args))


@pytest.mark.parametrize("length", [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])
def test_sha256_and_hmac_agree_with_pythons(sheet, length):
    data = list(random.Random(length).randbytes(length))
    assert bytes(js(sheet, "sha256", data)) == hashlib.sha256(bytes(data)).digest()
    for key in (b"", b"k" * 32, b"x" * 64, b"long key " * 10):
        expected = hmac.new(key, bytes(data), hashlib.sha256).digest()
        assert bytes(js(sheet, "hmac", list(key), data)) == expected


@pytest.mark.parametrize(
    "text", ["", "plain", "é ü ß", "東京", "🌱 and 👩‍👩‍👧", "<b>&'\"</b>", "line\nbreak"]
)
def test_text_becomes_the_same_utf8(sheet, text):
    assert bytes(js(sheet, "utf8", text)) == text.encode("utf-8")


CASES = [
    (7, 42, ("calm", "kind", "shy", "warm", "wise"), "You listen.", "🌱 <b>ja</b>"),
    (1, 1, ("able", "accepting", "adaptable", "bold", "brave", "witty"), "", ""),
    (300, 2**40 + 5, ("witty", "wise", "warm", "trustworthy", "tense"), "é" * 700, "x" * 2000),
]


@pytest.mark.parametrize(("round_id", "invitation_id", "words", "valued", "unseen"), CASES)
def test_the_sheet_writes_the_code_tending_writes(
    sheet, round_id, invitation_id, words, valued, unseen
):
    secret = list(hashlib.sha256(json.dumps(CASES).encode()).digest())
    nonce = [9, 8, 7, 6, 5, 4, 3, 2]
    picked = [WORDS.index(w) for w in words]
    written = js(
        sheet, "answerCode", secret, round_id, invitation_id, picked, nonce, valued, unseen
    )
    assert written == make_code(
        bytes(secret), round_id, invitation_id, words, bytes(nonce), valued, unseen
    )
    answer = read_code(written)
    assert (answer.valued, answer.unseen, set(answer.words)) == (valued, unseen, set(words))


HOSTILE = '<img src=x onerror="document.title=1">Sam & "co"</script>'
EXPIRES = datetime(2026, 12, 17, tzinfo=UTC)


def opened_from_disk(browser, tmp_path, **changed):
    """The sheet written to a file and opened in a phone-sized context with no network;
    every request the page makes is noted."""
    values = {
        "name": HOSTILE, "message": "Hi!\n" + HOSTILE, "anonymous": True, "label": "Sam",
        "round_id": 12, "invitation_id": 34, "secret": SECRET, "until": "17 December 2026",
    }  # fmt: skip
    path = tmp_path / "answer-sheet.html"
    path.write_text(answer_sheet(**(values | changed)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_offline(True)
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    page.goto(path.as_uri())
    return context, page, asked


SECRET = bytes(range(100, 132))


def test_a_friend_answers_on_the_sheet_offline_and_the_code_is_theirs(browser, tmp_path):
    context, page, asked = opened_from_disk(browser, tmp_path)
    try:
        assert page.title() == "A few words for " + HOSTILE  # shown as text, never run
        assert page.locator("img").count() == 0
        assert page.locator(".message").inner_text() == "Hi!\n" + HOSTILE
        assert "without your name" in page.locator("main").inner_text()
        for word in ("kind", "wise", "calm", "witty"):
            page.get_by_label(word, exact=True).check()
        page.get_by_role("button", name="Make my answer code").click()
        problem = page.locator("#words-problem")
        assert problem.is_visible() and problem.inner_text() == "Please pick at least 5 words."
        assert page.locator("#result").is_hidden()
        page.get_by_label("warm", exact=True).check()
        page.get_by_label("What do you value in").fill("You stay. 🌱 <b>always</b>")
        page.get_by_label("What might").fill(HOSTILE)
        page.get_by_role("button", name="Make my answer code").click()
        assert problem.is_hidden()
        code = page.locator("#code").input_value()
        answer = read_code(code)
        assert (answer.round_id, answer.invitation_id) == (12, 34)
        assert answer.words == ("calm", "kind", "warm", "wise", "witty")
        assert (answer.valued, answer.unseen) == ("You stay. 🌱 <b>always</b>", HOSTILE)
        opened = Invitation(12, SECRET, False, EXPIRES, 1, frozenset())
        assert accept(answer, opened, EXPIRES - timedelta(days=1)) is answer
        # Another answer from the same sheet is another code (its own random number).
        page.get_by_role("button", name="Make my answer code").click()
        again = page.locator("#code").input_value()
        assert again != code and read_code(again).words == answer.words
        assert asked == [(tmp_path / "answer-sheet.html").as_uri()]  # nothing else, ever
    finally:
        context.close()


def test_seven_words_are_too_many_and_a_named_sheet_says_whose_name(browser, tmp_path):
    context, page, _ = opened_from_disk(browser, tmp_path, anonymous=False, label="Work <friends>")
    try:
        assert (
            "the name this sheet was made for: “Work <friends>”"
            in page.locator("main").inner_text()
        )
        for word in ("kind", "wise", "calm", "witty", "warm", "shy", "able"):
            page.get_by_label(word, exact=True).check()
        page.get_by_role("button", name="Make my answer code").click()
        assert page.locator("#words-problem").inner_text() == "Please pick no more than 6 words."
        assert page.locator("#words").get_attribute("aria-invalid") == "true"
        page.get_by_label("able", exact=True).uncheck()
        assert page.locator("#words-problem").is_hidden()
    finally:
        context.close()


def test_the_sheet_fits_a_small_phone_with_large_text(browser, tmp_path):
    long_word = "x" * 900  # a message with no place to break, as pasted from anywhere
    context, page, _ = opened_from_disk(
        browser, tmp_path, name="Åsa-Marie Ödegård-Wiśniewska", message=long_word
    )
    try:
        page.set_viewport_size({"width": 320, "height": 700})
        for size in ("100%", "200%"):
            page.evaluate(f"document.documentElement.style.fontSize = '{size}'")
            for word in ("kind", "wise", "calm", "witty", "warm"):
                page.get_by_label(word, exact=True).check()
            page.get_by_role("button", name="Make my answer code").click()
            width = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert width[0] <= width[1], f"wider than the screen at {size} text: {width}"
    finally:
        context.close()
