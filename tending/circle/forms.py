"""Forms for adding and editing people, and rating closeness."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from tending.circle.drift import RING_RHYTHM_DAYS, rhythm_words
from tending.circle.models import MONTHS, RING_MEANING, ClosenessRating, Person, Ring
from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField, fixed_choices
from tending.core.plain_messages import PlainMessages

CLOSENESS_CHOICES = [(i, str(i)) for i in range(1, 8)]


def _usual_rhythms() -> str:
    """The rhythm field's hint: each ring's usual rhythm, in the page's language."""
    return _(
        "Leave empty for the ring's usual rhythm: inner %(inner)s, middle %(middle)s, "
        "outer %(outer)s."
    ) % {ring: rhythm_words(days) for ring, days in RING_RHYTHM_DAYS.items()}


def _ring_meanings() -> str:
    """The ring field's hint: what each ring means."""
    return " ".join(f"{ring.label}: {RING_MEANING[ring]}" for ring in Ring)


NAME_NEEDED = gettext_lazy("Please give a name, even just a first name or a nickname.")


class PersonForm(PlainMessages, forms.ModelForm):
    rhythm_days = forms.IntegerField(
        label=gettext_lazy("Keep in touch every … days"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=lazy(_usual_rhythms, str)(),
    )
    birthday_day = FixedChoiceField(
        label=gettext_lazy("Birthday: day"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + [(d, str(d)) for d in range(1, 32)],
    )
    birthday_month = FixedChoiceField(
        label=gettext_lazy("Month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—")] + MONTHS,
    )
    birthday_year = forms.IntegerField(label=gettext_lazy("Year (if you know it)"), required=False)
    closeness = FixedChoiceField(
        label=gettext_lazy("How close do you feel to them right now?"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=CLOSENESS_CHOICES,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Pick the pair of circles that fits best. You can change this any time."
        ),
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
            "name": gettext_lazy("Name"),
            "kind": gettext_lazy("How you know them"),
            "ring": gettext_lazy("Ring"),
            "phone": gettext_lazy("Phone"),
            "email": gettext_lazy("E-mail"),
            "other_contact": gettext_lazy("Other way to reach them"),
            "notes": gettext_lazy("Notes"),
            "is_safe": gettext_lazy("A safe person: someone I could turn to when things are hard"),
        }
        formfield_callback = fixed_choices
        widgets = {
            "ring": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "ring": lazy(_ring_meanings, str)(),
            "is_safe": gettext_lazy("Safe people are offered in your safety plan."),
        }

    def __init__(self, *args, with_closeness: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "off", "autofocus": True})
        self.fields["name"].error_messages["required"] = NAME_NEEDED
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
            raise forms.ValidationError(NAME_NEEDED)
        return name

    def clean_birthday_year(self):
        year = self.cleaned_data.get("birthday_year")
        this_year = timezone.localdate().year
        if year is not None and not (1900 <= year <= this_year):
            raise forms.ValidationError(
                _("Please give a year between 1900 and %(year)d.") % {"year": this_year}
            )
        return year

    def clean(self):
        cleaned = super().clean()
        day, month = cleaned.get("birthday_day"), cleaned.get("birthday_month")
        year = cleaned.get("birthday_year")
        if (day is None) != (month is None):
            missing = "birthday_month" if month is None else "birthday_day"
            self.add_error(missing, _("Please give both the day and the month, or neither."))
        elif day is not None:
            try:
                date(year or 2000, month, day)  # 2000 is a leap year: 29 February is fine
            except ValueError:
                self.add_error("birthday_day", _("That day does not exist in that month."))
        if (
            year is not None
            and day is None
            and month is None
            and "birthday_year" not in self.errors
        ):
            self.add_error(
                "birthday_year", _("Please add the day and month too, or leave the year empty.")
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
        label=gettext_lazy("How close do you feel to them?"),
        coerce=int,
        choices=CLOSENESS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Please tap the pair of circles that fits best.")},
    )

    class Meta:
        model = ClosenessRating
        fields = ["value", "rated_on"]
        labels = {"rated_on": pgettext_lazy("closeness rated on", "On")}
        widgets = {"rated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_rated_on(self):
        rated_on = self.cleaned_data["rated_on"]
        check_plausible_date(rated_on)
        if rated_on > timezone.localdate():
            raise forms.ValidationError(
                _("That date is still to come; please pick today or earlier.")
            )
        return rated_on
