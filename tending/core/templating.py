"""The design system's template helpers: icons and sparklines (see docs/design.md)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from tending.core.icons import icon
from tending.core.sparkline import sparkline_svg


def sparkline(
    values: Sequence[float | None],
    label: str = "",
    lo: float | None = None,
    hi: float | None = None,
) -> Markup:
    """`{{ sparkline([3, 4, 2], "Mood this week") }}`: a small inline line chart."""
    return Markup(sparkline_svg(values, label, lo, hi))


GLOBALS = {"icon": icon, "sparkline": sparkline}
