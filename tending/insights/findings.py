"""The edge between a person's stored data and the insights engine: their findings, kept until
their data changes. The only place the rest of tending asks for findings."""

from __future__ import annotations

from datetime import date

from tending.insights.diary import Finding


def current_findings(user) -> list[Finding]:
    """The person's findings and early signs now, strongest first (cached)."""
    return []


def new_or_firmer(user, since: date) -> list[Finding]:
    """Findings first seen on or after `since`, and early signs that became findings since."""
    return []
