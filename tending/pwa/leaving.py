"""Logging out leaves nothing of the person on the device: no copy of their help page, no
quick log waiting to be sent, no service worker (it comes back, empty, on the next page)."""

from __future__ import annotations

from functools import wraps

# What the browser is asked to clear for this site: its HTTP cache, and its storage
# (Cache Storage, the service worker, localStorage with any quick log still waiting).
CLEAR_SITE_DATA = '"cache", "storage"'


def forgets_the_device(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "POST" and response.status_code in (200, 302, 303):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response

    return wrapped
