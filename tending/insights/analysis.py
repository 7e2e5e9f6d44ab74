"""THROW-AWAY STAND-IN, replaced by the engine at merge: finds nothing.

The real `find_patterns` is written on its own branch; this stub only lets the edge (gather,
cache, page, command line, benchmark) be built and tested beside it. Tests of the edge never
rely on what it returns: they put fixed findings in its place.
"""

from __future__ import annotations

from tending.insights.diary import Diary, Finding


def find_patterns(diary: Diary) -> list[Finding]:
    return []
