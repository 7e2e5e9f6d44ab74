"""The answer sheet's JavaScript writes the codes tending reads: run in Chromium, offline,
against tending/mirror/codes.py and Python's own SHA-256 and HMAC."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from pathlib import Path

import pytest

from tending.mirror.codes import make_code, read_code
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
