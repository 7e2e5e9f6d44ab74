"""Forms of the Mirror: opening a round, inviting someone, answering, pasting an answer code."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tending.circle.models import Person
from tending.core.forms import FixedChoiceField
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages
from tending.core.reads import read_together
from tending.mirror import codes, services
from tending.mirror.words import (
    FEWEST,
    MOST,
    NOT_LISTED,
    TOO_FEW,
    TOO_MANY,
    WordsProblem,
    chosen_words,
    shown_order,
    shown_words,
)


def word_choices() -> list[tuple[str, str]]:
    """Each word (as stored) with how the page's language shows it, in its order."""
    language = get_language()
    shown = shown_words(language)
    return [(word, shown[word]) for word in shown_order(language)]


def words_problem(problem: WordsProblem) -> str:
    """What is wrong with a choice of words, in the page's language."""
    said = {
        TOO_FEW: _("Please pick at least %(fewest)d words.") % {"fewest": FEWEST},
        TOO_MANY: _("Please pick no more than %(most)d words.") % {"most": MOST},
        NOT_LISTED: _("Please pick only words from the list."),
    }
    return said.get(str(problem), str(problem))


def code_problem(problem: Exception) -> str:
    """Why an answer code was not taken (codes.CodeProblem), in the page's language."""
    said = {
        codes.UNREADABLE: _(
            "That doesn't look like a whole answer code. Ask them to send all of it again, "
            "from TM1- to the last letter."
        ),
        codes.NOT_THIS_ROUND: _("That answer code doesn't belong to an invitation of this round."),
        codes.WITHDRAWN: _("That invitation was withdrawn, so answers to it can't be added."),
        codes.EXPIRED: _("That invitation has expired, so answers to it can't be added."),
        codes.ALREADY_ADDED: _("That answer is already added."),
        codes.USED_UP: _("That invitation has been answered as many times as it allows."),
        services.ROUND_CLOSED: _("This round is closed. Open it again to add answers."),
    }
    return said.get(str(problem), str(problem))


def words_question(name: str = "") -> str:
    """The question over the word list: about the person asking (`name`), or about you."""
    if name:
        return _("Which %(fewest)d or %(most)d words describe %(name)s?") % {
            "fewest": FEWEST,
            "most": MOST,
            "name": name,
        }
    return _("Which %(fewest)d or %(most)d words describe you?") % {
        "fewest": FEWEST,
        "most": MOST,
    }


class WordsField(forms.MultipleChoiceField):
    """5 or 6 words of the list, as tappable chips; the words come back in the list's order."""

    widget = forms.CheckboxSelectMultiple
    # Copied for each form as FixedChoiceField is: the 56 choices shared, not copied.
    __deepcopy__ = FixedChoiceField.__deepcopy__

    def __init__(self, **kwargs):
        super().__init__(choices=word_choices, **kwargs)

    def clean(self, value):
        try:
            return list(chosen_words(value or []))
        except WordsProblem as problem:
            raise ValidationError(words_problem(problem), code="words") from None


class RoundForm(PlainMessages, forms.Form):
    display_name = forms.CharField(
        label=gettext_lazy("Your name, as the people you ask know you"),
        max_length=60,
        help_text=gettext_lazy("The only thing about you they will see, beside your message."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=gettext_lazy("A short message to them"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "For example: why you are asking, and that there are no wrong answers."
        ),
    )
    words = WordsField(
        label=lazy(words_question, str)(),
        help_text=gettext_lazy(
            "Go with your first feeling. The people you ask will pick from the same list."
        ),
    )
    anonymous = forms.TypedChoiceField(
        label=gettext_lazy("Whose answers can you tell apart?"),
        choices=[
            (
                "1",
                gettext_lazy("Anonymous: answers pooled, shown once three people have answered"),
            ),
            ("0", gettext_lazy("Named: each answer with the name you give its link")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )


class InvitationForm(PlainMessages, forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Who is this link for?"),
        max_length=60,
        help_text=gettext_lazy("Only you see this: “Sam”, “work friends”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    person = forms.TypedChoiceField(
        label=gettext_lazy("Someone in your circle (if you like)"),
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("That person is not in your circle.")},
    )
    days = forms.IntegerField(
        label=gettext_lazy("Open for … days"),
        min_value=1,
        max_value=services.LONGEST_DAYS,
        initial=services.DEFAULT_DAYS,
    )
    uses = forms.IntegerField(
        label=gettext_lazy("How many people may answer through it"),
        min_value=1,
        max_value=services.MOST_USES,
        initial=1,
        help_text=gettext_lazy("1 for one person; more for a link you share with a group."),
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

    words = WordsField(label=gettext_lazy("Words"))
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
        self.fields["words"].label = words_question(name)
        self.fields["words"].help_text = _("Go with your first feeling. There are no wrong words.")
        self.fields["valued"].label = _("What do you value in %(name)s? (if you like)") % {
            "name": name
        }
        self.fields["unseen"].label = _(
            "What might %(name)s not see about themselves? (if you like)"
        ) % {"name": name}


class CodeForm(PlainMessages, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Paste an answer code"),
        max_length=2 * codes.LONGEST_CODE,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy("The code begins with TM1-. Paste all of it, as it came."),
    )
