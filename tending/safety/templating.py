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


def line_words() -> dict[str, Markup]:
    """The words each line of the plan page repeats, looked up once for the page's language:
    a plan of twenty lines asked the catalogue for them two hundred times, a third of the
    page. Each is Markup, as `{% trans %}` makes it, and `%` escapes the name it is given."""
    return _line_words(get_language())


@lru_cache(maxsize=8)
def _line_words(language: str | None) -> dict[str, Markup]:
    from django.utils.translation import gettext as _

    return {
        "change": Markup(_('Change<span class="visually-hidden"> “%(name)s”</span>')),
        "move_up": Markup(_("Move “%(name)s” up")),
        "move_down": Markup(_("Move “%(name)s” down")),
        "up": Markup(_("↑ Up")),
        "down": Markup(_("↓ Down")),
        "remove_open": Markup(_('Remove…<span class="visually-hidden"> “%(name)s”</span>')),
        "take_out": Markup(_("Take “<bdi>%(name)s</bdi>” out of your plan?")),
        "remove_named": Markup(_("Remove “%(name)s”")),
        "remove_it": Markup(_("Remove it")),
        "in_circle": Markup(_("<bdi>%(name)s</bdi> in your circle")),
    }


GLOBALS = {
    "crisis_help_for_request": crisis_help_for_request,
    "blank_fields": blank_fields,
    "line_words": line_words,
}
