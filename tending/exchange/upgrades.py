"""Bring a document written by an older tending up to the current version, one step at a time.

Each step takes a document of version N and returns one of version N + 1; the chain runs
the steps in order until the current version. Version 1 is the first tending wrote, so the
chain is empty today: the next change to the shape adds `1: upgrade_1_to_2` here, and
documents already in people's hands keep importing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tending.exchange.document import VERSION

Document = dict[str, Any]
Step = Callable[[Document], Document]

# version N -> the function that turns a version N document into version N + 1
UPGRADES: Mapping[int, Step] = {}


class UpgradeError(ValueError):
    """A document whose version tending cannot read; the message says why."""


def upgrade(
    document: Document, chain: Mapping[int, Step] = UPGRADES, current: int = VERSION
) -> tuple[Document, int]:
    """The document in the current version, and the version it came in."""
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise UpgradeError(f"version: should be a whole number, not {version!r}.")
    if version > current:
        raise UpgradeError(
            f"This document was written by a newer tending (format version {version}; "
            f"this tending reads up to version {current}). Please upgrade tending, then "
            "import it again."
        )
    start = version
    while version < current:
        step = chain.get(version)
        if step is None:
            raise UpgradeError(
                f"This document has format version {version}, which this tending cannot "
                f"read (it reads versions {min(chain, default=current)} to {current})."
            )
        document = step(dict(document))
        if document.get("version") != version + 1:
            raise AssertionError(f"the upgrade from version {version} did not set version")
        version += 1
    return document, start
