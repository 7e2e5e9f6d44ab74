from django.apps import AppConfig
from django.db.models.signals import post_migrate


class JournalConfig(AppConfig):
    name = "tending.journal"
    label = "journal"
    verbose_name = "Journal"

    def ready(self) -> None:
        from tending.journal.fts import ensure_search_index

        post_migrate.connect(ensure_search_index, sender=self)
