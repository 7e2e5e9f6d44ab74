from django.urls import path

from tending.circle import views

app_name = "circle"

urlpatterns = [
    path("", views.circle, name="circle"),
    path("add/", views.person_add, name="person_add"),
    path("people/<int:person_id>/", views.person_detail, name="person"),
    path("people/<int:person_id>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:person_id>/archive/", views.person_archive, name="person_archive"),
    path("people/<int:person_id>/restore/", views.person_restore, name="person_restore"),
    path("people/<int:person_id>/delete/", views.person_delete, name="person_delete"),
    path("people/<int:person_id>/closeness/", views.closeness_add, name="closeness_add"),
    path("closeness/<int:rating_id>/delete/", views.closeness_delete, name="closeness_delete"),
]
