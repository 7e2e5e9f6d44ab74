from django.urls import path

from tending.pwa import views

app_name = "pwa"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="worker"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("offline/", views.offline, name="offline"),
    path("phone/", views.phone, name="phone"),
    path("phone/reminder", views.reminder, name="reminder"),
    path("phone/push/", views.subscribe, name="subscribe"),
    path("phone/push/stop", views.unsubscribe, name="unsubscribe"),
]
