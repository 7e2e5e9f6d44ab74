"""{% crisis_help %}: crisis lines first, then the person's own plan; for any page to embed."""

from __future__ import annotations

from django import template

from tending.safety import crisis_lines
from tending.safety.queries import crisis_help_for

register = template.Library()


@register.inclusion_tag("safety/_crisis_help.html", takes_context=True)
def crisis_help(context, region: str | None = None, time_zone: str | None = None):
    """The crisis lines for whoever is looking, and their plan only when they are logged in.

    `region` shows another country's lines for this page only (the crisis page's picker);
    `time_zone` is the browser's, for someone not logged in.
    """
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {"help": crisis_help_for(user, region, time_zone=time_zone), "request": request}


@register.filter
def dial(number: str) -> str:
    """A phone number as tel: and sms: links want it: digits and a leading +."""
    return crisis_lines.dial(number or "")
