"""Which language a page speaks: the account's choice, else what the browser asks for.

tending speaks the languages in `settings.LANGUAGES`, each with a catalogue of its words in
`tending/<part>/locale/<code>/LC_MESSAGES/django.po` (scripts/messages.py gathers and
compiles them; CONTRIBUTING.md says how to add one). An account keeps its choice in
`User.language`; an empty choice, and every page before logging in, follows the browser's
Accept-Language. The HTTP API answers programs, always in English: its words are part of
what a program reads, and a phone's shortcut sends its owner's Accept-Language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from tending.core.middleware import API_PREFIX


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def known(code: str | None) -> bool:
    return bool(code) and code in dict(settings.LANGUAGES)


def account_language(user, otherwise: str | None = None) -> str:
    """The language to write to a person in where no page asks (an e-mail, a reminder, the
    calendar feed): their choice, else `otherwise`, else tending's default."""
    return user.language if known(user.language) else (otherwise or settings.LANGUAGE_CODE)


def asked_for(request) -> str:
    """The language a visitor who has not chosen one would want: the browser's
    Accept-Language, else tending's own default."""
    return translation.get_language_from_request(request, check_path=False)


def language_of(request) -> tuple[str, bool]:
    """The page's language, and whether it was settled without the browser's say (the
    account's choice, or the API's English)."""
    if request.path_info.startswith(API_PREFIX):
        return settings.LANGUAGE_CODE, True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and known(user.language):
        return user.language, True
    return asked_for(request), False


class LanguageMiddleware:
    """Speaks the page in its person's language, and says which it is (Content-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language, chosen = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        if not chosen:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        return response
