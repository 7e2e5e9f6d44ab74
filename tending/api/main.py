"""The API itself: one NinjaAPI under /api/v1/, its routers, and its error answers."""

from __future__ import annotations

import json

import pydantic_core
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from tending.api import (
    checkins,
    growth_brave,
    growth_goals,
    growth_ladders,
    growth_therapy,
    insights,
    journal,
    mirror,
    moments,
    people,
    safety,
    tags,
    today,
)
from tending.api.auth import AUTH, RateLimited
from tending.api.common import FormInvalid
from tending.api.messages import plain_message
from tending.core.routes import API_NAMESPACE

DESCRIPTION = """\
Everything in your tending, as JSON. Make a personal access token in Settings → API tokens and
send it as `Authorization: Bearer tnd_…`; a read-only token can only read. A signed-in browser
on this site may call the API too (with its CSRF token on changes).

Lists come in pages: pass the `next` of one page as `cursor` to get the one after it.
Every row carries an `ETag`; send it back as `If-Match` when you change or delete the row, and
if it was changed elsewhere since you read it, the answer is 412 and nothing is overwritten.
Another person's rows do not exist for you: asking for one answers 404.
"""


class Body(Parser):
    """JSON bodies whose strings are text. An escape like \\ud800 with no pair decodes to a
    half character no database, file or answer can hold (saving it was a 500); such a body is
    refused as unreadable, 400, as malformed JSON is."""

    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot encode
        return data


# Made once: it keeps nothing between calls.
DJANGO_ENCODING = NinjaJSONEncoder().default


class Json(JSONRenderer):
    """JSON written by pydantic's own serializer: Python's json module with Django's encoder
    took a tenth of a list's time, calling back into Python for every time in it. Times keep
    their microseconds; anything pydantic does not know goes to Django's encoder as before."""

    def render(self, request: HttpRequest, data, *, response_status: int) -> bytes:
        return pydantic_core.to_json(data, fallback=DJANGO_ENCODING)


api = NinjaAPI(
    title="tending",
    renderer=Json(),
    parser=Body(),
    version="1",
    description=DESCRIPTION,
    auth=AUTH,
    urls_namespace=API_NAMESPACE,
    docs_url=None,  # tending's own page (tending.api.views.docs), under its strict CSP
    openapi_url="/openapi.json",
)

for part in (
    people,
    moments,
    tags,
    growth_goals,
    growth_brave,
    growth_ladders,
    growth_therapy,
    checkins,
    safety,
    today,
    journal,
    insights,
    mirror,
):
    api.add_router("/", part.router)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError):
    response = api.create_response(
        request,
        {"detail": "Send a personal access token: Authorization: Bearer tnd_…"},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="tending"'
    return response


@api.exception_handler(ValidationError)
def schema_invalid(request: HttpRequest, exc: ValidationError):
    """The schema's own refusals in the web's words (`type` stays pydantic's), with `loc` as
    the forms give it: ["body", "name"], not ["body", "body", "name"] (django-ninja names the
    body parameter too)."""
    problems = []
    for error in exc.errors:
        loc = list(error.get("loc", []))
        if len(loc) > 2 and loc[0] == "body" and loc[1] == "body":
            loc = ["body", *loc[2:]]
        problems.append({"loc": loc, "msg": plain_message(error), "type": error.get("type", "")})
    return api.create_response(request, {"detail": problems}, status=422)


@api.exception_handler(FormInvalid)
def form_invalid(request: HttpRequest, exc: FormInvalid):
    return api.create_response(request, {"detail": exc.problems}, status=422)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    response = api.create_response(request, {"detail": exc.message}, status=exc.status_code)
    if isinstance(exc, RateLimited):
        response["Retry-After"] = "60"
    return response
