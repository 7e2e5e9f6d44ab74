"""What Growth's templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from tending.growth import brave_html
from tending.growth.goal_templating import goal_choice_field, goal_step_items
from tending.growth.therapy_templating import (
    therapy_field,
    therapy_flag_items,
    therapy_session_rows,
)

GLOBALS = {
    "goal_choice_field": goal_choice_field,
    "goal_step_items": goal_step_items,
    "brave_open_rows": brave_html.open_rows,
    "brave_aside_rows": brave_html.aside_rows,
    "brave_done_rows": brave_html.done_rows,
    "brave_table_rows": brave_html.table_rows,
    "brave_chart_svg": brave_html.chart_svg,
    "therapy_flag_items": therapy_flag_items,
    "therapy_session_rows": therapy_session_rows,
    "therapy_field": therapy_field,
}
