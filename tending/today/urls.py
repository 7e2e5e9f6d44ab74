from django.urls import path

from tending.today import calendar_views, views

app_name = "today"

urlpatterns = [
    path("", views.today, name="today"),
    path("not-now/<int:person_id>/", views.not_now, name="not_now"),
    path("calendar/", calendar_views.calendar_settings, name="calendar"),
    path("calendar/feed/<str:token>.ics", calendar_views.feed, name="feed"),
]
