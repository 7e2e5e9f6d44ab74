from django.apps import AppConfig


class MomentsConfig(AppConfig):
    name = "tending.moments"
    label = "moments"
    verbose_name = "Moments"
