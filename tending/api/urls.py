from django.urls import path

from tending.api import views

app_name = "api"

urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:token_id>/revoke/", views.revoke, name="revoke"),
    path("docs/", views.docs, name="docs"),
]
