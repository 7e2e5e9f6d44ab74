"""The building blocks of the export's declarations: a field, a kind, and the limits they keep.

Plain data, no Django (tending.exchange.document declares the kinds with them).
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT = "tending-export"
VERSION = 2  # 2: the account's chosen language (an older tending refuses it clearly)

# Free text with no limit in the database still gets one here, so a hostile file cannot
# fill the disk or the memory through a single field. Far above anything typed by hand.
TEXT_LIMIT = 1_000_000
ENTRY_BODY_LIMIT = 50_000  # the journal's own limit (tending.journal.rendering.BODY_LIMIT)
KEY_LIMIT = 100
SMALL = 32_767  # PositiveSmallIntegerField
LARGE = 2_147_483_647  # PositiveIntegerField
MAX_ANSWERS = 500  # items in one check-in's answers or scores

REQUIRED = object()  # a field without a default must be in every row


@dataclass(frozen=True)
class Field:
    """One field of a row: its JSON type and what values the database can keep."""

    name: str
    type: str  # text, integer, number, boolean, datetime, date, time, ref, refs, answers, scores
    default: object = REQUIRED
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple = ()
    nullable: bool = False
    target: str | None = None  # the kind a ref or refs points at

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class Kind:
    """A list of rows (or, when `single`, one object or null) at the top of the document."""

    name: str
    fields: tuple[Field, ...]
    key_prefix: str | None = None  # rows others point at carry a key
    single: bool = False
    unique: tuple[tuple[str, ...], ...] = ()  # no two rows may share these values
    noun: str = ""  # for messages: "there is no person with the key …"
    # The columns rows are written in order of; an anonymous feedback round's answers are
    # ordered by what they say, so the export never tells which came first.
    order: tuple[str, ...] = ("id",)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def text(name: str, limit: int, default: object = "", **more) -> Field:
    return Field(name, "text", default=default, max_length=limit, **more)


def number(name: str, low: int, high: int, nullable: bool = False, **more) -> Field:
    default = more.pop("default", None if nullable else REQUIRED)
    return Field(name, "integer", default, minimum=low, maximum=high, nullable=nullable, **more)


def when(name: str, required: bool = False, nullable: bool = True) -> Field:
    # An absent created_at or updated_at means "now", as when the row is made by hand.
    return Field(name, "datetime", default=REQUIRED if required else None, nullable=nullable)


def flag(name: str) -> Field:
    return Field(name, "boolean", default=False)


def scale(name: str, top: int) -> Field:
    return number(name, 1, top, nullable=True)


def words(name: str) -> Field:
    """Five or six words of the Mirror's list (tending.mirror.words), each once."""
    return Field(name, "words", minimum=5, maximum=6)


KEY = Field("key", "text", max_length=KEY_LIMIT)
# Rows that came to be pointed at later (a moment or a check-in flagged for therapy) carry a
# key in every export since, and may come without one from an export made before.
OPTIONAL_KEY = Field("key", "text", default=None, nullable=True, max_length=KEY_LIMIT)
STAMPS = (when("created_at"), when("updated_at"))
PERSON_KINDS = (
    "partner",
    "family",
    "friend",
    "colleague",
    "mentor",
    "professional",
    "peer-support",
    "community",
    "other",
)
RINGS = ("inner", "middle", "outer")
CHANNELS = ("", "in-person", "call", "video", "messages", "letter", "other")
INITIATORS = ("", "me", "them", "both")
PLAN_PARTS = (
    "warning-signs",
    "coping",
    "distractions",
    "professionals",
    "environment",
    "reasons",
)
FREQUENCIES = ("daily", "weekly", "on-demand", "off")
