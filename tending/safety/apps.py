from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "tending.safety"
    label = "safety"
    verbose_name = "Safety plan and crisis help"
