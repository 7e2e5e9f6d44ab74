"""The supporter report's choices: the period, the parts, and which journal entries go in."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext, gettext_lazy, gettext_noop, pgettext_lazy

from tending.core.plain_messages import PlainMessages
from tending.insights.report import DEFAULT_SECTIONS, SECTIONS, default_period, period_problems

# In English, as the tests compare them; the form says them in the page's language.
NOT_LISTED = gettext_noop("Please choose only from your entries of this period listed here.")
NO_SECTION = gettext_noop("Please choose at least one part to put in the report.")


class EntryIds(forms.Field):
    """The journal entries ticked, by id; only ids of the entries offered are accepted.

    Not a ChoiceField: the page writes its checkboxes itself (review_views._entry_picks), and
    a ChoiceField's list of up to two hundred choices cost more to set up than to check."""

    widget = forms.MultipleHiddenInput  # reads every value sent; never drawn by the page

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.offered: dict[int, str] = {}

    def to_python(self, value) -> list[int]:
        ids = []
        for item in value or ():
            text = str(item)
            if not (text.isascii() and text.isdigit() and len(text) < 19):
                raise forms.ValidationError(gettext(NOT_LISTED), code="invalid_choice")
            if int(text) not in self.offered:
                raise forms.ValidationError(gettext(NOT_LISTED), code="invalid_choice")
            ids.append(int(text))
        return ids


class ReportForm(PlainMessages, forms.Form):
    start = forms.DateField(
        label=pgettext_lazy("a report's period", "From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("a report's period", "To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sections = forms.MultipleChoiceField(
        label=gettext_lazy("What goes in"),
        choices=SECTIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy(NO_SECTION)},
    )
    entries = EntryIds(
        label=gettext_lazy("Journal entries to include"),
        required=False,
        help_text=gettext_lazy(
            "None go in unless you tick them, and only with “Journal entries” ticked above."
        ),
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
        self.fields["entries"].offered = dict(listed)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None:
            for name, problem in period_problems(start, end, self.today).items():
                self.add_error(name, problem)
        return cleaned
