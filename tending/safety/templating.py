"""What the safety pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, pass_environment
from markupsafe import Markup

from tending.safety.queries import CrisisHelp, crisis_help_for


def crisis_help_for_request(
    request=None, region: str | None = None, time_zone: str | None = None
) -> CrisisHelp:
    """The crisis help the `crisis_help` macro shows: the lines for whoever is looking, and
    their plan only when they are logged in (nothing private without a request)."""
    return crisis_help_for(getattr(request, "user", None), region, time_zone=time_zone)


@pass_environment
def blank_plan_fields(environment: Environment, part: str) -> Markup:
    """The fields of a part's empty "add a line" form, the same for everyone: made once."""
    return _blank_plan_fields(environment, part)


@lru_cache(maxsize=16)
def _blank_plan_fields(environment: Environment, part: str) -> Markup:
    from tending.safety.forms import EntryForm
    from tending.safety.models import PlanEntry

    template = environment.from_string(
        '{% from "core/forms.html" import field %}{% for f in form %}{{ field(f) }}{% endfor %}'
    )
    # No owner: an empty form shows nothing of anyone's.
    form = EntryForm(user=None, part=part, instance=PlanEntry(part=part))
    return Markup(template.render(form=form))


GLOBALS = {
    "crisis_help_for_request": crisis_help_for_request,
    "blank_plan_fields": blank_plan_fields,
}
