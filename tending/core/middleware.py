"""Per-person time zone, and sending the very first visitor to the welcome page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
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
