from django.urls import path

from tending.moments import views

app_name = "moments"

urlpatterns = [
    path("", views.moment_list, name="list"),
    path("quick/", views.quick, name="quick"),
    path("add/", views.add, name="add"),
    path("<int:moment_id>/", views.detail, name="detail"),
    path("<int:moment_id>/edit/", views.edit, name="edit"),
    path("<int:moment_id>/delete/", views.delete, name="delete"),
]
