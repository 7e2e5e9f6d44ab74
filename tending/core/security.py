"""Response headers that keep pages private, and a CSRF check that works without referrers."""

from __future__ import annotations

from django.middleware.csrf import CsrfViewMiddleware

# Everything comes from tending itself: no inline script or style, no other host, no framing.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """A strict Content Security Policy everywhere, and no caching of any page.

    Pages hold private words (names, notes, journal text), so no browser, proxy or shared
    computer should keep a copy: `no-store` on every response tending itself makes. Static
    files are answered earlier by whitenoise and keep their long cache lifetimes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
        return response


class ReferrerlessCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, accepting the `Origin: null` that no-referrer brings.

    With `Referrer-Policy: no-referrer`, browsers send `Origin: null` on a form post to the
    very same site, and Django would refuse it as a foreign origin. Such a request is let
    through to the token check only when the browser's own fetch metadata says it came from
    this site: `Sec-Fetch-Site` cannot be set by a page's script. The CSRF token is still
    required, and the session cookie is SameSite=Lax.

    Over plain HTTP (personal mode at home) a browser too old to send fetch metadata is let
    through to the token check too, as Django itself does over HTTP. Over HTTPS (hosted
    mode) it is not: there Django's strict origin check guards against a sibling subdomain
    planting a token cookie, and only fetch metadata may stand in for it.
    """

    def _origin_verified(self, request) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null":
            site = request.META.get("HTTP_SEC_FETCH_SITE")
            if site is None:
                return not request.is_secure()
            return site == "same-origin"
        return super()._origin_verified(request)
