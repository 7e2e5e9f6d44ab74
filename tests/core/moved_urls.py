"""The product's routes with the moments under another address, to test address caching."""

from django.urls import include, path

from tending.moments import views

urlpatterns = [
    path("elsewhere/<int:moment_id>/", views.detail, name="detail"),
]
urlpatterns = [path("", include((urlpatterns, "moments")))]
