from django.apps import AppConfig


class MirrorConfig(AppConfig):
    name = "tending.mirror"
    label = "mirror"
    verbose_name = "Mirror"
