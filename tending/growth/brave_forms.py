"""Forms of brave steps: writing a step with its prediction, and what happened afterwards."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages
from tending.core.reads import read_together
from tending.core.widgets import FixedSelect
from tending.growth import brave_services
from tending.growth.brave import LEAST, MOST

GENERAL = ""  # the choice "closeness in general": no one in particular
STEP_FIELDS = ("text", "person", "hardness", "fear", "belief")


def rating(label: str, help_text: str, **options) -> forms.IntegerField:
    """A 0-100 number: typed, so it works without scripts and with any keyboard."""
    return forms.IntegerField(
        label=label,
        min_value=LEAST,
        max_value=MOST,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
        **options,
    )


HARD_HINT = _("0 = no bother at all, 100 = the hardest you can imagine.")
SURE_HINT = _("0 = not at all, 100 = completely sure.")


def people_to_choose(user, keep: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the person's active people by name, and the one step `keep` names
    (kept even if they were archived since, so editing the step does not drop them)."""
    (rows,) = read_together([brave_services.people_read(user, keep)])
    return rows


def step_initial(step) -> dict:
    """What StepForm starts from for a step written before (a row, or brave_services.StepRow)."""
    return {name: getattr(step, name) for name in STEP_FIELDS if name != "person"} | {
        "person": step.person_id or GENERAL
    }


class StepForm(PlainMessages, forms.Form):
    text = forms.CharField(
        label=_("Your step"),
        max_length=200,
        help_text=_("Small and concrete: “tell Sam I missed them”, “ask a question back”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    person = FixedChoiceField(
        label=_("Toward whom"),
        choices=[],
        # The people written out in Python, exactly as Django's Select writes them.
        widget=FixedSelect,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("That person is not in your circle.")},
    )
    hardness = rating(_("How hard does it feel?"), HARD_HINT)
    fear = forms.CharField(
        label=_("What do you fear will happen? (if you like)"),
        max_length=500,
        required=False,
        help_text=_("Your prediction, in your words: “they will think I'm needy”."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    belief = rating(_("How strongly do you believe it will happen, in %?"), SURE_HINT, initial=50)

    def __init__(
        self,
        *args,
        user,
        keep_step: int | None = None,
        people: list[tuple[int, str]] | None = None,
        **kwargs,
    ):
        """`people`: the choices of `people_to_choose(user, keep_step)` when already read."""
        super().__init__(*args, **kwargs)
        self.user = user
        # Only the person's own people are choices at all; anyone else's is refused.
        if people is None:
            people = people_to_choose(user, keep_step)
        field = self.fields["person"]
        # Already plain (value, label) pairs: set as Django's setter keeps them once it has
        # normalised them, which walks every name again.
        field._choices = field.widget.choices = [
            (GENERAL, gettext("Closeness in general")),
            *people,
        ]

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    def clean_person(self):
        chosen = self.cleaned_data.get("person")
        return None if chosen is None else owned(Person, self.user).get(pk=chosen)


class OutcomeForm(PlainMessages, forms.Form):
    done_on = forms.DateField(
        label=_("When did you take it?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    what_happened = forms.CharField(
        label=_("What actually happened?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    felt = rating(_("How hard was it, really?"), HARD_HINT)
    fear_came_true = forms.TypedChoiceField(
        label=_("Did what you feared happen?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    belief_after = rating(_("How strongly do you believe the fear now, in %?"), SURE_HINT)
    learned = forms.CharField(
        label=_("What did you learn? (if you like)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, today: date, feared: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["done_on"].widget.attrs["max"] = today.isoformat()
        if not feared:  # no fear was written: nothing to ask whether it came true
            del self.fields["fear_came_true"]
            del self.fields["belief_after"]

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        check_plausible_date(day)
        if day > self.today:
            raise ValidationError(_("Please give today or a day before."), code="future")
        return day
