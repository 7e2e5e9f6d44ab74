"""Forms for the safety plan (lines, safe people) and the person's crisis numbers."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.ownership import is_row_id, owned
from tending.core.plain_messages import PlainMessages
from tending.core.widgets import FixedSelect
from tending.safety.countries import country_for_accept_language, zones_of
from tending.safety.crisis_lines import (
    DIGITS,
    MAX_DIGITS,
    MIN_DIGITS,
    phone_check,
    shown_table,
    table_country,
)
from tending.safety.models import (
    GUIDES,
    MAX_HELPERS,
    MAX_OWN_LINES,
    MAX_PER_PART,
    CrisisSettings,
    OwnCrisisLine,
    Part,
    PlanEntry,
    PlanHelper,
)
from tending.safety.services import set_region

GIVE_NUMBER = _("Please give the number to call.")
WRITE_FIRST = _("Please write a few words first.")
NAME_IT = _("Please give it a name, so you know whom you are calling.")
FROM_THE_LIST = _("Please choose a country from the list.")


def clean_phone(value: str, *, required: bool) -> str:
    value = " ".join(value.split())
    if not value:
        if required:
            raise forms.ValidationError(GIVE_NUMBER)
        return ""
    found = phone_check(value)
    if found is None:
        return value
    kind, digits = found
    if kind == DIGITS:
        # Translators: the English says "digits" even for one; a language may say it rightly.
        problem = ngettext(
            "Please check this number: “%(number)s” has %(digits)d digits; a phone number "
            "has %(least)d to %(most)d.",
            "Please check this number: “%(number)s” has %(digits)d digits; a phone number "
            "has %(least)d to %(most)d.",
            digits,
        )
    else:
        problem = gettext(
            "Please check this number: “%(number)s” is not a phone number (use digits, "
            "spaces and + - ( ) only, like 0800 111 0 111)."
        )
    words = {"number": value, "digits": digits, "least": MIN_DIGITS, "most": MAX_DIGITS}
    raise forms.ValidationError(problem % words)


# The field's limit and the text's length are filled in by Django's length check.
TOO_LONG = _("Please keep it to %(limit_value)d characters or fewer (this has %(show_value)d).")


class EntryForm(PlainMessages, forms.ModelForm):
    """One new line for one part of the plan; each part's form has the part as its prefix."""

    class Meta:
        model = PlanEntry
        fields = ["text", "phone"]
        labels = {"phone": _("Their phone number, if you like")}
        widgets = {
            "text": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, user, part: str, **kwargs):
        kwargs.setdefault("prefix", part)
        kwargs.setdefault("instance", PlanEntry(owner=user, part=part))
        super().__init__(*args, **kwargs)
        self.user = user
        self.part = Part(part)
        guide = GUIDES[self.part]
        text = self.fields["text"]
        text.label = guide.add_label
        example = gettext("e.g. %(example)s") % {"example": guide.example}
        text.widget.attrs.update({"placeholder": example})
        text.error_messages.update({"required": WRITE_FIRST, "max_length": TOO_LONG})
        if self.part == Part.PROFESSIONALS:
            self.fields["phone"].error_messages["max_length"] = TOO_LONG
        else:
            del self.fields["phone"]

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(WRITE_FIRST)
        others = owned(PlanEntry, self.user).filter(part=self.part)
        if self.instance.pk is not None:  # a line changed in place does not count twice
            others = others.exclude(pk=self.instance.pk)
        if others.count() >= MAX_PER_PART:
            raise forms.ValidationError(
                ngettext(
                    "This part already has %(count)d line. A short list is easier to use on "
                    "a hard day: remove one to add another.",
                    "This part already has %(count)d lines. A short list is easier to use on "
                    "a hard day: remove one to add another.",
                    MAX_PER_PART,
                )
                % {"count": MAX_PER_PART}
            )
        return text

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""), required=False)


class SafePersonField(forms.ModelChoiceField):
    """One of the owner's safe, active people; for anyone else, a message that names no one."""

    default_error_messages = {
        "required": _("Please choose someone."),
        "invalid_choice": _("Please choose one of your safe people from the list."),
    }

    def __init__(self, *, user, queryset=None, **kwargs):
        self.user = user
        if queryset is None:
            queryset = owned(Person, user).filter(is_safe=True, is_archived=False)
            queryset = queryset.order_by("name", "id")
        super().__init__(queryset=queryset, empty_label=gettext("Choose someone"), **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not is_row_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        person = owned(Person, self.user).filter(pk=int(str(value).strip())).first()
        if person is not None and person.is_archived:
            raise forms.ValidationError(
                gettext("%(name)s is archived. Bring them back to your circle first.")
                % {"name": person.name},
                "archived",
            )
        if person is not None and not person.is_safe:
            raise forms.ValidationError(
                gettext(
                    "%(name)s is not marked as a safe person yet. You can mark them on their "
                    "page in your circle (Edit, then “A safe person”)."
                )
                % {"name": person.name},
                "not_safe",
            )
        return super().to_python(value)


class HelperForm(PlainMessages, forms.Form):
    """Add a safe person to the plan; the field is made here, where the owner is known."""

    def __init__(self, *args, user, offered: list[tuple[int, str]] | None = None, **kwargs):
        """`offered`: the (id, name) of the people to offer, already read with the plan, for
        a form that is only shown; a form that checks an answer reads them itself."""
        super().__init__(*args, **kwargs)
        self.user = user
        if offered is not None and self.is_bound:
            raise ValueError("A form that checks an answer reads its own choices.")
        shown_only = Person.objects.none() if offered is not None else None
        field = SafePersonField(user=user, label=gettext("Add someone"), queryset=shown_only)
        if offered is None:
            # Offer only those not in the plan yet; choosing one twice still gets a clear
            # message.
            taken = owned(PlanHelper, user).values_list("person_id", flat=True)
            offered = list(field.queryset.exclude(pk__in=taken).values_list("pk", "name"))
        field.choices = [("", gettext("Choose someone")), *offered]
        self.fields["person"] = field

    @property
    def has_choices(self) -> bool:
        return len(self.fields["person"].choices) > 1

    def clean_person(self) -> Person:
        person = self.cleaned_data["person"]
        helpers = owned(PlanHelper, self.user)
        if helpers.filter(person=person).exists():
            raise forms.ValidationError(
                gettext("%(name)s is already in your plan.") % {"name": person.name}
            )
        if helpers.count() >= MAX_HELPERS:
            raise forms.ValidationError(
                ngettext(
                    "Your plan already has %(count)d person. Remove one to add another.",
                    "Your plan already has %(count)d people. Remove one to add another.",
                    MAX_HELPERS,
                )
                % {"count": MAX_HELPERS}
            )
        return person


class RegionForm(PlainMessages, forms.ModelForm):
    region = forms.ChoiceField(
        label=_("Your country"),
        required=False,
        help_text=_("Its emergency number and crisis lines are shown when you need help."),
        error_messages={"invalid_choice": FROM_THE_LIST},
    )

    class Meta:
        model = CrisisSettings
        fields = ["region"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [
            ("", gettext("No country: show the general numbers"))
        ] + shown_table(get_language()).choices()


NO_COUNTRY = _("Not listed: show the general numbers")


class CountrySelect(FixedSelect):
    """A country list whose options carry their time zones, so tending's country.js can pick
    the one the browser is in. Without JavaScript it is a plain list."""

    @staticmethod
    def option_attrs(value: str) -> dict[str, str]:
        return {"data-time-zones": " ".join(zones_of(value))}


class CountryForm(forms.Form):
    """The country asked for as an account is made; its crisis lines are shown from then on."""

    scripts = ("safety/country.js",)
    country = forms.ChoiceField(
        label=_("Your country"),
        required=False,
        help_text=_(
            "So “Need help now” shows your country’s crisis lines first. "
            "You can change it any time under Safety plan → Crisis numbers."
        ),
        error_messages={"invalid_choice": FROM_THE_LIST},
    )

    def __init__(self, data=None, *, request=None, **kwargs):
        super().__init__(data, **kwargs)
        field = self.fields["country"]
        # In the page's language, so each language has its own list (and its own options
        # written once by CountrySelect).
        field.choices = [("", str(NO_COUNTRY)), *shown_table(get_language()).choices()]
        # Before JavaScript guesses from the time zone, the browser's language is the hint.
        language = request.headers.get("Accept-Language", "") if request is not None else ""
        field.initial = table_country(country_for_accept_language(language))
        field.widget = CountrySelect(
            choices=field.choices,
            attrs={"data-country-from-time-zone": "true"} if data is None else {},
        )

    def save(self, user) -> None:
        set_region(user, self.cleaned_data["country"])


class OwnLineForm(PlainMessages, forms.ModelForm):
    class Meta:
        model = OwnCrisisLine
        fields = ["name", "number", "note"]
        labels = {
            "name": _("Name"),
            "number": _("Number"),
            "note": _("A note, if you like"),
        }
        help_texts = {"note": _("For example: when it answers, or what to say.")}
        widgets = {
            "name": forms.TextInput(
                attrs={"autocomplete": "off", "placeholder": _("e.g. My clinic’s crisis team")}
            ),
            "number": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }
        error_messages = {
            "name": {"required": NAME_IT, "max_length": TOO_LONG},
            "number": {"required": GIVE_NUMBER, "max_length": TOO_LONG},
            "note": {"max_length": TOO_LONG},
        }

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("instance", OwnCrisisLine(owner=user))
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(NAME_IT)
        others = owned(OwnCrisisLine, self.user)
        if self.instance.pk is not None:  # a number changed in place does not count twice
            others = others.exclude(pk=self.instance.pk)
        if others.count() >= MAX_OWN_LINES:
            raise forms.ValidationError(
                ngettext(
                    "You have %(count)d number already. Remove one to add another.",
                    "You have %(count)d numbers already. Remove one to add another.",
                    MAX_OWN_LINES,
                )
                % {"count": MAX_OWN_LINES}
            )
        return name

    def clean_number(self) -> str:
        return clean_phone(self.cleaned_data.get("number", ""), required=True)

    def clean_note(self) -> str:
        return " ".join(self.cleaned_data.get("note", "").split())
