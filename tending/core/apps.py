"""The core app: accounts, owned rows, security and the checks that guard them."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tending.core"
    label = "core"
    verbose_name = "tending core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from tending.core import checks  # noqa: F401  (registers the system checks)
        from tending.core.postgres import read_times_fast

        connection_created.connect(read_times_fast, dispatch_uid="tending-read-times-fast")
