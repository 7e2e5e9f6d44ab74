"""The design system's template helpers: icons, sparklines and a form's field (see
docs/design.md)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

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


def form_field(field) -> Markup:
    """One form field (a BoundField): its label, the widget, the hint and the problems next to
    it, wired up for screen readers (Django's widget has aria-describedby and aria-invalid).
    What core/forms.html's `field` macro writes: it was written there in the template, and
    asked the field for its errors three times, each time making a new list."""
    errors = field.errors
    label = f'<label for="{escape(field.id_for_label)}">{escape(field.label)}</label>'
    widget = escape(field)
    if field.widget_type == "checkbox":
        classes = "field has-error checkbox" if errors else "field checkbox"
        inside = f"\n    {widget} {label}\n  "
    else:
        classes = "field has-error" if errors else "field"
        inside = f"\n    {label}\n    {widget}\n  "
    hint = ""
    if field.help_text:
        hint = (
            f'<p class="hint" id="{escape(field.auto_id)}_helptext">{escape(field.help_text)}</p>'
        )
    said = ""
    if errors:
        problems = "".join(f"<p>{escape(error)}</p>" for error in errors)
        said = f'<div class="error" id="{escape(field.auto_id)}_error">{problems}</div>'
    return Markup(f'\n<div class="{classes}">\n  {inside}\n  {hint}\n  {said}\n</div>')


GLOBALS = {"icon": icon, "sparkline": sparkline, "form_field": form_field}
