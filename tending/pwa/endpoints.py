"""Which addresses tending sends push wake-ups to: pure, no database."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

ENDPOINT_LONGEST = 1000


def endpoint_problem(endpoint: str) -> str | None:
    """Why tending will not send to this address, or None. A browser's push service is an
    HTTPS address with a host name; anything else (this machine, an address inside the host's
    network) would let a subscription make the server call where it should not."""
    if not isinstance(endpoint, str) or not endpoint:
        return "no address"
    if len(endpoint) > ENDPOINT_LONGEST:
        return "address too long"
    if not (endpoint.isascii() and endpoint.isprintable()):
        return "not an address"  # a browser's is plain ASCII: no NUL, line break or RLO
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return "not an address"
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return "not an https address"
    if port not in (None, 443):
        return "not the usual https port"
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return "a local address"
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None if "." in host else "a local address"
    return "a bare IP address"


def reaches_inside(addresses: list[str]) -> bool:
    """Whether a push service's name leads into this machine or the host's own network (a
    name anyone can point at 127.0.0.1): then nothing is sent."""
    for address in addresses:
        try:
            found = ipaddress.ip_address(address.split("%")[0])
        except ValueError:
            return True  # not an address at all: do not guess
        if not found.is_global:
            return True
    return not addresses
