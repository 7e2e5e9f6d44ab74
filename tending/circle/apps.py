from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "tending.circle"
    label = "circle"
    verbose_name = "Circle"
