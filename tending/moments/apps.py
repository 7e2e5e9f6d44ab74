"""Moments: the interactions that mattered."""

from django.apps import AppConfig


class MomentsConfig(AppConfig):
    name = "tending.moments"
    label = "moments"
    verbose_name = "Moments"

    def ready(self) -> None:
        from tending.moments import signals  # noqa: F401  (connects the receivers)
