from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "tending.checkins"
    label = "checkins"
    verbose_name = "Check-ins"

    def ready(self) -> None:
        # Load and check every definition at start, so a bad host file stops tending with
        # its message instead of breaking pages later.
        from tending.checkins.registry import instruments

        instruments()
