"""Answer codes: a friend's answers carried back by message, from the answer sheet to
tending, and checked before they count. Pure, no Django.

An answer sheet (one HTML file sent to one invitee) holds its invitation's secret. When the
friend has answered, the sheet writes a code: the round, the invitation, the words picked,
a random number of its own (so two answers from one sheet differ) and the two open answers,
followed by a tag, an HMAC-SHA256 of all that under the invitation's secret. tending finds
the invitation by its number and checks the tag with that invitation's secret: a code
cannot be made for another invitation, or changed, without the secret, and a tag once
accepted is kept so the same code is never counted twice. Whether the invitation is still
open (not withdrawn, not expired, not used up) is checked at the same time.

The code as text: "TM1-" and the bytes in URL-safe Base64 (no padding); white space that a
messenger adds on the way is ignored. The bytes: version (1), round and invitation numbers
(unsigned LEB128), the words (7 bytes, one bit per word of the list, little-endian), the
random number (8 bytes), each open answer (LEB128 length, then UTF-8), the tag (16 bytes).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from tending.mirror.words import WordsProblem, as_bits, chosen_words, from_bits

PREFIX = "TM1-"
VERSION = 1
DOMAIN = b"tending mirror answer v1\n"  # what the tag is for, so it is never reused elsewhere
WORD_BYTES = 7
NONCE_BYTES = 8
TAG_BYTES = 16
ANSWER_MOST = 2000  # characters of each open answer, as the web form allows
LONGEST_CODE = 24_000  # characters; two full answers of four-byte characters fit

UNREADABLE = (
    "That doesn't look like a whole answer code. Ask them to send all of it again, "
    "from TM1- to the last letter."
)
NOT_THIS_ROUND = "That answer code doesn't belong to an invitation of this round."
WITHDRAWN = "That invitation was withdrawn, so answers to it can't be added."
EXPIRED = "That invitation has expired, so answers to it can't be added."
ALREADY_ADDED = "That answer is already added."
USED_UP = "That invitation has been answered as many times as it allows."


class CodeProblem(ValueError):
    """Why an answer code was not accepted, in words for the person pasting it."""


@dataclass(frozen=True)
class Answer:
    """What a code carries."""

    round_id: int
    invitation_id: int
    words: tuple[str, ...]
    nonce: bytes
    valued: str  # "What do you value in me?"
    unseen: str  # "What might I not see about myself?"
    signed: bytes  # the bytes the tag is made from
    tag: bytes


@dataclass(frozen=True)
class Invitation:
    """What checking a code needs to know of its invitation."""

    round_id: int
    secret: bytes
    withdrawn: bool
    expires_at: datetime
    uses_left: int
    tags_seen: frozenset[bytes]


VARINT_BYTES = 9  # a number in a code is below 2**63: nine bytes of seven bits at most


def _varint(number: int) -> bytes:
    if not 0 <= number < 1 << 7 * VARINT_BYTES:
        raise ValueError("A number in a code is from 0 to 2**63 - 1.")
    out = bytearray()
    while True:
        byte, number = number & 0x7F, number >> 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


class _Reader:
    """The bytes of a code read in turn; too few bytes left make it unreadable."""

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise CodeProblem(UNREADABLE)
        taken = self.data[self.at : self.at + count]
        self.at += count
        return taken

    def number(self) -> int:
        number = 0
        for step in range(VARINT_BYTES):
            (byte,) = self.take(1)
            number |= (byte & 0x7F) << 7 * step
            if not byte & 0x80:
                return number
        raise CodeProblem(UNREADABLE)


def tag_of(secret: bytes, signed: bytes) -> bytes:
    return hmac.new(secret, DOMAIN + signed, hashlib.sha256).digest()[:TAG_BYTES]


def make_code(
    secret: bytes,
    round_id: int,
    invitation_id: int,
    words: tuple[str, ...],
    nonce: bytes,
    valued: str = "",
    unseen: str = "",
) -> str:
    """The code an answer sheet writes (the sheet does the same in JavaScript)."""
    if len(nonce) != NONCE_BYTES:
        raise ValueError("The random number is eight bytes.")
    signed = bytes([VERSION]) + _varint(round_id) + _varint(invitation_id)
    signed += as_bits(words).to_bytes(WORD_BYTES, "little") + nonce
    for text in (valued, unseen):
        encoded = text.encode("utf-8")
        signed += _varint(len(encoded)) + encoded
    raw = signed + tag_of(secret, signed)
    return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def read_code(text: str) -> Answer:
    """What a code says, not yet checked against its invitation; a CodeProblem when it is
    not a whole, well-formed code."""
    if len(text or "") > 2 * LONGEST_CODE:  # refused before any work on it, however it is spaced
        raise CodeProblem(UNREADABLE)
    text = re.sub(r"\s+", "", text or "")
    if not text.upper().startswith(PREFIX) or len(text) > LONGEST_CODE:
        raise CodeProblem(UNREADABLE)
    body = text[len(PREFIX) :]
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise CodeProblem(UNREADABLE) from None
    if raw[:1] != bytes([VERSION]):
        raise CodeProblem(UNREADABLE)
    signed, tag = raw[:-TAG_BYTES], raw[-TAG_BYTES:]
    read = _Reader(signed, 1)
    round_id, invitation_id = read.number(), read.number()
    bits = int.from_bytes(read.take(WORD_BYTES), "little")
    nonce = read.take(NONCE_BYTES)
    answers = []
    for _ in range(2):
        try:
            answer = read.take(read.number()).decode("utf-8")
        except UnicodeDecodeError:
            raise CodeProblem(UNREADABLE) from None
        if len(answer) > ANSWER_MOST:
            raise CodeProblem(UNREADABLE)
        answers.append(answer)
    if read.at != len(signed):
        raise CodeProblem(UNREADABLE)
    try:
        words = chosen_words(from_bits(bits))
    except (ValueError, WordsProblem):
        raise CodeProblem(UNREADABLE) from None
    return Answer(round_id, invitation_id, words, nonce, *answers, signed=signed, tag=tag)


def accept(answer: Answer, invitation: Invitation, now: datetime) -> Answer:
    """The answer, when its tag is right for the invitation, the invitation belongs to the
    round the code names and is still open, and the code was not accepted before; else a
    CodeProblem saying which. A wrong tag is told apart from nothing else: it says only that
    the code does not belong here."""
    expected = tag_of(invitation.secret, answer.signed)
    if not hmac.compare_digest(expected, answer.tag) or answer.round_id != invitation.round_id:
        raise CodeProblem(NOT_THIS_ROUND)
    if invitation.withdrawn:
        raise CodeProblem(WITHDRAWN)
    if now >= invitation.expires_at:
        raise CodeProblem(EXPIRED)
    if answer.tag in invitation.tags_seen:
        raise CodeProblem(ALREADY_ADDED)
    if invitation.uses_left <= 0:
        raise CodeProblem(USED_UP)
    return answer
