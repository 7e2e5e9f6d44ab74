"""Forms of the Mirror: opening a round, inviting someone, answering, pasting an answer code."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection

from tending.circle.models import Person
from tending.core.forms import FixedChoiceField
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages
from tending.core.reads import read_together
from tending.mirror import codes, services
from tending.mirror.words import FEWEST, MOST, WORDS, WordsProblem, chosen_words

WORD_CHOICES = [(word, word) for word in WORDS]


class WordsField(forms.MultipleChoiceField):
    """5 or 6 words of the list, as tappable chips; the words come back in the list's order."""

    widget = forms.CheckboxSelectMultiple
    # Copied for each form as FixedChoiceField is: the 56 choices shared, not copied.
    __deepcopy__ = FixedChoiceField.__deepcopy__

    def __init__(self, **kwargs):
        super().__init__(choices=WORD_CHOICES, **kwargs)

    def clean(self, value):
        try:
            return list(chosen_words(value or []))
        except WordsProblem as problem:
            raise ValidationError(str(problem), code="words") from None


class RoundForm(PlainMessages, forms.Form):
    display_name = forms.CharField(
        label="Your name, as the people you ask know you",
        max_length=60,
        help_text="The only thing about you they will see, beside your message.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label="A short message to them",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: why you are asking, and that there are no wrong answers.",
    )
    words = WordsField(
        label=f"Which {FEWEST} or {MOST} words describe you?",
        help_text="Go with your first feeling. The people you ask will pick from the same list.",
    )
    anonymous = forms.TypedChoiceField(
        label="Whose answers can you tell apart?",
        choices=[
            ("1", "Anonymous: answers pooled, shown once three people have answered"),
            ("0", "Named: each answer with the name you give its link"),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )


class InvitationForm(PlainMessages, forms.Form):
    label = forms.CharField(
        label="Who is this link for?",
        max_length=60,
        help_text="Only you see this: “Sam”, “work friends”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    person = forms.TypedChoiceField(
        label="Someone in your circle (if you like)",
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "That person is not in your circle."},
    )
    days = forms.IntegerField(
        label="Open for … days",
        min_value=1,
        max_value=services.LONGEST_DAYS,
        initial=services.DEFAULT_DAYS,
    )
    uses = forms.IntegerField(
        label="How many people may answer through it",
        min_value=1,
        max_value=services.MOST_USES,
        initial=1,
        help_text="1 for one person; more for a link you share with a group.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Only the person's own people can be chosen (anyone else's is not a choice at all),
        # read as plain values: a page shows them all and picks one at most.
        field = self.fields["person"]
        # Already plain (value, label) pairs: kept as Django's setter keeps them once it has
        # normalised them, which walks every name twice (a third of the page for a circle).
        field._choices = field.widget.choices = [("", "—"), *_people_to_choose(user)]

    def clean_person(self):
        chosen = self.cleaned_data.get("person")
        return None if chosen is None else owned(Person, self.user).get(pk=chosen)


def _people_to_choose(user) -> list[tuple[int, str]]:
    """(id, name) of the person's active people, by name: one written-out query."""
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return quote(Person._meta.get_field(name).column)

    sql = (
        f"SELECT {column('id')}, {column('name')} FROM {quote(Person._meta.db_table)} "
        f"WHERE {column('owner')} = %s AND NOT {column('is_archived')} "
        f"ORDER BY {column('name')}, {column('id')}"
    )
    (rows,) = read_together([(sql, [user.pk])])
    return rows


class AnswerForm(PlainMessages, forms.Form):
    """What a respondent sends; every field has a size limit, checked here and by the page."""

    words = WordsField(label="Words")
    valued = forms.CharField(
        max_length=codes.ANSWER_MOST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": codes.ANSWER_MOST}),
    )
    unseen = forms.CharField(
        max_length=codes.ANSWER_MOST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": codes.ANSWER_MOST}),
    )

    def __init__(self, *args, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["words"].label = f"Which {FEWEST} or {MOST} words describe {name}?"
        self.fields["words"].help_text = "Go with your first feeling. There are no wrong words."
        self.fields["valued"].label = f"What do you value in {name}? (if you like)"
        self.fields["unseen"].label = f"What might {name} not see about themselves? (if you like)"


class CodeForm(PlainMessages, forms.Form):
    code = forms.CharField(
        label="Paste an answer code",
        max_length=2 * codes.LONGEST_CODE,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"}),
        help_text="The code begins with TM1-. Paste all of it, as it came.",
    )
