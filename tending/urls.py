"""The project's routes: one include per product part."""

from django.conf import settings
from django.urls import include, path, re_path

from tending.api.main import api
from tending.core.health import healthz

urlpatterns = [
    path("", include("tending.core.urls")),
    re_path(r"^healthz/?\Z", healthz, name="healthz"),  # for proxies and monitors: no login
    path("settings/data/", include("tending.exchange.urls")),
    path("settings/api/", include("tending.api.urls")),
    path("today/", include("tending.today.urls")),
    path("circle/", include("tending.circle.urls")),
    path("moments/", include("tending.moments.urls")),
    path("checkins/", include("tending.checkins.urls")),
    path("help/", include("tending.safety.urls")),
    path("journal/", include("tending.journal.urls")),
    path("search/", include("tending.search.urls")),
    path("insights/", include("tending.insights.urls")),
    path("mirror/", include("tending.mirror.urls")),
    path("growth/", include("tending.growth.urls")),
    path("", include("tending.pwa.urls")),  # the manifest, service worker, offline, push
    path("", include("tending.invitations.urls")),  # invitations and forgotten passwords
    path("api/v1/", api.urls),
]

if settings.DEBUG:
    # The design system's page of every component (tending.core.design), in development only.
    from tending.core.design import route as design_route

    urlpatterns.append(design_route)
