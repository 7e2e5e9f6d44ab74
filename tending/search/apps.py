from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "tending.search"
    label = "search"
    verbose_name = "Search everything"

    def ready(self) -> None:
        from tending.search.index import ensure_search_index

        post_migrate.connect(ensure_search_index, sender=self)
        from tending.search.forget import connect_signals

        connect_signals()
