"""Forms for writing an entry, keeping a draft, choosing a month or a day and searching."""

from __future__ import annotations

from django import forms
from django.db import connection
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.circle.queries import people_to_choose
from tending.core.dates import check_plausible_date
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages
from tending.core.tags import parse_tag_names, validate_tag_names
from tending.journal.models import BODY_TOO_LONG, Entry, latest_day
from tending.journal.prompts import get_prompt
from tending.journal.search import MAX_SEARCH_LENGTH
from tending.moments.choosing import PEOPLE_OF_ROW_SQL, people_rows
from tending.moments.forms import MomentFilterForm, OwnedChoiceField, PeopleField
from tending.moments.listing import filter_choices

ENTRY_PEOPLE_SQL = PEOPLE_OF_ROW_SQL.format(links="journal_entry_people", column="entry_id")

DATE_ERRORS = {"invalid": _("Please give a date, like 2026-03-14.")}


class EntryForm(PlainMessages, forms.ModelForm):
    written_on = forms.DateField(
        label=_("Date"),
        validators=[check_plausible_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Please give the day this is about."), **DATE_ERRORS},
    )
    title = forms.CharField(
        label=_("Title, if you like"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        error_messages={"max_length": _("Please keep the title to 200 characters or fewer.")},
    )
    body = forms.CharField(
        label=_("What is on your mind?"),
        widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"}),
        help_text=_(
            "Markdown works: *slanted*, **bold**, - lists. Type @ and a name to link someone."
        ),
        error_messages={
            "required": _("Write a few words first; one line is plenty."),
            "max_length": BODY_TOO_LONG,  # the model's own words, not the general ones
        },
    )
    people = PeopleField(
        label=_("Who is in it?"),
        required=False,
        help_text=_("Anyone you mention with @Name is added too."),
    )
    tag_names = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Words to find this entry by later, separated by commas."),
    )
    prompt_id = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Entry
        fields = ["written_on", "title", "body", "prompt_id"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["written_on"].widget.attrs["max"] = latest_day().isoformat()
        entry = self.instance
        self.fields["people"].offer(  # the chips from plain rows; a queryset only to check
            lambda: people_to_choose(user, entry).order_by("name", "id"),
            people_rows(user, entry.pk, ENTRY_PEOPLE_SQL),
        )
        if self.instance.pk:
            people, tags = _links(self.instance.pk)
            self.initial.setdefault("tag_names", ", ".join(tags))
            self.initial.setdefault("people", people)

    def clean_prompt_id(self) -> str:
        # A prompt since retired, or a made-up id, is simply not recorded.
        value = (self.cleaned_data.get("prompt_id") or "").strip()
        return value if get_prompt(value) else ""

    def clean_tag_names(self) -> list[str]:
        names = parse_tag_names(self.cleaned_data.get("tag_names", ""))
        validate_tag_names(names)
        return names


def _links(entry_id: int) -> tuple[list[int], list[str]]:
    """The ids of an entry's people and its tags' names (by name), in one query, as values."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 0, person_id, '' FROM {Entry.people.through._meta.db_table} "
            "WHERE entry_id = %s UNION ALL "
            f"SELECT 1, t.id, t.name FROM {Entry.tags.through._meta.db_table} l "
            f"JOIN {Tag._meta.db_table} t ON t.id = l.tag_id WHERE l.entry_id = %s "
            "ORDER BY 1, 3",
            [entry_id, entry_id],
        )
        rows = cursor.fetchall()
    return [pk for kind, pk, _ in rows if not kind], [name for kind, _, name in rows if kind]


class DraftForm(PlainMessages, forms.Form):
    title = forms.CharField(required=False, max_length=200)
    body = forms.CharField(required=False, max_length=200_000, strip=False)
    draft_entry = OwnedChoiceField(required=False, queryset=Entry.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["draft_entry"].queryset = owned(Entry, user)


class MonthForm(PlainMessages, forms.Form):
    month = forms.DateField(
        required=False, input_formats=["%Y-%m"], validators=[check_plausible_date]
    )
    day = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], validators=[check_plausible_date]
    )
    year = forms.IntegerField(required=False, min_value=1, max_value=9998)
    person = OwnedChoiceField(required=False, queryset=Person.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = owned(Person, user)


WHO_IS_IN_IT = _("Who is in it")


class SearchForm(MomentFilterForm):
    """Words, and the filters the moments list has; the tags offered are the journal's."""

    field_order = ["q", "tag", "person", "since", "until"]

    q = forms.CharField(
        label=_("Words to find"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        error_messages={
            "max_length": _(
                "Please search for at most %(limit_value)d characters; "
                "these words have %(show_value)d."
            )
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["person"].label = WHO_IS_IN_IT

    def offer(self, user) -> None:
        people, tags = filter_choices(user, Entry.tags.through._meta.db_table)
        self.fields["person"].offer(people)
        self.fields["tag"].offer(tags)
