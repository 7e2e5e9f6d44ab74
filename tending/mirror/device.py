"""While the person's device is handed to someone answering their round, every page but the
answer screen and its way back leads to the answer screen (see tending.mirror.respond)."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

from tending.mirror.respond import DEVICE


class DeviceModeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed: tuple[str, ...] | None = None

    def __call__(self, request):
        session = getattr(request, "session", None)
        # A session without a cookie is never loaded, so a visitor costs nothing here.
        if session is not None and session.session_key and DEVICE in session:
            if self.allowed is None:
                self.allowed = (reverse("mirror:device"), reverse("mirror:device_leave"))
            if request.path not in self.allowed:
                return redirect("mirror:device")
        return self.get_response(request)
