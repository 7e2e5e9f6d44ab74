from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "tending.today"
    label = "today"
    verbose_name = "Today"
