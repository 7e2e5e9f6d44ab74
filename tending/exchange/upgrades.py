"""Bring a document written by an older tending up to the current version, one step at a time.

Each step takes a document of version N and returns one of version N + 1; the chain runs
the steps in order until the current version. Version 1 is the first tending wrote; each
change to the shape adds a step here, and documents already in people's hands keep importing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from tending.exchange.document import VERSION

Document = dict[str, Any]
Step = Callable[[Document], Document]


def _1_to_2(document: Document) -> Document:
    """Version 2 added the account's language; a version 1 account has none chosen (the
    field's default), so only the number changes."""
    return {**document, "version": 2}


# version N -> the function that turns a version N document into version N + 1
UPGRADES: Mapping[int, Step] = {1: _1_to_2}


class UpgradeError(ValueError):
    """A document whose version tending cannot read; the message says why."""


def upgrade(
    document: Document, chain: Mapping[int, Step] = UPGRADES, current: int = VERSION
) -> tuple[Document, int]:
    """The document in the current version, and the version it came in."""
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise UpgradeError(
            _("version: should be a whole number, not %(version)s.") % {"version": repr(version)}
        )
    if version > current:
        raise UpgradeError(
            _(
                "This document was written by a newer tending (format version %(version)d; "
                "this tending reads up to version %(current)d). Please upgrade tending, then "
                "import it again."
            )
            % {"version": version, "current": current}
        )
    start = version
    while version < current:
        step = chain.get(version)
        if step is None:
            raise UpgradeError(
                _(
                    "This document has format version %(version)d, which this tending cannot "
                    "read (it reads versions %(first)d to %(current)d)."
                )
                % {"version": version, "first": min(chain, default=current), "current": current}
            )
        document = step(dict(document))
        if document.get("version") != version + 1:
            raise AssertionError(f"the upgrade from version {version} did not set version")
        version += 1
    return document, start
