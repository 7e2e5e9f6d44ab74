"""Answer codes: what an answer sheet sends back is read whole, and counted only when its tag
fits its invitation, the invitation is open, and it was not counted before."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.mirror import codes
from tending.mirror.codes import (
    ALREADY_ADDED,
    ANSWER_MOST,
    EXPIRED,
    NOT_THIS_ROUND,
    UNREADABLE,
    USED_UP,
    WITHDRAWN,
    CodeProblem,
    Invitation,
    accept,
    make_code,
    read_code,
)
from tending.mirror.words import WORDS

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))
NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)
WORDS_PICKED = ("calm", "kind", "shy", "warm", "wise")
NONCE = b"\x01\x02\x03\x04\x05\x06\x07\x08"


def invitation(**changed) -> Invitation:
    values = {
        "round_id": 7,
        "secret": SECRET,
        "withdrawn": False,
        "expires_at": NOW + timedelta(days=14),
        "uses_left": 1,
        "tags_seen": frozenset(),
    }
    return Invitation(**(values | changed))


def code(**changed) -> str:
    values = {
        "secret": SECRET, "round_id": 7, "invitation_id": 42, "words": WORDS_PICKED,
        "nonce": NONCE, "valued": "You listen.", "unseen": "You're kinder than you think.",
    }  # fmt: skip
    return make_code(**(values | changed))


def said(check) -> str:
    with pytest.raises(CodeProblem) as problem:
        check()
    return str(problem.value)


def test_a_code_is_read_back_as_it_was_written_and_accepted():
    text = code()
    assert text.startswith("TM1-") and len(text) < 140
    answer = read_code(text)
    assert (answer.round_id, answer.invitation_id, answer.words) == (7, 42, WORDS_PICKED)
    assert (answer.valued, answer.unseen, answer.nonce) == (
        "You listen.", "You're kinder than you think.", NONCE,
    )  # fmt: skip
    assert accept(answer, invitation(), NOW) is answer


answers = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=ANSWER_MOST
)  # any text a person types, emoji and markup included


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=5, max_size=6, unique=True),
    st.integers(0, 2**40),
    st.integers(0, 2**40),
    st.binary(min_size=8, max_size=8),
    answers,
    answers,
)
def test_any_answer_goes_there_and_back(words, round_id, invitation_id, nonce, valued, unseen):
    text = make_code(SECRET, round_id, invitation_id, tuple(words), nonce, valued, unseen)
    back = read_code(text)
    assert (back.round_id, back.invitation_id, back.nonce) == (round_id, invitation_id, nonce)
    assert set(back.words) == set(words) and (back.valued, back.unseen) == (valued, unseen)
    assert accept(back, invitation(round_id=round_id), NOW) is back


def test_white_space_a_messenger_adds_is_ignored():
    text = code()
    broken = text[:20] + "\n " + text[20:40] + "\t" + text[40:] + "\n"
    assert read_code(broken) == read_code(text)


def test_another_secret_another_invitation_or_another_round_does_not_fit():
    assert said(lambda: accept(read_code(code()), invitation(secret=OTHER_SECRET), NOW)) == (
        NOT_THIS_ROUND
    )
    made_for_other = code(secret=OTHER_SECRET)
    assert said(lambda: accept(read_code(made_for_other), invitation(), NOW)) == NOT_THIS_ROUND
    # The right secret but a code naming another round (a sheet's secret moved to a new one).
    assert said(lambda: accept(read_code(code(round_id=8)), invitation(), NOW)) == NOT_THIS_ROUND


def test_a_code_changed_anywhere_is_refused():
    text = code()
    raw = codes.base64.urlsafe_b64decode(text[4:] + "=" * (-len(text[4:]) % 4))
    for at in range(len(raw)):
        for flip in (0x01, 0x80):
            changed = bytearray(raw)
            changed[at] ^= flip
            forged = "TM1-" + codes.base64.urlsafe_b64encode(bytes(changed)).decode().rstrip("=")
            with pytest.raises(CodeProblem) as problem:
                accept(read_code(forged), invitation(), NOW)
            assert str(problem.value) in (UNREADABLE, NOT_THIS_ROUND)


def test_a_code_counted_once_is_not_counted_again():
    answer = read_code(code())
    seen = invitation(tags_seen=frozenset({answer.tag}), uses_left=3)
    assert said(lambda: accept(answer, seen, NOW)) == ALREADY_ADDED
    again = read_code(code(nonce=b"\x09" * 8))  # another answer from the same sheet
    assert accept(again, seen, NOW) is again and again.tag != answer.tag


def test_a_withdrawn_expired_or_used_up_invitation_takes_no_more_answers():
    answer = read_code(code())
    assert said(lambda: accept(answer, invitation(withdrawn=True), NOW)) == WITHDRAWN
    ends = invitation(expires_at=NOW)
    assert said(lambda: accept(answer, ends, NOW)) == EXPIRED
    assert accept(answer, ends, NOW - timedelta(microseconds=1)) is answer
    assert said(lambda: accept(answer, invitation(uses_left=0), NOW)) == USED_UP
    # Forged comes first: a wrong code to a withdrawn invitation says only that it does not fit.
    wrong = read_code(code(secret=OTHER_SECRET))
    assert said(lambda: accept(wrong, invitation(withdrawn=True), NOW)) == NOT_THIS_ROUND


@pytest.mark.parametrize(
    "text",
    [
        "", "TM1-", "hello", "TM2-AAAA", "TM1-!!!!", "TM1-AQ", "TM1-" + "A" * 30_000,
        "TM1-AQcq" + "A" * 10,
    ],
)  # fmt: skip
def test_anything_but_a_whole_code_is_unreadable(text):
    assert said(lambda: read_code(text)) == UNREADABLE


def test_a_cut_short_code_or_extra_bytes_are_unreadable():
    text = code()
    for cut in (5, 10, 20, len(text) - 30):
        assert said(lambda cut=cut: accept(read_code(text[:cut]), invitation(), NOW)) in (
            UNREADABLE, NOT_THIS_ROUND,
        )  # fmt: skip
    raw = codes.base64.urlsafe_b64decode(text[4:] + "=" * (-len(text[4:]) % 4))
    longer = raw[:-16] + b"\x00" + codes.tag_of(SECRET, raw[:-16] + b"\x00")
    extra = "TM1-" + codes.base64.urlsafe_b64encode(longer).decode().rstrip("=")
    assert said(lambda: read_code(extra)) == UNREADABLE


def test_words_must_be_five_or_six_from_the_list_and_answers_not_too_long():
    assert said(lambda: read_code(code(words=("calm", "kind", "shy", "warm")))) == UNREADABLE
    seven = ("calm", "kind", "shy", "warm", "wise", "able", "bold")
    assert said(lambda: read_code(code(words=seven))) == UNREADABLE
    assert read_code(code(valued="x" * ANSWER_MOST)).valued == "x" * ANSWER_MOST
    assert said(lambda: read_code(code(valued="x" * (ANSWER_MOST + 1)))) == UNREADABLE


def test_a_nonce_is_eight_bytes_and_numbers_are_never_negative():
    with pytest.raises(ValueError):
        code(nonce=b"short")
    with pytest.raises(ValueError):
        code(round_id=-1)


def test_the_bytes_are_laid_out_as_documented():
    """The layout the answer sheet's JavaScript writes too, built here by hand."""
    import base64
    import hashlib
    import hmac

    text = make_code(SECRET, 7, 300, WORDS_PICKED, NONCE, "Hi", "é")
    bits = sum(1 << WORDS.index(w) for w in WORDS_PICKED)
    signed = (
        b"\x01" + b"\x07" + b"\xac\x02"  # version, round 7, invitation 300 in LEB128
        + bits.to_bytes(7, "little") + NONCE
        + b"\x02Hi" + b"\x02" + "é".encode()
    )  # fmt: skip
    tag = hmac.new(SECRET, b"tending mirror answer v1\n" + signed, hashlib.sha256).digest()[:16]
    assert text == "TM1-" + base64.urlsafe_b64encode(signed + tag).decode().rstrip("=")


def test_a_known_code():
    """A fixed answer's code, so a change to the format cannot pass unseen."""
    text = make_code(
        bytes(range(32)), 7, 42, WORDS_PICKED, bytes(range(1, 9)), "You listen.",
        "Ja, wirklich: \N{SEEDLING} <b>",
    )  # fmt: skip
    assert text == (
        "TM1-AQcqIAAAAgCAYAECAwQFBgcIC1lvdSBsaXN0ZW4uFkphLCB3aXJrbGljaDog8J-MsSA8Yj6pRl5wDDFhVF9D"
        "rfzx01wG"
    )


def test_numbers_up_to_nine_bytes_and_no_more():
    biggest = 2**63 - 1
    back = read_code(code(round_id=biggest, invitation_id=0))
    assert (back.round_id, back.invitation_id) == (biggest, 0)
    with pytest.raises(ValueError):
        code(round_id=2**63)
    raw = codes.base64.urlsafe_b64decode(code()[4:] + "==")
    # Version, then a round number of ten bytes (nine with the next-byte bit): too long.
    longer = b"\x01" + b"\xff" * 9 + b"\x01" + raw[2:-16]
    text = "TM1-" + codes.base64.urlsafe_b64encode(longer + b"\x00" * 16).decode().rstrip("=")
    assert said(lambda: read_code(text)) == UNREADABLE
    cut = "TM1-" + codes.base64.urlsafe_b64encode(b"\x01\x80\x80" + b"\x00" * 16).decode()
    assert said(lambda: read_code(cut.rstrip("="))) == UNREADABLE


def test_a_character_outside_the_code_alphabet_is_refused_not_skipped():
    text = code()
    for odd in ("*", "****", "!!!!", "====", "é", ".."):
        assert said(lambda odd=odd: read_code(text[:30] + odd + text[30:])) == UNREADABLE
    for other in ("+/+/", "AAAA"):  # letters of the alphabet: another code, which does not fit
        changed = text[:30] + other + text[30:]
        assert said(lambda c=changed: accept(read_code(c), invitation(), NOW)) in (
            UNREADABLE, NOT_THIS_ROUND,
        )  # fmt: skip


def test_answers_of_two_thousand_characters_and_no_more():
    assert read_code(code(unseen="é" * 2000)).unseen == "é" * 2000
    assert said(lambda: read_code(code(unseen="é" * 2001))) == UNREADABLE


def test_a_code_under_another_name_is_not_read():
    body = code()[len("TM1-") :]
    assert read_code("tm1-" + body) == read_code("TM1-" + body)
    for name in ("TM2-", "XYZ-", "TM1", ""):
        assert said(lambda name=name: read_code(name + body)) == UNREADABLE


def test_a_huge_paste_is_refused_before_any_work_on_it():
    assert said(lambda: read_code(code() + " " * (2 * codes.LONGEST_CODE))) == UNREADABLE
    assert read_code(code() + " " * 30_000) == read_code(code())  # spaced out on the way
