"""Forms of the goal pages: setting or changing a goal, and adding or changing one of its steps."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from tending.circle.models import Person
from tending.circle.queries import people_to_choose
from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField
from tending.core.ownership import is_row_id, owned
from tending.core.plain_messages import PlainMessages
from tending.growth.goals import AREAS, STATUSES
from tending.growth.models import BraveStep, Goal

STEP_TEXT_MOST = 200
FIRST_STEPS_MOST = 12
DATE_ERRORS = {"invalid": "Please give a date, like 2026-03-14."}
IF_THEN_HINT = (
    "“When …, I will …” is a good shape for a step: “When I finish work on Friday, I will "
    "text Sam.”"
)


def _date_field(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        validators=[check_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )


class OwnRowsField(forms.ModelMultipleChoiceField):
    """Several of the person's own rows; anyone else's, or a made-up id, is not a choice."""

    widget = forms.CheckboxSelectMultiple

    def _check_values(self, value):
        if any(not is_row_id(v) for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)


class GoalForm(PlainMessages, forms.ModelForm):
    title = forms.CharField(
        label="What would you like to grow toward?",
        max_length=120,
        help_text="In your own words: “See friends more often”, “Be gentler with myself”.",
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": "Please give your goal a few words."},
    )
    area = FixedChoiceField(
        label="Which part of life is it about?",
        choices=list(AREAS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose the part of life it is about."},
    )
    why = forms.CharField(
        label="Why it matters to you (if you like)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text="A line to come back to on a harder day.",
    )
    target = _date_field("A day to aim for (if you like)", "Leave it empty for no particular day.")
    status = FixedChoiceField(
        label="Where is it now?", choices=list(STATUSES.items()), widget=forms.RadioSelect
    )
    people = OwnRowsField(
        label="People it is about (if any)",
        queryset=Person.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "That person is not in your circle.",
            "invalid_pk_value": "That person is not in your circle.",
        },
    )
    brave_steps = OwnRowsField(
        label="Brave steps that belong to it (if any)",
        queryset=BraveStep.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": "That is not one of your brave steps.",
            "invalid_pk_value": "That is not one of your brave steps.",
        },
    )
    first_steps = forms.CharField(
        label="A few first steps (if you like)",
        required=False,
        max_length=FIRST_STEPS_MOST * (STEP_TEXT_MOST + 2),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text="One step per line; you can add dates to them afterwards. " + IF_THEN_HINT,
    )

    class Meta:
        model = Goal
        fields = ["title", "area", "why", "target", "status", "people", "brave_steps"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        goal = self.instance
        self.fields["people"].queryset = people_to_choose(user, goal).order_by("name", "id")
        self.fields["brave_steps"].queryset = owned(BraveStep, user).order_by("added_on", "id")
        self.fields["brave_steps"].label_from_instance = lambda step: step.text
        self.fields["people"].label_from_instance = lambda person: person.name
        self._offered: dict[str, bool] = {}
        if goal.pk:
            del self.fields["first_steps"]
        else:
            del self.fields["status"]
            # A day ahead is what the picker offers for a new goal (see clean_target).
            self.fields["target"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_target(self) -> date | None:
        target = self.cleaned_data.get("target")
        if target is not None and not self.instance.pk and target < timezone.localdate():
            raise forms.ValidationError(
                "Please choose today or a day ahead, or leave it empty.", code="past"
            )
        return target

    def clean_first_steps(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("first_steps", "").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > FIRST_STEPS_MOST:
            raise forms.ValidationError(
                f"Please start with {FIRST_STEPS_MOST} steps or fewer; you can add more later.",
                code="too_many",
            )
        for line in lines:
            if len(line) > STEP_TEXT_MOST:
                raise forms.ValidationError(
                    f"Please keep each step to {STEP_TEXT_MOST} characters; "
                    f"“{line[:30]}…” is longer.",
                    code="max_length",
                )
        return lines

    def offers(self, name: str) -> bool:
        """Whether there is anything to choose in `people` or `brave_steps`. The choices are
        read here once and kept for drawing the field, so asking costs no query of its own
        (validating a sent form still asks the query set, which holds only one's own rows)."""
        if name not in self._offered:
            field = self.fields[name]
            field.choices = [choice for choice in field.choices]  # list() would COUNT first
            self._offered[name] = bool(field.choices)
        return self._offered[name]


class StepForm(PlainMessages, forms.Form):
    text = forms.CharField(
        label="A small step",
        max_length=STEP_TEXT_MOST,
        help_text=IF_THEN_HINT,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": "Please write the step in a few words."},
    )
    due = _date_field("When (if you like)")


class StepEditForm(StepForm):
    done = forms.BooleanField(label="Done", required=False)
