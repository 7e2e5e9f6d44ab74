"""Reads of the safety plan and of the crisis help a person sees, in a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from tending.core.ownership import owned
from tending.safety.crisis_lines import Region, shipped_table
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


def saved_region(user) -> str:
    return owned(CrisisSettings, user).values_list("region", flat=True).first() or ""


@dataclass
class CrisisHelp:
    region: Region  # the country shown, or the general numbers
    is_general: bool
    is_elsewhere: bool  # a country asked for on the page, not the one in settings
    countries: list[Region]
    own_lines: list[OwnCrisisLine]
    plan: SafetyPlan | None  # only ever for the person themselves
    logged_in: bool


def crisis_help_for(user, region: str | None = None, *, with_plan: bool = True) -> CrisisHelp:
    """Crisis lines for `user` (anyone, logged in or not), and their plan when logged in."""
    table = shipped_table()
    logged_in = bool(getattr(user, "is_authenticated", False))
    saved = saved_region(user) if logged_in else ""
    asked = table.region(region)
    shown = asked or table.region(saved)
    countries = sorted(table.countries.values(), key=lambda r: r.name)
    return CrisisHelp(
        region=shown or table.general,
        is_general=shown is None,
        is_elsewhere=asked is not None and asked.code != saved,
        countries=countries,
        own_lines=list(owned(OwnCrisisLine, user).order_by("position", "id")) if logged_in else [],
        plan=plan_for(user) if logged_in and with_plan else None,
        logged_in=logged_in,
    )
