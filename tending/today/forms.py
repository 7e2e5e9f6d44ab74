"""The calendar feed's options: names or initials, and the weekly review slot."""

from __future__ import annotations

from django import forms

from tending.core.plain_messages import PlainMessages
from tending.today.models import CalendarFeed, EmailDigest


class FeedOptionsForm(PlainMessages, forms.ModelForm):
    class Meta:
        model = CalendarFeed
        fields = ["use_initials", "review_weekday", "review_time"]
        labels = {
            "use_initials": "Show initials instead of names (S. R. rather than Sam Rivera)",
            "review_weekday": "Weekly review: day",
            "review_time": "Time",
        }
        widgets = {"review_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        help_texts = {
            "review_weekday": "A quiet half hour each week to look back. Leave empty for none."
        }

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("review_weekday"), cleaned.get("review_time")
        if (day is None) != (at is None) and not self.errors:
            missing = "review_time" if at is None else "review_weekday"
            self.add_error(missing, "Please give both the day and the time, or neither.")
        return cleaned


class DigestForm(PlainMessages, forms.ModelForm):
    class Meta:
        model = EmailDigest
        fields = ["email", "enabled"]
        labels = {"email": "Send it to", "enabled": "Send me the weekly e-mail"}
