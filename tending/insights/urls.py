from django.urls import path

from tending.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.index, name="index"),
]

# Charts over the years (issue 18, part 2).
from tending.insights import chart_views  # noqa: E402

urlpatterns += [
    path("pulse/", chart_views.pulse, name="pulse"),
    path("circle/", chart_views.circle, name="circle"),
    path("circle/<int:person_id>/", chart_views.closeness, name="closeness"),
]
