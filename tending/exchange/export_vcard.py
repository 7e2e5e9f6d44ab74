"""The circle as one vCard 4.0 file: every person, archived ones too, for a phone or mail app.

Each card has the name (FN, and N split only where plain), phone, e-mail, birthday
(--MMDD when the year is not known), notes, the ring and kind as CATEGORIES, and tending's
own values as X-TENDING-… properties (ring, rhythm in days, kind, safe person, archived).
UIDs stay the same from one export to the next, so an app can tell a card it already has.
"""

from __future__ import annotations

import uuid
from typing import BinaryIO

from tending import __version__
from tending.exchange.reading import batches, snapshot
from tending.exchange.vcard_text import Contact, card

# Names UIDs: uuid5(this, "owner-id/person-id"), the same in every export of the same data.
UID_SPACE = uuid.UUID("6f1e4b7c-2d3a-5e8f-9a0b-1c2d3e4f5a6b")
PRODUCT = f"-//tending//tending {__version__}//EN"


def write_vcards(user, out: BinaryIO) -> dict[str, int]:
    """Write every person of `user` to `out` as vCard 4.0; return {"people": how many}."""
    from tending.circle.models import RING_NAMES, Kind, Person

    # Words, not glued ("Inner" + " ring"): each language says a ring its own way.
    rings, kinds = {key: str(name) for key, name in RING_NAMES.items()}, dict(Kind.choices)
    count = 0
    with snapshot():
        rows = (
            Person.objects.filter(owner=user)
            .order_by("name", "id")
            .values_list(
                "id",
                "name",
                "kind",
                "ring",
                "rhythm_days",
                "phone",
                "email",
                "other_contact",
                "notes",
                "birthday_day",
                "birthday_month",
                "birthday_year",
                "is_archived",
                "is_safe",
                "updated_at",
            )  # fmt: skip
        )
        for batch in batches(rows):
            cards = []
            for row in batch:
                (pk, name, kind, ring, rhythm, phone, email, other, notes,
                 day, month, year, archived, safe, changed) = row  # fmt: skip
                categories = [rings.get(ring, ring), str(kinds.get(kind, kind))]
                contact = Contact(
                    uid=f"urn:uuid:{uuid.uuid5(UID_SPACE, f'{user.pk}/{pk}')}",
                    name=name,
                    ring=ring,
                    kind=kind,
                    rhythm_days=rhythm,
                    phone=phone,
                    email=email,
                    other_contact=other,
                    notes=notes,
                    birthday=(day, month, year),
                    archived=archived,
                    safe=safe,
                    revised=changed,
                    categories=(*categories, "Archived") if archived else tuple(categories),
                )
                cards.append(card(contact, PRODUCT))
            out.write("".join(cards).encode("utf-8"))
            count += len(batch)
    return {"people": count}
