"""Reads of the safety plan and of the crisis help a person sees, in a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.utils.translation import get_language

from tending.circle.models import Person
from tending.safety.countries import country_for_time_zone
from tending.safety.crisis_lines import Region, shown_table, table_country
from tending.safety.models import (
    GUIDES,
    HELPERS_EXPLANATION,
    HELPERS_TITLE,
    CrisisSettings,
    Guide,
    OwnCrisisLine,
    Part,
    PlanEntry,
    PlanHelper,
)

HELPERS = "helpers"


@dataclass(slots=True)
class PlanLine:
    """One line of one part of the plan, read as plain values."""

    pk: int
    part: str
    text: str
    phone: str
    is_open: bool = False  # the plan page opens the row just moved

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class PlanPerson:
    """What the plan shows of someone from the circle."""

    pk: int
    name: str
    phone: str
    email: str
    is_safe: bool
    is_archived: bool


@dataclass(slots=True)
class HelperLine:
    """A safe person the plan says to ask for help."""

    pk: int
    person: PlanPerson
    is_open: bool = False

    @property
    def person_id(self) -> int:
        return self.person.pk

    @property
    def is_available(self) -> bool:
        """Shown in the plan only while still marked safe and not archived."""
        return self.person.is_safe and not self.person.is_archived

    def __str__(self) -> str:
        return self.person.name


@dataclass
class PlanSection:
    key: str  # a Part value, or "helpers"
    title: str
    explanation: str
    rows: list = field(default_factory=list)  # PlanLine, or HelperLine for the helpers
    guide: Guide | None = None

    @property
    def is_helpers(self) -> bool:
        return self.key == HELPERS

    @property
    def shown(self) -> list:
        """What the plan shows when read: helpers only while safe and not archived."""
        if self.is_helpers:
            return [h for h in self.rows if h.is_available]
        return self.rows


@dataclass
class SafetyPlan:
    sections: list[PlanSection]
    # Safe, active people not in the plan yet, by name: what the plan page offers to add.
    offered: list[tuple[int, str]] = field(default_factory=list)

    @property
    def filled(self) -> list[PlanSection]:
        return [s for s in self.sections if s.shown]

    @property
    def is_empty(self) -> bool:
        return not any(s.rows for s in self.sections)


def plan_for(user) -> SafetyPlan:
    """The whole plan in the order it is used: two queries, however long it grows.

    The SQL is written out: the ORM spent more building these two small queries and making
    model rows of them than the database spent answering.
    """
    entries_sql, people_sql = _plan_sql()
    with connection.cursor() as cursor:
        cursor.execute(entries_sql, [user.pk])
        entries = cursor.fetchall()
        cursor.execute(people_sql, [user.pk, user.pk])
        people = cursor.fetchall()
    by_part: dict[str, list[PlanLine]] = {p.value: [] for p in Part}
    for pk, part, text, phone in entries:
        by_part.setdefault(part, []).append(PlanLine(pk, part, text, phone))
    helpers, offered = [], []
    for helper_id, position, pk, name, phone, email, is_safe, is_archived in people:
        if helper_id is not None:
            person = PlanPerson(pk, name, phone, email, bool(is_safe), bool(is_archived))
            helpers.append((position, helper_id, HelperLine(helper_id, person)))
        elif is_safe and not is_archived:
            offered.append((pk, name))
    helpers.sort(key=lambda h: h[:2])
    sections = []
    for part in Part:  # the titles and explanations in the language in use
        guide = GUIDES[part]
        sections.append(
            PlanSection(part.value, part.heading, guide.explanation, by_part[part], guide)
        )
        if part == Part.DISTRACTIONS:  # step 4 of the plan: people to ask for help
            rows = [h[2] for h in helpers]
            title, explanation = str(HELPERS_TITLE), str(HELPERS_EXPLANATION)
            sections.append(PlanSection(HELPERS, title, explanation, rows))
    return SafetyPlan(sections, offered)


@lru_cache(maxsize=1)
def _plan_sql() -> tuple[str, str]:
    """The plan's lines in order; and the owner's people who are in the plan or could be.

    The people come by name (the database's order, as the form showed them before); the
    plan's own order of its helpers is put back in Python.
    """
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    def table(model) -> str:
        return quote(model._meta.db_table)

    e = {n: f"e.{column(PlanEntry, n)}" for n in ("id", "part", "text", "phone", "owner")}
    entries = (
        f"SELECT {e['id']}, {e['part']}, {e['text']}, {e['phone']} FROM {table(PlanEntry)} e"
        f" WHERE {e['owner']} = %s ORDER BY e.{column(PlanEntry, 'position')}, {e['id']}"
    )
    h = {n: f"h.{column(PlanHelper, n)}" for n in ("id", "position", "person", "owner")}
    p = {
        n: f"p.{column(Person, n)}"
        for n in ("id", "name", "phone", "email", "is_safe", "is_archived", "owner")
    }
    people = (
        f"SELECT {h['id']}, {h['position']}, {p['id']}, {p['name']}, {p['phone']}, {p['email']},"
        f" {p['is_safe']}, {p['is_archived']} FROM {table(Person)} p"
        f" LEFT JOIN {table(PlanHelper)} h ON {h['person']} = {p['id']} AND {h['owner']} = %s"
        f" WHERE {p['owner']} = %s"
        f" AND ({h['id']} IS NOT NULL OR ({p['is_safe']} AND NOT {p['is_archived']}))"
        f" ORDER BY {p['name']}, {p['id']}"
    )
    return entries, people


CHOSEN = "chosen"
FROM_TIME_ZONE = "time zone"


def country_of(user) -> tuple[str, str]:
    """The country whose lines `user` sees, and how it is known: (code, CHOSEN or FROM_TIME_ZONE).

    A country chosen (or "none") in settings wins; until one is, their time zone says where
    they are, so someone in Europe/Berlin sees German lines from the first page, not 911.
    """
    settings_sql, _ = _crisis_sql()
    with connection.cursor() as cursor:
        cursor.execute(settings_sql, [user.pk])
        row = cursor.fetchone()
    saved = row[0] if row is not None else None
    if saved is not None:
        return saved, CHOSEN
    guess = guessed_country(user)
    return guess, FROM_TIME_ZONE if guess else ""


def guessed_country(user) -> str:
    """The country `user`'s time zone points to, when it has crisis lines; else ""."""
    return table_country(country_for_time_zone(getattr(user, "time_zone", "")))


@dataclass(frozen=True, slots=True)
class OwnLine:
    """A crisis number the person added themselves, read as plain values."""

    pk: int
    name: str
    number: str
    note: str


def own_lines_for(user) -> list[OwnLine]:
    """The person's own crisis numbers, in their order."""
    _, lines_sql = _crisis_sql()
    with connection.cursor() as cursor:
        cursor.execute(lines_sql, [user.pk])
        return [OwnLine(*row) for row in cursor.fetchall()]


@lru_cache(maxsize=1)
def _crisis_sql() -> tuple[str, str]:
    """The country chosen in settings; and the person's own numbers. Written out, as the
    plan's are: the ORM cost more than the answers."""
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    settings = (
        f"SELECT {column(CrisisSettings, 'region')} FROM {quote(CrisisSettings._meta.db_table)}"
        f" WHERE {column(CrisisSettings, 'owner')} = %s"
    )
    wanted = ", ".join(column(OwnCrisisLine, n) for n in ("id", "name", "number", "note"))
    lines = (
        f"SELECT {wanted} FROM {quote(OwnCrisisLine._meta.db_table)}"
        f" WHERE {column(OwnCrisisLine, 'owner')} = %s"
        f" ORDER BY {column(OwnCrisisLine, 'position')}, {column(OwnCrisisLine, 'id')}"
    )
    return settings, lines


@dataclass
class CrisisHelp:
    region: Region  # the country shown, or the general numbers
    is_general: bool
    is_elsewhere: bool  # a country asked for on the page, not the one in settings
    is_guessed: bool  # the country comes from a time zone, not from a choice
    countries: list[Region]
    own_lines: list[OwnLine]
    plan: SafetyPlan | None  # only ever for the person themselves
    logged_in: bool
    guess_in_browser: bool = False  # nothing known yet: the browser may say its time zone


def crisis_help_for(
    user,
    region: str | None = None,
    *,
    time_zone: str | None = None,
    with_plan: bool = True,
) -> CrisisHelp:
    """Crisis lines for `user` (anyone, logged in or not), and their plan when logged in.

    `region` is a country asked for on the page; `time_zone` is the browser's, sent by
    country.js for someone not logged in, whose country is otherwise unknown.
    """
    table = shown_table(get_language())  # its words in the page's language
    logged_in = bool(getattr(user, "is_authenticated", False))
    if logged_in:
        own, how = country_of(user)
    else:
        own = table_country(country_for_time_zone(time_zone))
        how = FROM_TIME_ZONE if own else ""
    asked = table.region(region)
    shown = asked or table.region(own)
    countries = table.by_name()
    return CrisisHelp(
        region=shown or table.general,
        is_general=shown is None,
        is_elsewhere=asked is not None and asked.code != own,
        is_guessed=asked is None and shown is not None and how == FROM_TIME_ZONE,
        guess_in_browser=not logged_in and not region and time_zone is None,
        countries=countries,
        own_lines=own_lines_for(user) if logged_in else [],
        plan=plan_for(user) if logged_in and with_plan else None,
        logged_in=logged_in,
    )
