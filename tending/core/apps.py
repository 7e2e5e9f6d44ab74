"""The core app: accounts, owned rows, security and the checks that guard them."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tending.core"
    label = "core"
    verbose_name = "tending core"

    def ready(self) -> None:
        from tending.core import checks  # noqa: F401  (registers the system checks)
