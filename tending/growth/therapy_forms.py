"""Forms of the therapy companion: a session, what was talked about in it, homework from it,
and flagging something to bring up next time."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tending.core.dates import check_plausible_date
from tending.core.ownership import is_row_id, owned
from tending.core.plain_messages import PlainMessages
from tending.growth.goal_forms import DATE_ERRORS, IF_THEN_HINT, STEP_TEXT_MOST
from tending.growth.goal_services import HOMEWORK_TITLE, homework_titles
from tending.growth.models import Goal, TherapySession
from tending.growth.therapy_queries import OPEN_GOALS

KINDS = ("entry", "moment", "checkin")
NOTE_MOST = 300


class SessionForm(PlainMessages, forms.ModelForm):
    held_on = forms.DateField(
        label=_("When was it?"),
        validators=[check_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Please give the day of the session."), **DATE_ERRORS},
    )
    with_whom = forms.CharField(
        label=_("With whom (if you like)"),
        max_length=80,
        required=False,
        help_text=_("Their name or just “my therapist”, as you like."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    notes = forms.CharField(
        label=_("Notes afterwards (if you like)"),
        max_length=10000,
        required=False,
        help_text=_("What stayed with you, what you'd like to remember or try."),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )

    class Meta:
        model = TherapySession
        fields = ["held_on", "with_whom", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("held_on", timezone.localdate())


class HomeworkForm(PlainMessages, forms.Form):
    goal = forms.TypedChoiceField(
        label=_("For which goal?"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[],
        error_messages={"invalid_choice": _("Please choose one of your goals.")},
    )
    text = forms.CharField(
        label=_("The homework, as a small step"),
        max_length=STEP_TEXT_MOST,
        help_text=IF_THEN_HINT,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": _("Please write the homework in a few words.")},
    )
    due = forms.DateField(
        label=_("By when (if you like)"),
        required=False,
        validators=[check_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args, user, goals: list[tuple[int, str]] | None = None, **kwargs):
        """`goals`: (id, title) of the person's active and paused goals by title, when the
        page has read them already (therapy_queries.open_goals_read); else they are read."""
        super().__init__(*args, **kwargs)
        self.user = user
        mine = goals
        if mine is None:
            mine = list(
                owned(Goal, user)
                .filter(status__in=OPEN_GOALS)
                .order_by("title", "id")
                .values_list("id", "title")
            )
        titles = homework_titles()
        homework = [pk for pk, title in mine if title in titles]
        choices = [(pk, title) for pk, title in mine]
        if not homework:
            # No goal of that name yet: choosing it makes one (goal_services.homework_goal).
            new_goal = gettext("%(title)s (a new goal for it)") % {"title": gettext(HOMEWORK_TITLE)}
            choices.insert(0, ("", new_goal))
        self.fields["goal"].choices = choices
        if homework:
            self.initial.setdefault("goal", homework[0])

    def clean_goal(self) -> Goal | None:
        chosen = self.cleaned_data.get("goal")
        return None if chosen is None else owned(Goal, self.user).get(pk=chosen)


class BringUpForm(forms.Form):
    """What "Bring this up in therapy" sends: the kind of row and its id, a note, and where to
    go back to. The row's ownership is checked by the view (another account's is a 404)."""

    kind = forms.ChoiceField(choices=[(kind, kind) for kind in KINDS])
    id = forms.CharField(max_length=20)
    note = forms.CharField(required=False, strip=True)
    next = forms.CharField(max_length=2000, required=False)

    def clean_id(self) -> int:
        value = self.cleaned_data["id"]
        if not is_row_id(value):
            raise forms.ValidationError("Not a row.", code="invalid")
        return int(value)

    def clean_note(self) -> str:
        # The field on the page stops at NOTE_MOST characters; a longer one is cut, not refused,
        # since the page it came from cannot show a note about it.
        return self.cleaned_data.get("note", "")[:NOTE_MOST]
