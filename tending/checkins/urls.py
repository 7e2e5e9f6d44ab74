from django.urls import path

from tending.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.index, name="index"),
    path("how-often/", views.settings_page, name="settings"),
    path("done/<int:checkin_id>/", views.result, name="result"),
    path("done/<int:checkin_id>/delete/", views.delete, name="delete"),
    path("<slug:instrument>/", views.take, name="take"),
    path("<slug:instrument>/autosave/", views.autosave, name="autosave"),
    path("<slug:instrument>/discard/", views.discard, name="discard"),
    path("<slug:instrument>/history/", views.history_page, name="history"),
]
