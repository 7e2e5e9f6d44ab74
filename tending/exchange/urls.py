"""Settings → Your data."""

from django.urls import path

from tending.exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("export/", views.export, name="export"),
    path("import/", views.import_file, name="import"),
    path("import/<str:upload>/", views.import_preview, name="import_preview"),
    path("delete/", views.delete_account, name="delete_account"),
    path("goodbye/", views.goodbye, name="goodbye"),
]
