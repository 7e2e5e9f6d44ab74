"""The project's routes: one include per product part."""

from django.urls import include, path

urlpatterns = [
    path("", include("tending.core.urls")),
    path("settings/data/", include("tending.exchange.urls")),
    path("today/", include("tending.today.urls")),
    path("circle/", include("tending.circle.urls")),
    path("moments/", include("tending.moments.urls")),
    path("checkins/", include("tending.checkins.urls")),
    path("help/", include("tending.safety.urls")),
    path("journal/", include("tending.journal.urls")),
    path("search/", include("tending.search.urls")),
]
