"""A form sent from a phone with a bad connection is saved once, however often it arrives.

offline.js gives a form marked `data-offline-queue` a key (`sent_once`) when it is filled in,
and keeps the form on the phone when there is no connection, sending it when one returns.
A sending whose answer is lost may be sent again with the same key: the view wrapped here
saves only the first, in the same transaction as the key, and answers every later one with
where the first led. A form sent by offline.js (header `X-Tending-Queue`) is answered with
that address as JSON instead of a redirect, so the page can go there itself and its
"Saved" message is still waiting for it.
"""

from __future__ import annotations

import re
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect

from tending.pwa.models import SentOnce

KEY = re.compile(r"[A-Za-z0-9-]{16,64}\Z")
REDIRECTS = (301, 302, 303)


def _answer(request, response):
    if request.headers.get("X-Tending-Queue") and response.status_code in REDIRECTS:
        return JsonResponse({"next": response["Location"]})
    return response


def led_to(user, key: str) -> str | None:
    """Where the form sent with this key led, if it was saved."""
    return SentOnce.objects.filter(owner=user, key=key).values_list("led_to", flat=True).first()


def sent_once(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = request.POST.get("sent_once", "") if request.method == "POST" else ""
        if not (key and KEY.match(key) and request.user.is_authenticated):
            return _answer(request, view(request, *args, **kwargs))
        earlier = led_to(request.user, key)
        if earlier is not None:
            return _answer(request, redirect(earlier))
        try:
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if response.status_code in REDIRECTS:  # saved: the key goes with it
                    SentOnce.objects.create(
                        owner=request.user, key=key, led_to=response["Location"][:500]
                    )
        except IntegrityError:  # the same form, saved a moment ago by a twin request
            earlier = led_to(request.user, key)
            if earlier is None:
                raise
            return _answer(request, redirect(earlier))
        return _answer(request, response)

    return wrapped
