"""The core app: accounts, owned rows, security and the checks that guard them."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tending.core"
    label = "core"
    verbose_name = "tending core"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started
        from django.db.backends.signals import connection_created

        from tending.core import checks  # noqa: F401  (registers the system checks)
        from tending.core.health_checks import note_answered, skip_recent_checks
        from tending.core.postgres import read_times_fast
        from tending.core.sqlite_times import compare_times_as_stored

        compare_times_as_stored()

        connection_created.connect(read_times_fast, dispatch_uid="tending-read-times-fast")
        # After Django's own receivers, which were connected when django.db was imported.
        request_started.connect(skip_recent_checks, dispatch_uid="tending-skip-recent-checks")
        request_finished.connect(note_answered, dispatch_uid="tending-note-answered")
