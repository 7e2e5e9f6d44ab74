"""The form that starts a conversation ladder: with whom, and who answers the first prompt."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.forms import FixedChoiceField
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages
from tending.core.reads import read_together
from tending.core.widgets import FixedSelect
from tending.growth import brave_services

ME, THEM = 0, 1


class LadderForm(PlainMessages, forms.Form):
    person = FixedChoiceField(
        label=_("Who with?"),
        choices=[],
        # The people written out in Python, exactly as Django's Select writes them.
        widget=FixedSelect,
        coerce=int,
        empty_value=None,
        error_messages={
            "required": _("Please choose someone from your circle."),
            "invalid_choice": _("That person is not in your circle."),
        },
    )
    starter = FixedChoiceField(
        label=_("Who answers the first prompt?"),
        choices=[(str(ME), _("Me")), (str(THEM), _("Them"))],
        coerce=int,
        initial=str(ME),
        widget=forms.RadioSelect,
        help_text=_("After that you take turns."),
        error_messages={"required": _("Please say who goes first.")},
    )

    def __init__(self, *args, user, people: list[tuple[int, str]] | None = None, **kwargs):
        """`people`: (id, name) of the person's active people by name, when already read."""
        super().__init__(*args, **kwargs)
        self.user = user
        # Only the person's own active people are choices: anyone else's id is no choice at all.
        if people is None:
            (people,) = read_together([brave_services.people_read(user)])
        self.people = people
        field = self.fields["person"]
        # Already plain (value, label) pairs: set as Django's setter keeps them once it has
        # normalised them, which walks every name again.
        field._choices = field.widget.choices = [("", gettext("Choose someone")), *people]

    def clean_person(self) -> Person:
        return owned(Person, self.user).get(pk=self.cleaned_data["person"])
