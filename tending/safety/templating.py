"""What the safety pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from tending.safety.queries import CrisisHelp, crisis_help_for


def crisis_help_for_request(
    request=None, region: str | None = None, time_zone: str | None = None
) -> CrisisHelp:
    """The crisis help the `crisis_help` macro shows: the lines for whoever is looking, and
    their plan only when they are logged in (nothing private without a request)."""
    return crisis_help_for(getattr(request, "user", None), region, time_zone=time_zone)


GLOBALS = {"crisis_help_for_request": crisis_help_for_request}
