"""Forms for logging a moment quickly or in full, and for narrowing the list of moments."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.core.tags import MAX_TAG_LENGTH, parse_tag_names, tag_text, tags_for
from tending.moments.models import Channel, Initiator, Moment, Sharing

SKIP = ("", "Skip")


def _rating_choices(top: int, low: str, high: str) -> list[tuple]:
    labels = {1: f"1 · {low}", top: f"{top} · {high}"}
    return [SKIP] + [(i, labels.get(i, str(i))) for i in range(1, top + 1)]


def _optional_choice(
    label: str, choices, coerce=str, help_text: str = ""
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=coerce,
        empty_value=None if coerce is int else "",
        choices=[SKIP] + list(choices),
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Who was it with?")
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Who was it with? Please choose at least one person.",
                "invalid_choice": "That person is not in your circle.",
                "invalid_pk_value": "That person is not in your circle.",
            },
        )
        super().__init__(queryset=Person.objects.none(), **kwargs)


def people_choices(user, moment: Moment | None = None):
    """The owner's active people, plus any archived ones already in this moment."""
    people = owned(Person, user)
    keep = Q(is_archived=False)
    if moment is not None and moment.pk:
        keep |= Q(moments=moment)
    return people.filter(keep).distinct().order_by("name")


class QuickMomentForm(forms.Form):
    people = PeopleField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people_choices(user)


class MomentForm(forms.ModelForm):
    people = PeopleField()
    occurred_at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": "Please say when it was.",
            "invalid": "Please give a date and time, like 2026-03-14 18:30.",
        },
    )
    duration_minutes = forms.IntegerField(
        label="How long, in minutes",
        required=False,
        min_value=1,
        max_value=24 * 60,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"max_value": "That is more than a day; please give minutes up to 1440."},
    )
    channel = _optional_choice("How", Channel.choices)
    initiated_by = _optional_choice("Who reached out", Initiator.choices)
    self_disclosure = _optional_choice(
        "How much did you share of yourself?", Sharing.choices, coerce=int
    )
    other_disclosure = _optional_choice("How much did they share?", Sharing.choices, coerce=int)
    felt_understood = forms.TypedChoiceField(
        label="I felt understood",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(5, "not at all", "completely"),
        widget=forms.RadioSelect,
    )
    felt_validated = forms.TypedChoiceField(
        label="I felt accepted, that my feelings made sense to them",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(5, "not at all", "completely"),
        widget=forms.RadioSelect,
    )
    felt_cared_for = forms.TypedChoiceField(
        label="I felt cared for",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(5, "not at all", "completely"),
        widget=forms.RadioSelect,
    )
    closeness_after = forms.TypedChoiceField(
        label="How close did you feel afterwards?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(7, "distant", "very close"),
        widget=forms.RadioSelect,
    )
    felt_safe = forms.TypedChoiceField(
        label="How safe did you feel with them?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(5, "not safe", "completely safe"),
        widget=forms.RadioSelect,
    )
    tag_names = forms.CharField(
        label="Tags",
        required=False,
        max_length=500,
        help_text="Words to find this moment by later, separated by commas.",
    )

    class Meta:
        model = Moment
        fields = [
            "people",
            "occurred_at",
            "duration_minutes",
            "channel",
            "initiated_by",
            "self_disclosure",
            "other_disclosure",
            "felt_understood",
            "felt_validated",
            "felt_cared_for",
            "closeness_after",
            "felt_safe",
            "note",
        ]
        labels = {"note": "A note, if you like"}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["people"].queryset = people_choices(user, self.instance)
        if self.instance.pk:
            self.initial["tag_names"] = tag_text(self.instance.tags.all())
            self.initial["occurred_at"] = timezone.localtime(self.instance.occurred_at)
        elif "occurred_at" not in self.initial:
            self.initial["occurred_at"] = timezone.localtime().replace(second=0, microsecond=0)

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        if occurred_at > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(
                "That is still to come; a moment is something that happened."
            )
        if occurred_at.year < 1900:
            raise forms.ValidationError("Please give a date after 1900.")
        return occurred_at

    def clean_tag_names(self) -> list[str]:
        names = parse_tag_names(self.cleaned_data.get("tag_names", ""))
        too_long = [n for n in names if len(n) > MAX_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Each tag can be at most {MAX_TAG_LENGTH} characters; "
                f"“{too_long[0][:20]}…” is longer."
            )
        return names

    def save(self, commit: bool = True) -> Moment:
        moment = super().save(commit=commit)
        if commit:
            moment.tags.set(tags_for(self.user, self.cleaned_data["tag_names"]))
        return moment


class MomentFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label="With",
        required=False,
        queryset=Person.objects.none(),
        empty_label="Anyone",
        error_messages={"invalid_choice": "That person is not in your circle."},
    )
    tag = forms.ModelChoiceField(
        label="Tag",
        required=False,
        queryset=Tag.objects.none(),
        empty_label="Any tag",
        error_messages={"invalid_choice": "There is no such tag."},
    )
    since = forms.DateField(
        label="From",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please give a date, like 2026-03-14."},
    )
    until = forms.DateField(
        label="Until",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please give a date, like 2026-03-14."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = owned(Person, user).order_by("is_archived", "name")
        self.fields["tag"].queryset = owned(Tag, user)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "This is before the “From” date.")
        return cleaned
