"""Reads of the safety plan and of the crisis help a person sees, in a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from tending.core.ownership import owned
from tending.safety.countries import country_for_time_zone
from tending.safety.crisis_lines import Region, shipped_table, table_country
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


@dataclass
class PlanSection:
    key: str  # a Part value, or "helpers"
    title: str
    explanation: str
    rows: list = field(default_factory=list)  # PlanEntry, or PlanHelper for the helpers
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

    @property
    def filled(self) -> list[PlanSection]:
        return [s for s in self.sections if s.shown]

    @property
    def is_empty(self) -> bool:
        return not any(s.rows for s in self.sections)


def plan_for(user) -> SafetyPlan:
    """The whole plan in the order it is used: two queries, however long it grows."""
    by_part: dict[str, list[PlanEntry]] = {p.value: [] for p in Part}
    for entry in owned(PlanEntry, user).order_by("position", "id"):
        by_part.setdefault(entry.part, []).append(entry)
    helpers = list(owned(PlanHelper, user).select_related("person").order_by("position", "id"))
    sections = []
    for part in Part:
        guide = GUIDES[part]
        sections.append(
            PlanSection(part.value, part.label, guide.explanation, by_part[part], guide)
        )
        if part == Part.DISTRACTIONS:  # step 4 of the plan: people to ask for help
            sections.append(PlanSection(HELPERS, HELPERS_TITLE, HELPERS_EXPLANATION, helpers))
    return SafetyPlan(sections)


CHOSEN = "chosen"
FROM_TIME_ZONE = "time zone"


def country_of(user) -> tuple[str, str]:
    """The country whose lines `user` sees, and how it is known: (code, CHOSEN or FROM_TIME_ZONE).

    A country chosen (or "none") in settings wins; until one is, their time zone says where
    they are, so someone in Europe/Berlin sees German lines from the first page, not 911.
    """
    saved = owned(CrisisSettings, user).values_list("region", flat=True).first()
    if saved is not None:
        return saved, CHOSEN
    guess = guessed_country(user)
    return guess, FROM_TIME_ZONE if guess else ""


def guessed_country(user) -> str:
    """The country `user`'s time zone points to, when it has crisis lines; else ""."""
    return table_country(country_for_time_zone(getattr(user, "time_zone", "")))


@dataclass
class CrisisHelp:
    region: Region  # the country shown, or the general numbers
    is_general: bool
    is_elsewhere: bool  # a country asked for on the page, not the one in settings
    is_guessed: bool  # the country comes from a time zone, not from a choice
    countries: list[Region]
    own_lines: list[OwnCrisisLine]
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
    table = shipped_table()
    logged_in = bool(getattr(user, "is_authenticated", False))
    if logged_in:
        own, how = country_of(user)
    else:
        own = table_country(country_for_time_zone(time_zone))
        how = FROM_TIME_ZONE if own else ""
    asked = table.region(region)
    shown = asked or table.region(own)
    countries = sorted(table.countries.values(), key=lambda r: r.name)
    return CrisisHelp(
        region=shown or table.general,
        is_general=shown is None,
        is_elsewhere=asked is not None and asked.code != own,
        is_guessed=asked is None and shown is not None and how == FROM_TIME_ZONE,
        guess_in_browser=not logged_in and not region and time_zone is None,
        countries=countries,
        own_lines=list(owned(OwnCrisisLine, user).order_by("position", "id")) if logged_in else [],
        plan=plan_for(user) if logged_in and with_plan else None,
        logged_in=logged_in,
    )
