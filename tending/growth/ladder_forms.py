"""The form that starts a conversation ladder: with whom, and who answers the first prompt."""

from __future__ import annotations

from django import forms

from tending.circle.models import Person
from tending.circle.queries import people_to_choose
from tending.core.ownership import owned
from tending.core.plain_messages import PlainMessages

ME, THEM = 0, 1


class LadderForm(PlainMessages, forms.Form):
    person = forms.TypedChoiceField(
        label="Who with?",
        choices=[],
        coerce=int,
        empty_value=None,
        error_messages={
            "required": "Please choose someone from your circle.",
            "invalid_choice": "That person is not in your circle.",
        },
    )
    starter = forms.TypedChoiceField(
        label="Who answers the first prompt?",
        choices=[(str(ME), "Me"), (str(THEM), "Them")],
        coerce=int,
        initial=str(ME),
        widget=forms.RadioSelect,
        help_text="After that you take turns.",
        error_messages={"required": "Please say who goes first."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Only the person's own active people are choices: anyone else's id is no choice at all.
        people = list(people_to_choose(user).order_by("name", "id").values_list("id", "name"))
        self.people = people
        field = self.fields["person"]
        field.choices = [("", "Choose someone"), *people]

    def clean_person(self) -> Person:
        return owned(Person, self.user).get(pk=self.cleaned_data["person"])
