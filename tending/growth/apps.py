from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "tending.growth"
    label = "growth"
    verbose_name = "Growth"
