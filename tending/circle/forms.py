"""Forms for adding and editing people, and rating closeness."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from tending.circle.drift import RING_RHYTHM_DAYS, rhythm_words
from tending.circle.models import MONTHS, RING_MEANING, ClosenessRating, Person, Ring
from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField, fixed_choices
from tending.core.plain_messages import PlainMessages

CLOSENESS_CHOICES = [(i, str(i)) for i in range(1, 8)]


class PersonForm(PlainMessages, forms.ModelForm):
    rhythm_days = forms.IntegerField(
        label="Keep in touch every … days",
        required=False,
        min_value=1,
        max_value=3650,
        help_text="Leave empty for the ring's usual rhythm: "
        + ", ".join(f"{r.label.lower()} {rhythm_words(RING_RHYTHM_DAYS[r])}" for r in Ring)
        + ".",
    )
    birthday_day = FixedChoiceField(
        label="Birthday: day",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + [(d, str(d)) for d in range(1, 32)],
    )
    birthday_month = FixedChoiceField(
        label="Month",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + MONTHS,
    )
    birthday_year = forms.IntegerField(label="Year (if you know it)", required=False)
    closeness = FixedChoiceField(
        label="How close do you feel to them right now?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=CLOSENESS_CHOICES,
        widget=forms.RadioSelect,
        help_text="Pick the pair of circles that fits best. You can change this any time.",
    )

    class Meta:
        model = Person
        fields = [
            "name",
            "kind",
            "ring",
            "rhythm_days",
            "birthday_day",
            "birthday_month",
            "birthday_year",
            "phone",
            "email",
            "other_contact",
            "notes",
            "is_safe",
        ]
        labels = {
            "name": "Name",
            "kind": "How you know them",
            "ring": "Ring",
            "phone": "Phone",
            "email": "E-mail",
            "other_contact": "Other way to reach them",
            "notes": "Notes",
            "is_safe": "A safe person: someone I could turn to when things are hard",
        }
        formfield_callback = fixed_choices
        widgets = {
            "ring": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "ring": " ".join(f"{r.label}: {RING_MEANING[r]}" for r in Ring),
            "is_safe": "Safe people are offered in your safety plan.",
        }

    def __init__(self, *args, with_closeness: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "off", "autofocus": True})
        self.fields["name"].error_messages["required"] = (
            "Please give a name, even just a first name or a nickname."
        )
        self.fields["ring"].choices = [(r.value, r.label) for r in Ring]
        # Show the ring's usual rhythm as empty, so moving someone to another ring moves
        # them to that ring's rhythm too, unless the person chose one of their own.
        person = self.instance
        if person.pk and person.rhythm_days == RING_RHYTHM_DAYS.get(person.ring):
            self.initial["rhythm_days"] = None
        if not with_closeness:
            del self.fields["closeness"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please give a name, even just a first name or a nickname.")
        return name

    def clean_birthday_year(self):
        year = self.cleaned_data.get("birthday_year")
        this_year = timezone.localdate().year
        if year is not None and not (1900 <= year <= this_year):
            raise forms.ValidationError(f"Please give a year between 1900 and {this_year}.")
        return year

    def clean(self):
        cleaned = super().clean()
        day, month = cleaned.get("birthday_day"), cleaned.get("birthday_month")
        year = cleaned.get("birthday_year")
        if (day is None) != (month is None):
            missing = "birthday_month" if month is None else "birthday_day"
            self.add_error(missing, "Please give both the day and the month, or neither.")
        elif day is not None:
            try:
                date(year or 2000, month, day)  # 2000 is a leap year: 29 February is fine
            except ValueError:
                self.add_error("birthday_day", "That day does not exist in that month.")
        if (
            year is not None
            and day is None
            and month is None
            and "birthday_year" not in self.errors
        ):
            self.add_error(
                "birthday_year", "Please add the day and month too, or leave the year empty."
            )
        return cleaned

    def save(self, commit: bool = True) -> Person:
        person = super().save(commit=False)
        if not self.cleaned_data.get("rhythm_days"):
            person.rhythm_days = RING_RHYTHM_DAYS[person.ring]
        if commit:
            person.save()
            closeness = self.cleaned_data.get("closeness")
            if closeness:
                ClosenessRating.objects.create(owner=person.owner, person=person, value=closeness)
        return person


class ClosenessForm(PlainMessages, forms.ModelForm):
    value = forms.TypedChoiceField(
        label="How close do you feel to them?",
        coerce=int,
        choices=CLOSENESS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Please tap the pair of circles that fits best."},
    )

    class Meta:
        model = ClosenessRating
        fields = ["value", "rated_on"]
        labels = {"rated_on": "On"}
        widgets = {"rated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_rated_on(self):
        rated_on = self.cleaned_data["rated_on"]
        check_plausible_date(rated_on)
        if rated_on > timezone.localdate():
            raise forms.ValidationError("That date is still to come; please pick today or earlier.")
        return rated_on
