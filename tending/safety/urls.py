from django.urls import path

from tending.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.crisis, name="crisis"),
]
