"""What the safety pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import get_language
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
def blank_fields(environment: Environment, form: str, key: str = "") -> Markup:
    """The fields of an empty form that is the same for everyone, made once: a part's "add a
    line" form ("plan", the part), the country chooser ("region", the country chosen) or the
    "add a number" form ("line"); once for each language, as its words are."""
    return _blank_fields(environment, form, key, get_language())


@lru_cache(maxsize=128)
def _blank_fields(environment: Environment, form: str, key: str, language: str | None) -> Markup:
    from tending.safety.forms import EntryForm, OwnLineForm, RegionForm
    from tending.safety.models import PlanEntry

    # No owner: an empty form shows nothing of anyone's.
    made = {
        "plan": lambda: EntryForm(user=None, part=key, instance=PlanEntry(part=key)),
        "region": lambda: RegionForm(initial={"region": key}),
        "line": lambda: OwnLineForm(user=None),
    }[form]()
    template = environment.from_string(
        '{% from "core/forms.html" import field %}{% for f in form %}{{ field(f) }}{% endfor %}'
    )
    return Markup(template.render(form=made))


GLOBALS = {
    "crisis_help_for_request": crisis_help_for_request,
    "blank_fields": blank_fields,
}
