"""tending's own words for every form error, in place of Django's stock wording.

Django's messages ("Ensure this value is greater than or equal to 1.", "Select a valid
choice...") are correct but cold. `PlainMessages` gives every field of a form tending's
wording for each kind of problem, keyed by the error's code, so a field that is added later
speaks the same way without anyone remembering to write its messages. Messages a form writes
for itself are kept.
"""

from __future__ import annotations

from functools import lru_cache

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# By the error's code: validators raise these, and a field's error_messages override them.
BY_CODE = {
    "required": _("Please fill this in."),
    "invalid_choice": _("Please choose one of the options given."),
    "invalid_pk_value": _("Please choose one of the options given."),
    "invalid_list": _("Please choose from the options given."),
    "list": _("Please choose from the options given."),
    "min_value": _("Please give %(limit_value)s or more."),
    "max_value": _("Please give %(limit_value)s or less."),
    "step_size": _("Please give a multiple of %(limit_value)s."),
    "max_length": _("Please keep this to %(limit_value)d characters (it has %(show_value)d)."),
    "min_length": _("Please write at least %(limit_value)d characters (it has %(show_value)d)."),
    "max_digits": _("Please give a shorter number."),
    "max_decimal_places": _("Please give fewer digits after the decimal point."),
    "max_whole_digits": _("Please give a smaller number."),
    "null_characters_not_allowed": _("Please take out the invisible control characters."),
    "incomplete": _("Please fill in every part."),
    "invalid_date": _("Please give a date, like 2026-03-14."),
    "invalid_time": _("Please give a time, like 18:30."),
    "overflow": _("Please give a smaller value."),
    "missing": _("Please choose a file."),
    "empty": _("That file is empty."),
    "contradiction": _("Please either choose a file or clear it, not both."),
}
# "invalid" depends on what the field holds; the first class in the field's MRO found wins.
INVALID = [
    (forms.IntegerField, _("Please give a whole number, like 3.")),
    (forms.DecimalField, _("Please give a number, like 2.5.")),
    (forms.FloatField, _("Please give a number, like 2.5.")),
    (forms.DateTimeField, _("Please give a date and time, like 2026-03-14 18:30.")),
    (forms.DateField, _("Please give a date, like 2026-03-14.")),
    (forms.TimeField, _("Please give a time, like 18:30.")),
    (forms.EmailField, _("Please give an e-mail address, like name@example.org.")),
    (forms.URLField, _("Please give a web address, like https://example.org.")),
    (forms.SlugField, _("Please use only letters, digits, hyphens and underscores.")),
    (forms.JSONField, _("Please give valid JSON.")),
    (forms.Field, _("Please check this; it is not in a form tending can read.")),
]
PASSWORD = {
    "password_too_short": _("Please use at least %(min_length)d characters."),
    "password_too_common": _(
        "That password is one of the most common ones; please choose another."
    ),
    "password_too_similar": _("That password is too close to your name; please choose another."),
    "password_entirely_numeric": _("Please use more than digits alone."),
    "password_mismatch": _("The two new passwords are not the same."),
    "password_incorrect": _("That is not your current password. Please try again."),
}


def _stock(field: forms.Field) -> frozenset[str]:
    """Every message Django itself would give this field (a tending field's own are kept)."""
    return _stock_of(type(field), get_language())


@lru_cache(maxsize=256)
def _stock_of(kind: type, language: str | None) -> frozenset[str]:
    """The messages of a kind of field, in a language: the same for every form sent."""
    stock: set[str] = set()
    for cls in kind.__mro__:
        if not cls.__module__.startswith("django."):
            continue
        stock.update(str(m) for m in getattr(cls, "default_error_messages", {}).values())
    return frozenset(stock)


def plain_field_messages(field: forms.Field) -> None:
    stock = _stock(field)
    messages = dict(field.error_messages)
    for code, message in BY_CODE.items():
        if code not in messages or str(messages[code]) in stock:
            messages[code] = message
    if "invalid" not in messages or str(messages["invalid"]) in stock:
        messages["invalid"] = next(text for cls, text in INVALID if isinstance(field, cls))
    field.error_messages = messages
    if isinstance(field, forms.MultiValueField):
        for inner in field.fields:
            plain_field_messages(inner)


class PlainMessages:
    """Mixin for every tending form: tending's words for each field's problems."""

    def full_clean(self):
        # At validation, not in __init__: some forms add fields after their own __init__. An
        # empty form is never validated, so it has no messages to reword. A field reworded
        # once says so; the class's own fields are reworded too, so that the copies later
        # forms make of them come reworded (a form's copies carry the mark along).
        if self.is_bound:
            for fields in (self.fields, self.base_fields):
                for field in fields.values():
                    if not field.__dict__.get("plain_messages"):
                        plain_field_messages(field)
                        field.plain_messages = True
        super().full_clean()


def plain_password_errors(error: ValidationError) -> ValidationError:
    """Django's password validators' messages, said in tending's words."""
    said = []
    for item in error.error_list:
        text = PASSWORD.get(item.code or "")
        said.append(ValidationError(text, code=item.code, params=item.params) if text else item)
    return ValidationError(said)


class PlainPasswordChangeForm(PlainMessages, PasswordChangeForm):
    error_messages = {
        "password_mismatch": PASSWORD["password_mismatch"],
        "password_incorrect": PASSWORD["password_incorrect"],
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Your current password")
        self.fields["new_password1"].label = _("A new password")
        self.fields["new_password1"].help_text = _("At least 8 characters, not a common one.")
        self.fields["new_password2"].label = _("The new password again")
        self.fields["new_password2"].help_text = ""

    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, plain_password_errors(error))
