"""The design system's own page: every component in every state, light and dark side by side.

For development only. `tending.urls` adds /design/ when DEBUG is on; tests and anyone curious
reach it through this module's URL configuration (ROOT_URLCONF="tending.core.design"), as the
benchmark reaches its floor. It shows made-up examples, never anyone's rows.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from tending.core.icons import icon_names
from tending.urls import urlpatterns as product_urlpatterns

# The tokens the page draws, by group (the stylesheet holds their values).
COLOURS = [
    "bg", "surface", "text", "muted", "line", "control-line", "accent", "accent-text",
    "accent-soft", "focus", "danger", "danger-bg", "help-bg", "ok", "due", "drift", "never",
]  # fmt: skip
SPACES = [f"space-{n}" for n in range(1, 9)]
TEXT_SIZES = ["text-xs", "text-sm", "text-base", "text-md", "text-lg", "text-xl", "text-2xl"]
RADII = ["radius-sm", "radius", "radius-lg", "radius-round"]
SHADOWS = ["shadow-rest", "shadow-float"]
# Lines the sparkline is shown with: rising, falling with a gap, flat, a single day.
SPARKS = [
    (_("Rising"), [2, 3, 3, 4, 5, 4, 6]),
    (_("With a day missing"), [6, 5, None, 4, 3, 3, 2]),
    (_("Flat"), [4, 4, 4, 4]),
    (_("One day"), [3]),
]


@require_http_methods(["GET"])
def design(request):
    """Every component in every state, once per colour scheme."""
    context = {
        "colours": COLOURS,
        "spaces": SPACES,
        "text_sizes": TEXT_SIZES,
        "radii": RADII,
        "shadows": SHADOWS,
        "sparks": SPARKS,
        "icons": icon_names(),
        "schemes": ["light", "dark"],
    }
    return render(request, "core/design.html", context)


route = path("design/", include(([path("", design, name="design")], "design")))
urlpatterns = [*product_urlpatterns, route]
