"""The calendar feed's options: names or initials, and the weekly review slot."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tending.core.plain_messages import PlainMessages
from tending.today.models import CalendarFeed, EmailDigest


class FeedOptionsForm(PlainMessages, forms.ModelForm):
    class Meta:
        model = CalendarFeed
        fields = ["use_initials", "review_weekday", "review_time"]
        labels = {
            "use_initials": _("Show initials instead of names (S. R. rather than Sam Rivera)"),
            "review_weekday": _("Weekly review: day"),
            "review_time": _("Time"),
        }
        widgets = {"review_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        help_texts = {
            "review_weekday": _("A quiet half hour each week to look back. Leave empty for none.")
        }

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("review_weekday"), cleaned.get("review_time")
        if (day is None) != (at is None) and not self.errors:
            missing = "review_time" if at is None else "review_weekday"
            self.add_error(missing, _("Please give both the day and the time, or neither."))
        return cleaned


class DigestForm(PlainMessages, forms.ModelForm):
    class Meta:
        model = EmailDigest
        fields = ["email", "enabled"]
        labels = {"email": _("Send it to"), "enabled": _("Send me the weekly e-mail")}
