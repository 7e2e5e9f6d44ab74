from django.apps import AppConfig


class PwaConfig(AppConfig):
    """tending on a phone: installable, help and quick logs that work offline, push reminders."""

    name = "tending.pwa"
    label = "pwa"
    default_auto_field = "django.db.models.BigAutoField"
