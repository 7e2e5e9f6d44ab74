from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "tending.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from tending.insights import signals  # noqa: F401  (connects the receivers)
