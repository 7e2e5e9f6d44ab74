"""The shape of tending's JSON export, version 1: every kind of row and every field it has.

Plain data, no Django: the exporter, the importer, the checks and the shipped JSON Schema
file all read these declarations, so they cannot drift apart. Rows refer to each other by
keys that only mean something inside one document ("person-3"), never by database ids.
"""

from __future__ import annotations

from tending.exchange.document_fields import (  # noqa: F401 (the names others import from here)
    CHANNELS,
    ENTRY_BODY_LIMIT,
    FORMAT,
    FREQUENCIES,
    INITIATORS,
    KEY,
    KEY_LIMIT,
    LARGE,
    MAX_ANSWERS,
    OPTIONAL_KEY,
    PERSON_KINDS,
    PLAN_PARTS,
    REQUIRED,
    RINGS,
    SMALL,
    STAMPS,
    TEXT_LIMIT,
    VERSION,
    Field,
    Kind,
    flag,
    number,
    scale,
    text,
    when,
    words,
)
from tending.exchange.document_growth import GROWTH_KINDS

ACCOUNT = Kind(
    "account",
    (
        Field("time_zone", "text", max_length=64),
        # Empty: the browser's language. A code this tending does not speak is read as empty.
        Field("language", "text", default="", max_length=16),
    ),
    single=True,
    noun="account",
)
TAGS = Kind(
    "tags",
    (KEY, Field("name", "text", max_length=40)),
    key_prefix="tag",
    unique=(("name",),),
    noun="tag",
)
PEOPLE = Kind(
    "people",
    (
        KEY,
        Field("name", "text", max_length=100),
        text("kind", 20, default="friend", choices=PERSON_KINDS),
        text("ring", 10, default="middle", choices=RINGS),
        # Absent: the ring's usual rhythm, as when someone is added on the web.
        number("rhythm_days", 1, 3650, nullable=False, default=None),
        number("birthday_day", 1, 31, nullable=True),
        number("birthday_month", 1, 12, nullable=True),
        number("birthday_year", 0, SMALL, nullable=True),
        text("phone", 40),
        text("email", 254),
        text("other_contact", 200),
        text("notes", TEXT_LIMIT),
        flag("is_safe"),
        flag("is_archived"),
        *STAMPS,
    ),
    key_prefix="person",
    noun="person",
)
CLOSENESS = Kind(
    "closeness_ratings",
    (
        Field("person", "ref", target="people"),
        number("value", 1, 7),
        Field("rated_on", "date"),
        when("created_at"),
    ),
    noun="closeness rating",
)
MOMENTS = Kind(
    "moments",
    (
        OPTIONAL_KEY,
        Field("occurred_at", "datetime"),
        Field("people", "refs", default=(), target="people"),
        Field("tags", "refs", default=(), target="tags"),
        number("duration_minutes", 1, 24 * 60, nullable=True),
        text("channel", 12, choices=CHANNELS),
        text("initiated_by", 8, choices=INITIATORS),
        number("self_disclosure", 0, 4, nullable=True),
        number("other_disclosure", 0, 4, nullable=True),
        scale("felt_understood", 5),
        scale("felt_validated", 5),
        scale("felt_cared_for", 5),
        scale("closeness_after", 7),
        scale("felt_safe", 5),
        text("note", TEXT_LIMIT),
        *STAMPS,
    ),
    key_prefix="moment",
    noun="moment",
)
CHECKINS = Kind(
    "checkins",
    (
        OPTIONAL_KEY,
        Field("instrument_id", "text", max_length=64),
        number("instrument_version", 0, LARGE),
        Field("taken_at", "datetime"),
        Field("answers", "answers"),
        Field("total", "number"),
        Field("subscales", "scores", default={}),
        text("band_label", 100),
        flag("prorated"),
        flag("safety_fired"),
    ),
    key_prefix="checkin",
    noun="check-in",
)
CHECKIN_DRAFTS = Kind(
    "checkin_drafts",
    (
        Field("instrument_id", "text", max_length=64),
        Field("answers", "answers", default={}),
        when("updated_at"),
    ),
    unique=(("instrument_id",),),
    noun="check-in draft",
)
CHECKIN_CHOICES = Kind(
    "checkin_choices",
    (
        Field("instrument_id", "text", max_length=64),
        Field("frequency", "text", max_length=12, choices=FREQUENCIES),
    ),
    unique=(("instrument_id",),),
    noun="check-in choice",
)
JOURNAL_ENTRIES = Kind(
    "journal_entries",
    (
        KEY,
        Field("written_on", "date"),
        text("title", 200),
        Field("body", "text", max_length=ENTRY_BODY_LIMIT),
        Field("tags", "refs", default=(), target="tags"),
        Field("people", "refs", default=(), target="people"),
        text("prompt_id", 100),
        *STAMPS,
    ),
    key_prefix="entry",
    noun="journal entry",
)
JOURNAL_DRAFTS = Kind(
    "journal_drafts",
    (
        # null: the draft of a new entry, not yet saved.
        Field("entry", "ref", default=None, nullable=True, target="journal_entries"),
        text("title", 200),
        text("body", TEXT_LIMIT),
        when("updated_at"),
    ),
    unique=(("entry",),),
    noun="journal draft",
)
HIDDEN_PROMPTS = Kind(
    "hidden_prompts",
    (Field("prompt_id", "text", max_length=64), when("created_at")),
    unique=(("prompt_id",),),
    noun="hidden prompt",
)
PLAN_LINES = Kind(
    "plan_lines",
    (
        Field("part", "text", max_length=20, choices=PLAN_PARTS),
        Field("text", "text", max_length=300),
        text("phone", 40),
        number("position", 0, LARGE, default=0),
        when("created_at"),
    ),
    noun="safety plan line",
)
PLAN_HELPERS = Kind(
    "plan_helpers",
    (
        Field("person", "ref", target="people"),
        number("position", 0, LARGE, default=0),
        when("created_at"),
    ),
    unique=(("person",),),
    noun="person to ask for help",
)
CRISIS_SETTINGS = Kind(
    "crisis_settings",
    (text("region", 20), when("updated_at")),
    single=True,
    noun="crisis settings",
)
OWN_CRISIS_LINES = Kind(
    "own_crisis_lines",
    (
        Field("name", "text", max_length=100),
        Field("number", "text", max_length=40),
        text("note", 200),
        number("position", 0, LARGE, default=0),
        when("created_at"),
    ),
    noun="crisis number",
)
SNOOZES = Kind(
    "snoozes",
    (Field("person", "ref", target="people"), Field("until", "date")),
    unique=(("person",),),
    noun="'not now'",
)
CALENDAR = Kind(
    "calendar",
    (
        flag("use_initials"),
        number("review_weekday", 0, 6, nullable=True),
        Field("review_time", "time", default=None, nullable=True),
        when("created_at"),
    ),
    single=True,
    noun="calendar",
)
EMAIL_DIGEST = Kind(
    "email_digest",
    (
        Field("email", "text", max_length=254),
        Field("enabled", "boolean", default=True),
        when("last_sent_at"),
    ),
    single=True,
    noun="weekly e-mail",
)
MIRROR_ROUNDS = Kind(
    "mirror_rounds",
    (
        KEY,
        Field("display_name", "text", max_length=60),
        text("message", 1000),
        words("own_words"),
        Field("anonymous", "boolean", default=True),
        when("closed_at"),
        *STAMPS,
    ),
    key_prefix="round",
    noun="feedback round",
)
MIRROR_INVITATIONS = Kind(
    "mirror_invitations",
    (
        KEY,
        Field("round", "ref", target="mirror_rounds"),
        Field("label", "text", max_length=60),
        Field("person", "ref", default=None, nullable=True, target="people"),
        Field("expires_at", "datetime"),
        number("uses_allowed", 1, SMALL, default=1),
        number("uses", 0, SMALL, default=0),
        when("withdrawn_at"),
        when("created_at"),
    ),
    key_prefix="invitation",
    noun="invitation",
)
MIRROR_ANSWERS = Kind(
    "mirror_answers",
    (
        Field("round", "ref", target="mirror_rounds"),
        # A named round's answers say whose invitation and when; an anonymous round's neither.
        Field("invitation", "ref", default=None, nullable=True, target="mirror_invitations"),
        Field("answered_on", "date", default=None, nullable=True),
        words("words"),
        text("valued", 2000),
        text("unseen", 2000),
    ),
    noun="feedback answer",
    order=("round_id", "valued", "unseen", "words", "id"),
)

# In the order they are written and read: every kind comes after the kinds it points at.
KINDS: tuple[Kind, ...] = (
    ACCOUNT,
    TAGS,
    PEOPLE,
    CLOSENESS,
    MOMENTS,
    CHECKINS,
    CHECKIN_DRAFTS,
    CHECKIN_CHOICES,
    JOURNAL_ENTRIES,
    JOURNAL_DRAFTS,
    HIDDEN_PROMPTS,
    PLAN_LINES,
    PLAN_HELPERS,
    CRISIS_SETTINGS,
    OWN_CRISIS_LINES,
    SNOOZES,
    CALENDAR,
    EMAIL_DIGEST,
    MIRROR_ROUNDS,
    MIRROR_INVITATIONS,
    MIRROR_ANSWERS,
    *GROWTH_KINDS,
)
BY_NAME = {kind.name: kind for kind in KINDS}
HEADER = ("format", "version", "exported_at", "tending_version")
