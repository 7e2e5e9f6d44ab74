"""Who is calling the API: a personal access token (`Authorization: Bearer`), or the same-origin
browser's session with its CSRF token. Tokens are rate-limited, and a read-only one only reads."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from tending.api.models import AccessToken
from tending.core.rate import allow
from tending.core.security import ReferrerlessCsrfMiddleware
from tending.core.tokens import token_hash

READING = frozenset({"GET", "HEAD", "OPTIONS"})
# Posted only so that their words stay out of addresses and logs: they change nothing.
READ_POSTS = frozenset({"/api/v1/journal/search"})
TOKEN_PREFIX = "tnd_"
# last_used_at is written at most this often: a busy script should not write on every call.
LAST_USED_STEP = timedelta(minutes=1)
RATE_WINDOW = timedelta(minutes=1)


class RateLimited(HttpError):
    def __init__(self) -> None:
        super().__init__(429, "Too many requests with this token; wait a minute and try again.")


def refuse_nul(request: HttpRequest) -> None:
    """A NUL character in the address's query: no field can hold it (PostgreSQL refuses it)."""
    if "\x00" in request.META.get("QUERY_STRING", "") or any(
        "\x00" in value for values in request.GET.lists() for value in values[1]
    ):
        raise HttpError(400, "The address holds a NUL character, which nothing here can hold.")


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tnd_…`: the token's owner, if it is known and not expired."""

    def authenticate(self, request: HttpRequest, token: str):
        refuse_nul(request)
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        found = (
            AccessToken.objects.select_related("owner")
            .filter(token_hash=token_hash(token), owner__is_active=True)
            .first()
        )
        now = timezone.now()
        if found is None or (found.expires_at is not None and found.expires_at <= now):
            return None
        reads = request.method in READING or request.path_info in READ_POSTS
        if not reads and not found.can_write:
            raise HttpError(403, "This token can only read. Make a read-write one in Settings.")
        if not allow("api-token", str(found.pk), settings.API_RATE_PER_MINUTE, RATE_WINDOW, now):
            raise RateLimited()
        if found.last_used_at is None or found.last_used_at <= now - LAST_USED_STEP:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.owner
        request.api_token = found
        # The middleware that sets the person's time zone for pages ran before the token was
        # read: days ("today", a date left empty) must be theirs here too. It resets after.
        timezone.activate(found.owner.zone)
        return found.owner


class BrowserSession(SessionAuth):
    """The signed-in browser (the API's own docs page): its session, and CSRF on writes.

    The check is tending's own CSRF middleware, which allows for the `Origin: null` that the
    no-referrer policy makes a same-site browser send.
    """

    def _get_key(self, request: HttpRequest):
        refuse_nul(request)
        if request.method not in READING:
            request.csrf_processing_done = False
            check = ReferrerlessCsrfMiddleware(lambda r: None)
            check.process_request(request)
            if check.process_view(request, _no_view, (), {}) is not None:
                raise HttpError(403, "The page's CSRF token is missing or old; reload the page.")
        return request.COOKIES.get(self.param_name)


def _no_view(request):  # pragma: no cover - the CSRF check needs a view to look at
    return None


AUTH = [TokenAuth(), BrowserSession()]
