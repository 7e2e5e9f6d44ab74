from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tending.api"
    label = "api"
    verbose_name = "API"
