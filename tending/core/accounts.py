"""Account names as Django reads them, names that look alike, passwords, and sessions."""

from __future__ import annotations

import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UsernameField
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NAME_LENGTH = 150  # the user model's username field; the login form uses the same limit
_LOGIN_FIELD = UsernameField(max_length=NAME_LENGTH)


def login_name(typed: str) -> str:
    """The name Django's login form looks up for what was typed: stripped, then NFKC.

    "ａlice" (a full-width a) and " alice" both log in as "alice", so anything keyed on the
    name (the login throttle) must start from this, not from the typed text.
    """
    return _LOGIN_FIELD.to_python(typed or "")


def name_key(name: str) -> str:
    """One form for names a person would take to be the same: Unicode-folded, any case."""
    return unicodedata.normalize("NFKC", " ".join(login_name(name).split()).casefold())


def account_like(name: str):
    """An existing account whose name reads the same as `name`, or None.

    Names are few and short, so they are compared here rather than by the database, whose
    case-insensitive matching differs between SQLite (ASCII only) and PostgreSQL.
    """
    key = name_key(name)
    names = get_user_model().objects.values_list("username", flat=True)
    for existing in names.iterator():
        if name_key(existing) == key:
            return get_user_model().objects.get(username=existing)
    return None


def new_account_name(typed: str) -> str:
    """The name a new account will have; refuses names that are invalid or already taken."""
    user_model = get_user_model()
    name = user_model.normalize_username(typed.strip())
    if not name:
        raise ValidationError(_("Please choose a name to log in with."))
    if len(name) > NAME_LENGTH:
        raise ValidationError(
            _("Please choose a name of at most %(limit)d characters.") % {"limit": NAME_LENGTH}
        )
    try:
        user_model.username_validator(name)
    except ValidationError:
        raise ValidationError(
            _("Please use only letters, digits and @ . + - _ in the name (no spaces).")
        ) from None
    taken = account_like(name)
    if taken is not None:
        names = {"taken": repr(taken.username), "typed": repr(typed)}
        if taken.username == typed:
            said = _("There is already an account called %(taken)s. Please choose another name.")
        else:
            said = _(
                "There is already an account called %(taken)s, which reads the same as "
                "%(typed)s. Please choose another name."
            )
        raise ValidationError(said % names)
    return name


class NotBlankPasswordValidator:
    """A password of only spaces is no password, however long it is."""

    def validate(self, password: str, user=None) -> None:
        if not password or not password.strip():
            raise ValidationError(
                _("A password of only spaces is easy to guess. Please use letters or words too."),
                code="password_blank",
            )

    def get_help_text(self) -> str:
        return _("Your password needs more than spaces.")


# Django's validators' complaints, in tending's words (the code says which one spoke).
_PLAIN_WORDS = {
    "password_too_short": gettext_lazy(
        "That password is too short: please use at least %(min_length)d characters."
    ),
    "password_too_common": gettext_lazy(
        "That password is one of the most common ones, so it is easy to guess. "
        "Please choose another."
    ),
    "password_too_similar": gettext_lazy(
        "That password is too close to the account's name. Please choose another."
    ),
    "password_entirely_numeric": gettext_lazy(
        "A password of only digits is easy to guess. Please add letters or words."
    ),
}


def password_problems(password: str, user) -> list[str]:
    """What is wrong with `password` for `user`, in plain words; empty when it will do."""
    from django.contrib.auth import password_validation

    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        problems = []
        for error in exc.error_list:
            words = _PLAIN_WORDS.get(error.code)
            problems.append(str(words) % (error.params or {}) if words else error.messages[0])
        return problems
    return []


def end_sessions(user, keep: str | None = None) -> int:
    """Log `user` out everywhere except the session `keep`; how many sessions ended.

    Sessions are stored signed, not indexed by account, so each live one is read.
    """
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep:
            continue
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
