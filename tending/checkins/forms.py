"""A form built from an instrument definition: one group of choices per question."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext, gettext_lazy, ngettext

from tending.checkins.definitions import Instrument
from tending.checkins.models import Frequency
from tending.checkins.scoring import AnswerError, score
from tending.core.plain_messages import PlainMessages


def field_name(item_id: str) -> str:
    return f"q-{item_id}"


class CheckInForm(PlainMessages, forms.Form):
    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        choices = [(c.value, c.label) for c in instrument.scale]
        for number, item in enumerate(instrument.items, start=1):
            self.fields[field_name(item.id)] = forms.TypedChoiceField(
                label=item.text,
                choices=choices,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": gettext_lazy("Please pick one of the answers.")},
            )
            self.fields[field_name(item.id)].number = number

    def answers(self) -> dict[str, int | None]:
        return {
            item.id: self.cleaned_data.get(field_name(item.id)) for item in self.instrument.items
        }

    def raw_answers(self) -> dict[str, int | None]:
        """What was ticked so far, ignoring anything invalid: for drafts."""
        valid = {str(c.value): c.value for c in self.instrument.scale}
        return {
            item.id: valid.get(str(self.data.get(field_name(item.id), "")).strip())
            for item in self.instrument.items
        }

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        answers = self.answers()
        missing = [i for i in self.instrument.scored_items if answers.get(i.id) is None]
        allowed = self.instrument.max_missing if self.instrument.missing_policy == "prorate" else 0
        if len(missing) > allowed:
            for item in missing:
                self.add_error(field_name(item.id), gettext("Please answer this one."))
            if allowed:
                message = ngettext(
                    "You may leave out at most %(num)d of these questions.",
                    "You may leave out at most %(num)d of these questions.",
                    allowed,
                ) % {"num": allowed}
                self.add_error(None, message)
            return cleaned
        try:
            self.score = score(self.instrument, answers)
        except AnswerError as exc:
            target = (
                field_name(exc.item) if exc.item and field_name(exc.item) in self.fields else None
            )
            self.add_error(target, getattr(exc, "message", str(exc)))
        return cleaned


class FrequencyForm(PlainMessages, forms.Form):
    """How often each check is offered; only checks that allow it can be switched off. Give it
    the instruments as the page shows them (their titles are the labels)."""

    def __init__(
        self, *args, instruments: dict[str, Instrument], current: dict[str, str], **kwargs
    ):
        super().__init__(*args, **kwargs)
        for inst_id, inst in instruments.items():
            choices = [
                (value, gettext(label))
                for value, label in Frequency.choices
                if value != Frequency.OFF or inst.can_switch_off
            ]
            self.fields[inst_id] = forms.ChoiceField(
                label=inst.title, choices=choices, initial=current.get(inst_id)
            )
