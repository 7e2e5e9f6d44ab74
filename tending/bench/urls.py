"""The product's routes plus the floor: the benchmark's yardstick, never served by tending.

`tending bench` measures with ROOT_URLCONF pointing here (tending.bench.pages.bench_settings),
so the floor goes through the same middleware, session, login check and base layout as every
page, and renders nothing else.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_http_methods

from tending.urls import urlpatterns as product_urlpatterns


@login_required
@require_http_methods(["GET"])
def floor(request):
    """A logged-in view rendering the base layout with no content."""
    return render(request, "bench/floor.html")


urlpatterns = [
    *product_urlpatterns,
    path("bench/", include(([path("floor/", floor, name="floor")], "bench"))),
]
