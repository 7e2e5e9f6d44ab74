"""Per-person time zone, the first visitor to the welcome page, and which methods pages answer."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone


class UserTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class FirstRunMiddleware:
    """In personal mode, until an account exists, the login page leads to the welcome page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.HOSTED
            and request.path == reverse("core:login")
            and not get_user_model().objects.exists()
        ):
            return redirect("core:welcome")
        return self.get_response(request)


API_PREFIX = "/api/"
API_ANSWERED = ("PUT", "PATCH", "DELETE")


class HttpMethodsMiddleware:
    """Pages answer GET, HEAD and POST only (the API also PUT, PATCH, DELETE); HEAD wherever
    GET works.

    Views check only the methods they expect, so without this a PUT, DELETE or made-up
    method got the normal page, and a page that takes GET and POST refused HEAD, which
    uptime monitors send. HEAD is answered as GET would be, with the same headers and no
    body, as Django's class-based views already do.
    """

    ANSWERED = ("GET", "HEAD", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX) and request.method in API_ANSWERED:
            pass  # the API's routes say which methods each takes
        elif request.method not in self.ANSWERED:
            return HttpResponseNotAllowed(self.ANSWERED)
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        # Content-Length (set by CommonMiddleware, further in) still says what GET would send.
        if response.streaming:
            response.streaming_content = []
        else:
            response.content = b""
        return response
