from django.urls import path

from tending.search import views

app_name = "search"

urlpatterns = [
    path("", views.everything, name="everything"),
    path("people/", views.people, name="people"),
]
