"""Where an invitation link points: the base address people reach tending at. Pure, no Django.

A link made in a page uses that page's own address; one made at the terminal (or put in an
e-mail) needs to be told, so it comes from --url, TENDING_BASE_URL, the first host name of a
hosted server, or the address `tending serve` starts at, in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from tending.core.words import gettext as _

PERSONAL_BASE = "http://127.0.0.1:8000"


def clean_base_url(text: str) -> str:
    """An address like https://tending.example.org (a path is allowed), without the last "/".

    Raises ValueError, in words a person can act on, for anything else.
    """
    given = text.strip()
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            _("%(given)r is not a web address: it should look like https://tending.example.org")
            % {"given": given}
        )
    if parts.query or parts.fragment or any(c.isspace() for c in given):
        raise ValueError(
            _(
                "%(given)r has more than an address in it: leave out spaces and anything "
                "after ? or #."
            )
            % {"given": given}
        )
    return given.rstrip("/")


def default_base(hosted: bool, allowed_hosts: Sequence[str]) -> str | None:
    """The base without anyone saying: a hosted server's first host name over HTTPS, or the
    address `tending serve` starts at. None when a hosted server's first name is a pattern
    ("*" or one that is only a dot), which names no address to send people to."""
    if not hosted:
        return PERSONAL_BASE
    first = allowed_hosts[0].lstrip(".") if allowed_hosts else ""
    if not first or "*" in first:
        return None
    return f"https://{first}"
