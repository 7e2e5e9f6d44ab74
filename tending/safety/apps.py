from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "tending.safety"
    label = "safety"
    verbose_name = "Safety plan and crisis help"

    def ready(self) -> None:
        # A broken crisis-lines table stops tending at start, not on someone's worst day.
        from tending.safety.crisis_lines import shipped_table

        shipped_table()

        from tending.core import account_questions
        from tending.safety.forms import CountryForm

        account_questions.register(CountryForm)
