"""tending's own error pages, and what a GET of a POST-only address does.

Every error a person can meet (400, 403 including a failed CSRF check, 404, 405, 500) is a page
in tending's words with "Need help now" on it, never Django's bare default. The 500 page is
plain HTML with no database behind it: it must show when the database is the problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import translation

from tending.core.languages import language_of

ERROR_PAGES = {400: "400.html", 403: "403.html", 405: "405.html"}
# Headers set for the original answer that the page made in its place must keep (the
# security headers are set further in, on the way out, before this sees the response).
_KEPT_OUT = {"content-type", "content-length"}


def render_error(request: HttpRequest, status: int, **context) -> HttpResponse:
    # In the page's language: ErrorPageMiddleware draws the page after the language
    # middleware, further in, has finished with the request.
    language = getattr(request, "LANGUAGE_CODE", None) or language_of(request)[0]
    with translation.override(language):
        html = render_to_string(ERROR_PAGES[status], {"status": status, **context}, request=request)
    return HttpResponse(html, status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF_FAILURE_VIEW: a form sent from an old page or without its cookie."""
    return render_error(request, 403, csrf=True)


class ErrorPageMiddleware:
    """Gives a page to the empty 400, 403 and 405 answers Django and views send.

    `require_POST`, `HttpResponseNotAllowed` and `HttpResponse(status=400)` answer with no
    body; a person who meets one sees a blank page. htmx requests keep the short answer,
    since they swap it into a page that already has everything around it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if status not in ERROR_PAGES or response.streaming:
            return response
        if request.path.startswith("/api/"):  # a program reads it: JSON, not a page
            if not response.get("Content-Type", "").startswith("application/json"):
                response.content = json.dumps({"detail": response.reason_phrase})
                response["Content-Type"] = "application/json"
            return response
        if response.content.strip() or request.headers.get("HX-Request") == "true":
            return response
        page = render_error(request, status)
        for header, value in response.headers.items():
            if header.lower() not in _KEPT_OUT:
                page[header] = value
        return page


def post_only(back: str, *args_from_url: str) -> Callable:
    """A view that only changes something on POST; a GET or HEAD goes to the page with its form.

    Reloading after a form came back with a note, or opening the address from history,
    used to show an empty 405. `back` is the view with the form; `args_from_url` are the
    URL's arguments it needs (a person's page needs the person_id). That page checks
    ownership as usual, so another account still meets a 404 there.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return redirect(back, **{name: kwargs[name] for name in args_from_url})
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        wrapper.post_only_back = back
        return wrapper

    return decorate
