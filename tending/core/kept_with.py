"""Values worked out from an object, kept for as long as that very object is alive.

For results that are handed out again unchanged while what they were made from is unchanged
(a person's insights, kept in the process until their data moves): what is derived from one
such object is derived once. Keyed by the object's identity and checked through a weak
reference, so a new object that happens to get a dead one's id is never handed its value;
values of objects no longer alive are let go when the next is kept. Pure, no Django.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any


class KeptWith:
    def __init__(self) -> None:
        self._kept: dict[tuple[int, Hashable], tuple[weakref.ref, Any]] = {}
        self._lock = threading.Lock()

    def get(self, thing: object, key: Hashable, make: Callable[[], Any]) -> Any:
        """What `make()` gives for `thing` and `key`, worked out once while `thing` lives."""
        slot = (id(thing), key)
        with self._lock:
            found = self._kept.get(slot)
        if found is not None and found[0]() is thing:
            return found[1]
        value = make()
        with self._lock:
            for dead in [s for s, (ref, _) in self._kept.items() if ref() is None]:
                del self._kept[dead]
            self._kept[slot] = (weakref.ref(thing), value)
        return value

    def __len__(self) -> int:
        return len(self._kept)
