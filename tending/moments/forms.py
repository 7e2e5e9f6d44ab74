"""Forms for logging a moment quickly or in full, and for narrowing the list of moments."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tending.circle.models import Person
from tending.circle.queries import people_to_choose
from tending.core.dates import check_plausible_date
from tending.core.forms import FixedChoiceField, LocalDateTimeField
from tending.core.models import Tag
from tending.core.ownership import is_row_id, owned
from tending.core.plain_messages import PlainMessages
from tending.core.tags import parse_tag_names, tags_for, validate_tag_names
from tending.moments.choosing import NOT_IN_CIRCLE, PeopleField, people_rows
from tending.moments.listing import filter_choices, options
from tending.moments.models import Channel, Initiator, Moment, Sharing
from tending.moments.queries import people_and_tags

SKIP = ("", pgettext_lazy("leave a question unanswered", "Skip"))
NO_SUCH_TAG = _("There is no such tag.")
A_DATE = _("Please give a date, like 2026-03-14.")
WITH = pgettext_lazy("with a person", "With")
ANYONE = _("Anyone")
TAG = _("Tag")
ANY_TAG = _("Any tag")
NOT_AT_ALL = _("not at all")
COMPLETELY = _("completely")

# The full form's sections after the first (who, when, a note): each opens when needed.
MOMENT_SECTIONS = (
    ("how", _("How and how long"), ("channel", "initiated_by", "duration_minutes")),
    ("sharing", _("What was shared"), ("self_disclosure", "other_disclosure")),
    (
        "responded",
        _("How they responded"),
        ("felt_understood", "felt_validated", "felt_cared_for"),
    ),
    ("afterwards", _("Afterwards"), ("closeness_after", "felt_safe")),
    ("tags", _("Tags"), ("tag_names",)),
)


def _rating_choices(top: int, low: str, high: str) -> list[tuple]:
    labels = {1: format_lazy("1 · {}", low), top: format_lazy("{} · {}", top, high)}
    return [SKIP] + [(i, labels.get(i, str(i))) for i in range(1, top + 1)]


def _rating(label: str, top: int, low: str, high: str) -> FixedChoiceField:
    return FixedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        choices=_rating_choices(top, low, high),
        widget=forms.RadioSelect,
    )


def _optional_choice(label: str, choices, coerce=str, help_text: str = "") -> FixedChoiceField:
    return FixedChoiceField(
        label=label,
        required=False,
        coerce=coerce,
        empty_value=None if coerce is int else "",
        choices=[SKIP] + list(choices),
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class OwnedChoiceField(forms.ModelChoiceField):
    """A choice of one of the owner's rows; an impossible id is an invalid choice, not a crash."""

    def to_python(self, value):
        if value not in self.empty_values and not is_row_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PlainWhenBound(PlainMessages):
    """PlainMessages, the wording put in place only when there is something to check: an empty
    form shown for the first time has no errors to word."""

    def full_clean(self):
        if self.is_bound:
            super().full_clean()
        else:
            super(PlainMessages, self).full_clean()


class QuickMomentForm(PlainWhenBound, forms.Form):
    people = PeopleField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].offer(
            lambda: people_to_choose(user).order_by("name", "id"), people_rows(user)
        )


class MomentForm(PlainWhenBound, forms.ModelForm):
    people = PeopleField()
    occurred_at = LocalDateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Please say when it was."),
            "invalid": _("Please give a date and time, like 2026-03-14 18:30."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("How long, in minutes"),
        required=False,
        min_value=1,
        max_value=24 * 60,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"max_value": _("That is more than a day; please give minutes up to 1440.")},
    )
    channel = _optional_choice(pgettext_lazy("how you were in touch", "How"), Channel.choices)
    initiated_by = _optional_choice(_("Who reached out"), Initiator.choices)
    self_disclosure = _optional_choice(
        _("How much did you share of yourself?"), Sharing.choices, coerce=int
    )
    other_disclosure = _optional_choice(_("How much did they share?"), Sharing.choices, coerce=int)
    felt_understood = _rating(_("I felt understood"), 5, NOT_AT_ALL, COMPLETELY)
    felt_validated = _rating(
        _("I felt accepted, that my feelings made sense to them"), 5, NOT_AT_ALL, COMPLETELY
    )
    felt_cared_for = _rating(_("I felt cared for"), 5, NOT_AT_ALL, COMPLETELY)
    closeness_after = _rating(
        _("How close did you feel afterwards?"), 7, _("distant"), _("very close")
    )
    felt_safe = _rating(
        _("How safe did you feel with them?"), 5, _("not safe"), _("completely safe")
    )
    tag_names = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Words to find this moment by later, separated by commas."),
    )

    # Who comes first, as declared; the form sets a moment's people itself (see save), so that
    # the ModelForm does not load them as whole rows only to show their ids.
    field_order = ["people"]
    sections = MOMENT_SECTIONS

    class Meta:
        model = Moment
        fields = [
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
        labels = {"note": _("A note, if you like")}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        moment = self.instance
        self.fields["people"].offer(
            lambda: people_to_choose(user, moment).order_by("name", "id"),
            people_rows(user, moment.pk),
        )
        if moment.pk:
            # The moment's people and tags in one query (see queries.people_and_tags).
            people, tags = people_and_tags([moment.pk])
            self.initial.setdefault("people", [pk for pk, _ in people[moment.pk]])
            self.initial["tag_names"] = ", ".join(name for _, name in tags[moment.pk])
            self.initial["occurred_at"] = timezone.localtime(self.instance.occurred_at)
            self.fields["occurred_at"].keep = self.instance.occurred_at
        elif "occurred_at" not in self.initial:
            self.initial["occurred_at"] = timezone.localtime().replace(second=0, microsecond=0)

    @property
    def time_note(self) -> str:
        """What was done about a clock change in the time given, to tell the person."""
        return self.fields["occurred_at"].note

    def clean_tag_names(self) -> list[str]:
        names = parse_tag_names(self.cleaned_data.get("tag_names", ""))
        validate_tag_names(names)
        return names

    def save(self, commit: bool = True) -> Moment:
        moment = super().save(commit=commit)
        if commit:
            moment.people.set(self.cleaned_data["people"])
            moment.tags.set(tags_for(self.user, self.cleaned_data["tag_names"]))
        return moment


def people_offered(user) -> QuerySet[Person]:
    people = owned(Person, user).only("id", "name", "is_archived")
    return people.order_by("is_archived", "name")


def tags_in_use(user, relation: str) -> QuerySet[Tag]:
    """Only tags still in use here: tags outlive deleted rows, but are no use as filters."""
    links = Tag._meta.get_field(relation).through.objects
    return owned(Tag, user).filter(Exists(links.filter(tag=OuterRef("pk"))))


class NarrowingForm(PlainWhenBound, forms.Form):
    """Person, tag and an inclusive date range: the filters moments and the journal share."""

    tag_relation = ""  # the reverse name from Tag to the rows being narrowed

    person = OwnedChoiceField(
        label=WITH,
        required=False,
        queryset=Person.objects.none(),
        empty_label=ANYONE,
        error_messages={"invalid_choice": NOT_IN_CIRCLE},
    )
    tag = OwnedChoiceField(
        label=TAG,
        required=False,
        queryset=Tag.objects.none(),
        empty_label=ANY_TAG,
        error_messages={"invalid_choice": NO_SUCH_TAG},
    )
    since = forms.DateField(
        validators=[check_plausible_date],
        label=pgettext_lazy("dates", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": A_DATE},
    )
    until = forms.DateField(
        validators=[check_plausible_date],
        label=pgettext_lazy("dates", "Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": A_DATE},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer(user)

    def offer(self, user) -> None:
        """Give the person and tag fields the owner's rows to choose from."""
        self.fields["person"].queryset = people_offered(user)
        self.fields["tag"].queryset = tags_in_use(user, self.tag_relation)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("This is before the “From” date."))
        return cleaned


class KnownRowField(forms.Field):
    """A choice among rows already read as (id, name): checked against them, without a query
    per request, and cleaned to the row's id. The page renders the rows as a select itself."""

    widget = forms.Select

    def __init__(self, empty_label: str, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.offer([])

    def offer(self, rows: list[tuple[int, str]]) -> None:
        self.rows = rows
        self.ids = {pk for pk, _ in rows}

    def to_python(self, value) -> int | None:
        if value in self.empty_values:
            return None
        if not is_row_id(value) or int(value) not in self.ids:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return int(value)

    def options(self, chosen: str) -> SafeString:
        """The rows as a select's options (the names are escaped when offered)."""
        return options(self.rows, chosen)


class MomentFilterForm(NarrowingForm):
    """The list's filters: the people and tags offered are read once, as plain values, and
    the chosen ones cleaned to ids."""

    tag_relation = "moments"

    person = KnownRowField(ANYONE, label=WITH, error_messages={"invalid_choice": NOT_IN_CIRCLE})
    tag = KnownRowField(ANY_TAG, label=TAG, error_messages={"invalid_choice": NO_SUCH_TAG})

    def offer(self, user) -> None:
        people, tags = filter_choices(user)  # one query for both, the names escaped
        self.fields["person"].offer(people)
        self.fields["tag"].offer(tags)
