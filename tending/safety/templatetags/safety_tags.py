"""{% safety_first %}: the Jinja2 safety_first macro, for the Django templates that show it.

Only Today's page (a Django template still) needs it; it goes when that page moves to Jinja2.
"""

from __future__ import annotations

from django import template
from django.template import engines
from django.template.backends.jinja2 import Jinja2
from django.utils.safestring import mark_safe

register = template.Library()

_CALL = (
    '{% from "checkins/_safety_first.html" import safety_first with context %}'
    "{{ safety_first(fired, risky_drafts) }}"
)
_compiled = {}


@register.simple_tag(takes_context=True)
def safety_first(context) -> str:
    """Crisis help first, with the rules that fired and any risky unfinished check-ins."""
    engine = next(e for e in engines.all() if isinstance(e, Jinja2))
    if engine not in _compiled:
        _compiled.clear()
        _compiled[engine] = engine.from_string(_CALL)
    request = context.get("request")
    data = {"fired": context.get("fired", ()), "risky_drafts": context.get("risky_drafts", ())}
    return mark_safe(_compiled[engine].render(data, request=request))  # noqa: S308 (escaped by Jinja2)
