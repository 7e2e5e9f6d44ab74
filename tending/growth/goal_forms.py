"""Forms of the goal pages: setting or changing a goal, and adding or changing one of its steps."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField
from tending.core.plain_messages import PlainMessages
from tending.growth.goal_queries import GoalChoices, goal_choices
from tending.growth.goals import AREAS, STATUSES
from tending.growth.models import Goal

STEP_TEXT_MOST = 200
FIRST_STEPS_MOST = 12
DATE_ERRORS = {"invalid": _("Please give a date, like 2026-03-14.")}
IF_THEN_HINT = _(
    "“When …, I will …” is a good shape for a step: “When I finish work on Friday, I will "
    "text Sam.”"
)


class _QuickCopy:
    """A field copied for each form as FixedChoiceField is (tending.core.forms): what Django's
    Field.__deepcopy__ makes (the field and its widget copied, their attributes, messages
    and validators lists of their own), made directly rather than through copy's machinery,
    which was most of the cost of making the goal form."""

    __deepcopy__ = FixedChoiceField.__deepcopy__


class TextField(_QuickCopy, forms.CharField):
    pass


class DayField(_QuickCopy, forms.DateField):
    pass


def _date_field(label: str, help_text: str = "") -> forms.DateField:
    return DayField(
        label=label,
        required=False,
        help_text=help_text,
        validators=[check_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )


class OwnRowsField(forms.TypedMultipleChoiceField):
    """Several of the person's own rows, offered as (id, words) pairs read with the form
    (goal_queries.GoalChoices): anyone else's row, or a made-up id, is not a choice.

    Plain pairs rather than a query set: the form offers sixty people and sixty brave steps,
    and making each a model only to write its id and name cost more than the rest of the
    page. Copied for each form as FixedChoiceField is; each form sets its own choices."""

    widget = forms.CheckboxSelectMultiple
    __deepcopy__ = FixedChoiceField.__deepcopy__

    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)

    def offer(self, pairs: list[tuple[int, str]]) -> None:
        # Already normal (id, text) pairs: kept as the field's and the widget's setters keep
        # them once they have normalised them, which walks every pair each time.
        self._choices = self.widget._choices = pairs


class GoalForm(PlainMessages, forms.ModelForm):
    title = TextField(
        label=_("What would you like to grow toward?"),
        max_length=120,
        help_text=_("In your own words: “See friends more often”, “Be gentler with myself”."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": _("Please give your goal a few words.")},
    )
    area = FixedChoiceField(
        label=_("Which part of life is it about?"),
        choices=list(AREAS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose the part of life it is about.")},
    )
    why = TextField(
        label=_("Why it matters to you (if you like)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("A line to come back to on a harder day."),
    )
    target = _date_field(
        _("A day to aim for (if you like)"), _("Leave it empty for no particular day.")
    )
    status = FixedChoiceField(
        label=_("Where is it now?"), choices=list(STATUSES.items()), widget=forms.RadioSelect
    )
    # Not among the model's fields below: the ids are read with the choices and saved by
    # goal_services.save_goal, so the form never asks the goal's links for models.
    people = OwnRowsField(
        label=_("People it is about (if any)"),
        required=False,
        error_messages={"invalid_choice": _("That person is not in your circle.")},
    )
    brave_steps = OwnRowsField(
        label=_("Brave steps that belong to it (if any)"),
        required=False,
        error_messages={"invalid_choice": _("That is not one of your brave steps.")},
    )
    first_steps = TextField(
        label=_("A few first steps (if you like)"),
        required=False,
        max_length=FIRST_STEPS_MOST * (STEP_TEXT_MOST + 2),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=format_lazy(
            "{} {}", _("One step per line; you can add dates to them afterwards."), IF_THEN_HINT
        ),
    )

    class Meta:
        model = Goal
        fields = ["title", "area", "why", "target", "status"]

    def __init__(self, *args, user, choices: GoalChoices | None = None, **kwargs):
        """`choices`: what the form offers and the goal holds, when already read with the goal
        (goal_queries.goal_with_choices); otherwise read here."""
        super().__init__(*args, **kwargs)
        self.user = user
        goal = self.instance
        if choices is None:
            choices = goal_choices(user, goal)
        self.fields["people"].offer(choices.people)
        self.fields["brave_steps"].offer(choices.brave_steps)
        self.initial.setdefault("people", choices.chosen_people)
        self.initial.setdefault("brave_steps", choices.chosen_brave_steps)
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
                gettext("Please choose today or a day ahead, or leave it empty."), code="past"
            )
        return target

    def clean_first_steps(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("first_steps", "").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > FIRST_STEPS_MOST:
            raise forms.ValidationError(
                ngettext(
                    "Please start with %(most)d step or fewer; you can add more later.",
                    "Please start with %(most)d steps or fewer; you can add more later.",
                    FIRST_STEPS_MOST,
                )
                % {"most": FIRST_STEPS_MOST},
                code="too_many",
            )
        for line in lines:
            if len(line) > STEP_TEXT_MOST:
                raise forms.ValidationError(
                    gettext("Please keep each step to %(most)d characters; “%(start)s…” is longer.")
                    % {"most": STEP_TEXT_MOST, "start": line[:30]},
                    code="max_length",
                )
        return lines

    def offers(self, name: str) -> bool:
        """Whether there is anything to choose in `people` or `brave_steps`."""
        return bool(self.fields[name].choices)


class StepForm(PlainMessages, forms.Form):
    text = TextField(
        label=_("A small step"),
        max_length=STEP_TEXT_MOST,
        help_text=IF_THEN_HINT,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": _("Please write the step in a few words.")},
    )
    due = _date_field(_("When (if you like)"))


class StepEditForm(StepForm):
    done = forms.BooleanField(label=_("Done"), required=False)
