"""What the API shows of the safety plan and crisis help, made from the safety part's own
reads: the plan's steps, the lines to call, and the help a fired safety rule brings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from tending.api.common import Shown
from tending.checkins.definitions import SafetyRule
from tending.core.phone import dial
from tending.safety.crisis_lines import CrisisLine, Region
from tending.safety.models import Part
from tending.safety.queries import HELPERS, CrisisHelp, PlanSection, crisis_help_for

PartName = Literal[tuple(Part.values)]  # type: ignore[valid-type]
SectionName = Literal[(*Part.values, HELPERS)]  # type: ignore[valid-type]

# Crisis help -------------------------------------------------------------------------------


class EmergencyOut(Shown):
    number: str
    tel: str = Field(description="What to put after tel: to call it.")
    note: str


class LineOut(Shown):
    name: str
    number: str
    tel: str = Field(description="What to put after tel:; empty when it cannot be called.")
    text_number: str = Field(description="Where texts go; empty when it cannot be texted.")
    sms: str = Field(description="What to put after sms:; empty when it cannot be texted.")
    text_body: str
    hours: str
    note: str


class OwnLineOut(Shown):
    id: int
    name: str
    number: str
    tel: str
    note: str


class CountryOut(Shown):
    code: str
    name: str
    emergency: str
    emergency_tel: str


class CrisisHelpOut(Shown):
    country: str = Field(description='The country whose lines these are ("" for the general ones).')
    country_name: str
    is_general: bool = Field(description="No country known: the general numbers.")
    is_elsewhere: bool = Field(description="Another country than the caller's, asked for.")
    from_time_zone: bool = Field(description="The country comes from the time zone, not a choice.")
    emergency: EmergencyOut
    own_lines: list[OwnLineOut] = Field(description="The caller's own numbers, shown first.")
    lines: list[LineOut]
    note: str
    checked: str = Field(description="When and against what these numbers were last checked.")
    countries: list[CountryOut] = Field(description="Every country tending has lines for.")


def _line(line: CrisisLine) -> LineOut:
    return LineOut(
        name=line.name,
        number=line.number,
        tel=line.tel,
        text_number=line.text_number,
        sms=line.sms,
        text_body=line.text_body,
        hours=line.hours,
        note=line.note,
    )


def _country(region: Region) -> CountryOut:
    return CountryOut(
        code=region.code,
        name=region.name,
        emergency=region.emergency,
        emergency_tel=region.emergency_tel,
    )


def own_line_out(line) -> OwnLineOut:
    """A number of the person's own (a row, or as the crisis help reads it)."""
    return OwnLineOut(
        id=line.pk, name=line.name, number=line.number, tel=dial(line.number), note=line.note
    )


def crisis_help_out(help_: CrisisHelp) -> CrisisHelpOut:
    region = help_.region
    return CrisisHelpOut(
        country=region.code,
        country_name=region.name,
        is_general=help_.is_general,
        is_elsewhere=help_.is_elsewhere,
        from_time_zone=help_.is_guessed,
        emergency=EmergencyOut(
            number=region.emergency, tel=region.emergency_tel, note=region.emergency_note
        ),
        own_lines=[own_line_out(line) for line in help_.own_lines],
        lines=[_line(line) for line in region.lines],
        note=region.note,
        checked=region.checked,
        countries=[_country(c) for c in help_.countries],
    )


# The plan ----------------------------------------------------------------------------------


class EntryOut(Shown):
    id: int
    part: PartName
    text: str
    phone: str = Field(description="Only for professionals and services.")


class HelperOut(Shown):
    id: int
    person_id: int
    name: str
    phone: str
    email: str
    is_available: bool = Field(description="Shown in the plan only while safe and not archived.")


class SectionOut(Shown):
    key: SectionName
    step: int
    title: str
    explanation: str
    example: str = Field(description='An example line ("" for the people to ask).')
    entries: list[EntryOut] = Field(description="The lines of a written part.")
    people: list[HelperOut] = Field(description='The safe people, in the "helpers" step.')


class OfferedOut(Shown):
    person_id: int
    name: str


class PlanOut(Shown):
    sections: list[SectionOut] = Field(description="The plan's steps in the order they are used.")
    offered: list[OfferedOut] = Field(description="Safe people who could be added to the plan.")
    crisis_help: CrisisHelpOut


class SafetyHelpOut(Shown):
    """What the web shows first when an answer fires a safety rule."""

    messages: list[str] = Field(description="The check-in's own words for what was answered.")
    crisis_help: CrisisHelpOut
    plan: list[SectionOut] = Field(description="The filled parts of the plan, as it is read.")


def helper_out(pk: int, person) -> HelperOut:
    return HelperOut(
        id=pk,
        person_id=person.pk,
        name=person.name,
        phone=person.phone,
        email=person.email,
        is_available=person.is_safe and not person.is_archived,
    )


def section_out(step: int, section: PlanSection, *, shown: bool = False) -> SectionOut:
    rows = section.shown if shown else section.rows
    return SectionOut(
        key=section.key,
        step=step,
        title=section.title,
        explanation=section.explanation,
        example=section.guide.example if section.guide else "",
        entries=[] if section.is_helpers else [entry_out(line) for line in rows],
        people=[helper_out(h.pk, h.person) for h in rows] if section.is_helpers else [],
    )


def entry_out(row) -> EntryOut:
    return EntryOut(id=row.pk, part=row.part, text=row.text, phone=row.phone)


def safety_help(user, fired: Iterable[SafetyRule]) -> SafetyHelpOut:
    """The rules' own messages, the caller's crisis lines and the plan as it is read."""
    help_ = crisis_help_for(user)
    filled = [(n, s) for n, s in enumerate(help_.plan.sections, start=1) if s.shown]
    return SafetyHelpOut(
        messages=[rule.message for rule in fired],
        crisis_help=crisis_help_out(help_),
        plan=[section_out(n, s, shown=True) for n, s in filled],
    )
