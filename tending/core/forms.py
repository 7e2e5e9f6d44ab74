"""Forms for creating the owner account and choosing one's time zone."""

from __future__ import annotations

import datetime
import zoneinfo
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import UsernameField
from django.core.exceptions import ValidationError
from django.forms.fields import BaseTemporalField
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from tending.core.accounts import new_account_name
from tending.core.dates import check_plausible_date, resolve_local_time
from tending.core.languages import known, language_choices
from tending.core.plain_messages import PlainMessages, plain_password_errors
from tending.core.widgets import FixedSelect


@lru_cache(maxsize=1)
def time_zone_choices() -> list[tuple[str, str]]:
    names = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
    return [(n, n.replace("_", " ")) for n in names]


def _shallow(thing):
    """A copy of an object sharing its attributes' values (copy.copy, without its detours)."""
    made = object.__new__(type(thing))
    made.__dict__.update(thing.__dict__)
    return made


class FixedChoiceField(forms.TypedChoiceField):
    """A choice among choices fixed in the code: shared by every copy of the form's fields,
    where Django copies each choice for each form.

    A form copies each of its fields when it is made. For this field that is what Django's
    Field.__deepcopy__ does (the field and its widget copied, their attributes, messages and
    validators copied as lists of their own), only the choices are the field's and widget's
    own, unchanged, and the copies are made directly: a form of nine such fields spent a
    tenth of a millisecond in copy's machinery."""

    def __deepcopy__(self, memo):
        result = _shallow(self)
        memo[id(self)] = result
        result.widget = _shallow(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


def fixed_choices(model_field, **kwargs) -> forms.Field:
    """A ModelForm's `formfield_callback`: a model field with choices becomes a
    FixedChoiceField (`field_classes` cannot say so: Django sets a choice field's class)."""
    if model_field.choices:
        kwargs.setdefault("choices_form_class", FixedChoiceField)
    return model_field.formfield(**kwargs)


class TimeZoneField(forms.ChoiceField):
    widget = FixedSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your time zone"))
        kwargs.setdefault("help_text", _("Used for every date you see and for what “today” means."))
        super().__init__(choices=time_zone_choices, **kwargs)


class LanguageSelect(FixedSelect):
    @staticmethod
    def option_attrs(value: str) -> dict[str, str]:
        return {"lang": value}  # "Deutsch" is read out in German


class LanguageField(forms.ChoiceField):
    """The language tending speaks to this person in, each written in itself."""

    widget = LanguageSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Language"))
        kwargs.setdefault("help_text", _("The words, dates and first day of the week you see."))
        # Left out (a form sent by a program, an old page): the browser's language, as before.
        kwargs.setdefault("required", False)
        super().__init__(choices=language_choices, **kwargs)


class WelcomeForm(PlainMessages, forms.Form):
    username = UsernameField(
        label=_("A name to log in with"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ only. Only you will see it."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not a common one."),
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # The browser's own zone is filled in by tending.js; without JavaScript, UTC.
    time_zone = TimeZoneField(
        initial="UTC", widget=FixedSelect(attrs={"data-browser-time-zone": "true"})
    )
    # Prefilled with the language the browser asks for (the page is already in it).
    language = LanguageField(initial=translation.get_language)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required = {
            "username": _("Please choose a name to log in with."),
            "password1": _("Please choose a password."),
            "password2": _("Please type the password a second time."),
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message

    def clean_username(self) -> str:
        # Refuses names that read the same as an existing one ("ａlice" for "alice"), which
        # Django would otherwise store as the same name and fail on.
        return new_account_name(self.cleaned_data["username"])

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", plain_password_errors(exc))
        return cleaned

    def save(self):
        return get_user_model().objects.create_user(
            username=self.cleaned_data["username"],
            password=self.cleaned_data["password1"],
            time_zone=self.cleaned_data["time_zone"],
            language=self.cleaned_data["language"],
        )


class SettingsForm(PlainMessages, forms.ModelForm):
    time_zone = TimeZoneField()
    language = LanguageField()
    email = forms.EmailField(
        label=_("Your e-mail address (if you like)"),
        required=False,
        max_length=254,
        help_text=_("Only used to send you a link if you forget your password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta:
        model = get_user_model()
        fields = ["time_zone", "language", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Still following the browser, or a language tending no longer speaks: show what the
        # page is in, so saving keeps it rather than quietly choosing the list's first.
        if not known(self.instance.language):
            self.initial["language"] = translation.get_language()
        if not settings.MAIL_CONFIGURED:
            # Nothing would ever be sent to it, so it is not asked for.
            del self.fields["email"]


class LocalDateTimeField(forms.DateTimeField):
    """A date and time in the person's zone; clock changes resolved, never refused.

    Django's field refuses a time that came twice or never came, with its own wording; this
    one resolves it as the terminal does (see resolve_local_time). `keep` is the instant
    already stored, so an unchanged edit keeps it; `note` says what was done, for a message.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.keep = None
        self.note = ""

    def to_python(self, value):
        self.note = ""
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            result = value
        elif isinstance(value, datetime.date):
            result = datetime.datetime(value.year, value.month, value.day)
        else:
            try:
                result = parse_datetime(str(value).strip())
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            if result is None:
                # The field's own formats, without its time zone step.
                result = BaseTemporalField.to_python(self, value)
        check_plausible_date(result.date())
        if timezone.is_aware(result):
            return result
        resolved = resolve_local_time(result, timezone.get_current_timezone(), keep=self.keep)
        self.note = resolved.note
        return resolved.when
