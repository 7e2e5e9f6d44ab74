from django.urls import path

from tending.today import views

app_name = "today"

urlpatterns = [
    path("", views.today, name="today"),
    path("not-now/<int:person_id>/", views.not_now, name="not_now"),
]
