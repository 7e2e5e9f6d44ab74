"""Template filters every part may use."""

from __future__ import annotations

from django import template

from tending.core.phone import dial

register = template.Library()
register.filter("dial", dial)
