"""The supporter report's choices: the period, the parts, and which journal entries go in."""

from __future__ import annotations

from datetime import date

from django import forms

from tending.core.plain_messages import PlainMessages
from tending.insights.report import DEFAULT_SECTIONS, SECTIONS, default_period, period_problems

NOT_LISTED = "Please choose only from your entries of this period listed here."
NO_SECTION = "Please choose at least one part to put in the report."


class ReportForm(PlainMessages, forms.Form):
    start = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))
    sections = forms.MultipleChoiceField(
        label="What goes in",
        choices=SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": NO_SECTION},
    )
    entries = forms.TypedMultipleChoiceField(
        label="Journal entries to include",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None go in unless you tick them, and only with “Journal entries” ticked above.",
        error_messages={"invalid_choice": NOT_LISTED},
    )

    def __init__(self, data=None, *, today: date, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.today = today
        start, end = default_period(today)
        self.fields["start"].initial = start
        self.fields["end"].initial = end
        self.fields["sections"].initial = list(DEFAULT_SECTIONS)

    def period(self) -> tuple[date, date]:
        """The period asked for when it is a sound one, else the default: which entries to
        offer depends on it before the whole form is checked."""
        if not self.is_bound:
            return default_period(self.today)
        days = []
        for name in ("start", "end"):
            try:
                days.append(self.fields[name].clean(self.data.get(name)))
            except forms.ValidationError:
                return default_period(self.today)
        if period_problems(days[0], days[1], self.today):
            return default_period(self.today)
        return days[0], days[1]

    def offer_entries(self, listed: list[tuple[int, str]]) -> None:
        self.fields["entries"].choices = listed

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None:
            for name, problem in period_problems(start, end, self.today).items():
                self.add_error(name, problem)
        return cleaned
