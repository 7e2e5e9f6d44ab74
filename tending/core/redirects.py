"""Where a `next=` may send someone: only back into tending, on the same scheme."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

MAX_NEXT_CHARS = 2000


def safe_next_url(request: HttpRequest, target: str | None) -> str | None:
    """`target` if it is a path on this site, else None.

    Only a relative path from the root is followed ("/today/?another=2"): never another host,
    never "//host" or "/\\host", never a bare word (which redirect() would take for a view
    name), and on a secure request nothing the browser could read as plain http.
    """
    if not target or len(target) > MAX_NEXT_CHARS:
        return None
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in target):
        return None
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else None


def back_to(request: HttpRequest, target: str | None, fallback: str) -> HttpResponseRedirect:
    """Redirect to a safe `next=`, or to the named view `fallback`."""
    url = safe_next_url(request, target)
    return HttpResponseRedirect(url) if url is not None else redirect(fallback)
