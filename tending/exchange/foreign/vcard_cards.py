"""From a vCard file's lines to the people it holds, in the fields tending has; of Django only
its translations, for the messages. What goes into a person's notes is written in English,
as the file's own labels are."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tending.exchange.checking import number as grouped
from tending.exchange.foreign import ForeignFileError
from tending.exchange.foreign.vcard_parse import (
    LABELS,
    MAX_CARDS,
    MAX_UNREAD_LINES,
    PICTURES,
    TECHNICAL,
    Card,
    Property,
    components,
    decode,
    is_preferred,
    label_of,
    logical_lines,
    parse_birthday,
    parse_property,
    raw_value,
    unescape,
)

# The lengths of Person's fields; what is longer is kept whole in the notes instead.
NAME_CHARS, PHONE_CHARS, EMAIL_CHARS, OTHER_CHARS = 100, 40, 254, 200


def read_cards(data: bytes, this_year: int) -> list[Card]:
    """Every card in the file, in order; a file that is not vCard raises ForeignFileError."""
    text, bytewise = decode(data)
    cards: list[Card] = []
    props: list[Property] = []
    card: Card | None = None
    depth = 0  # cards inside a card (vCard 2.1's AGENT) are skipped with their lines
    for number, line in logical_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if card is None:
                if len(cards) >= MAX_CARDS:
                    raise ForeignFileError(
                        _(
                            "This file holds more than %(most)s contacts (line %(line)d); tending "
                            "brings in at most %(most)s at a time. Please split the file and "
                            "bring in each part."
                        )
                        % {"most": grouped(MAX_CARDS), "line": number}
                    )
                card, props = Card(number), []
            else:
                depth += 1
                if depth == 1:
                    card.extra.append("A card inside this card (not brought in)")
        elif upper == "END:VCARD":
            if card is None:
                raise ForeignFileError(
                    _("Line %(line)d ends a contact that was never begun.") % {"line": number}
                )
            if depth:
                depth -= 1
            else:
                cards.append(build(card, props, bytewise, this_year))
                card = None
        elif card is None:
            if upper:
                if not cards:
                    said = _(
                        "Line %(line)d is not part of a contact: a vCard file starts with "
                        "BEGIN:VCARD, not “%(found)s”. Is this a vCard (.vcf) file?"
                    )
                else:
                    said = _(
                        "Line %(line)d is not part of a contact: a vCard file goes on with "
                        "BEGIN:VCARD, not “%(found)s”. Is this a vCard (.vcf) file?"
                    )
                raise ForeignFileError(said % {"line": number, "found": line.strip()[:40]})
        elif depth == 0 and upper:
            prop = parse_property(number, line)
            if prop is not None:
                props.append(prop)
            elif not (props and props[-1].name in PICTURES):  # 2.1 writes base64 bare
                card.unread += 1
                if card.unread <= MAX_UNREAD_LINES:
                    card.extra.append(f"Line {number}, not understood: {line.strip()[:200]}")
    if card is not None:
        raise ForeignFileError(
            _(
                "The contact that begins on line %(line)d never ends (no END:VCARD); the file "
                "may have been cut short."
            )
            % {"line": card.line}
        )
    if not cards:
        raise ForeignFileError(_("This file holds no contacts: no BEGIN:VCARD was found."))
    return cards


def build(card: Card, props: list[Property], bytewise: bool, this_year: int) -> Card:
    """Fill a card from its properties: what tending has a field for, and the rest as text."""
    labels = {p.group: unescape(raw_value(p, bytewise)) for p in props if p.name == "X-ABLABEL"}
    ordered = sorted(props, key=lambda p: not is_preferred(p))  # stable: the preferred first
    structured = ""
    for prop in ordered:
        value = unicodedata.normalize("NFC", raw_value(prop, bytewise))  # é as one character
        text = unescape(value).strip()
        label = label_of(prop, labels)
        said = f"{LABELS.get(prop.name, prop.name.title())}{f' ({label})' if label else ''}"
        if prop.name in PICTURES:
            card.photo = card.photo or prop.name == "PHOTO"
        elif prop.name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            card.is_group = text.lower() == "group"
        elif prop.name in TECHNICAL or not text:
            continue
        elif prop.name == "FN" and not card.name:
            card.name = " ".join(text.split())
        elif prop.name == "N":
            parts = [" ".join(p.replace(",", " ").split()) for p in components(value)]
            prefix_given_family = [parts[i] for i in (3, 1, 2, 0, 4) if i < len(parts)]
            structured = " ".join(p for p in prefix_given_family if p)
        elif prop.name == "TEL":
            card.phones.append((said, text.removeprefix("tel:").strip()))
        elif prop.name == "EMAIL":
            card.emails.append((said, text.removeprefix("mailto:").strip()))
        elif prop.name == "IMPP":
            card.messaging.append((said, text))
        elif prop.name == "BDAY" and card.birthday is None:
            omit = ",".join(prop.params.get("X-APPLE-OMIT-YEAR", []))
            card.birthday = parse_birthday(text, omit)
            if card.birthday is None or not _plausible_year(card.birthday[0], this_year):
                card.extra.append(f"{said}: {text}")
            if card.birthday is not None and not _plausible_year(card.birthday[0], this_year):
                card.birthday = (None, card.birthday[1], card.birthday[2])
        elif prop.name == "NOTE":
            card.notes.append(text)
        elif prop.name in ("ADR", "ORG"):
            lines = [line for part in components(value) for line in part.splitlines()]
            shown = ", ".join(" ".join(line.split()) for line in lines if line.strip())
            if shown:  # Thunderbird writes an empty ORG:; for no organisation
                card.extra.append(f"{said}: {shown}")
            if prop.name == "ORG" and not card.organisation:
                card.organisation = shown
        else:
            card.extra.append(f"{said}: {text}")
    card.name = card.name or structured or card.organisation
    if card.unread > MAX_UNREAD_LINES:
        card.extra.append(f"{card.unread - MAX_UNREAD_LINES:,} more lines, not understood")
    return card


def _plausible_year(year: int | None, this_year: int) -> bool:
    return year is None or 1900 <= year <= this_year


@dataclass
class PersonFields:
    """One card as a tending Person would hold it."""

    line: int
    name: str
    phone: str = ""
    email: str = ""
    other_contact: str = ""
    birthday: tuple[int | None, int, int] | None = None
    notes: str = ""
    phones: list[str] = field(default_factory=list)  # every number, for finding duplicates
    emails: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # what went into the notes, by kind


def to_person(card: Card, email_ok: Callable[[str], bool]) -> PersonFields:
    """Fill the fields a person has; every other thing on the card goes into the notes."""
    extra: list[str] = []
    name = (
        card.name
        or (card.emails[0][1] if card.emails else "")
        or (card.phones[0][1] if card.phones else "")
    )
    if not name:
        name = f"Someone without a name (line {card.line})"
    if len(name) > NAME_CHARS:
        extra.append(f"Full name: {name}")
        name = name[: NAME_CHARS - 1] + "…"
    person = PersonFields(card.line, name, birthday=card.birthday)
    person.phones = [number for _, number in card.phones]
    person.emails = [address for _, address in card.emails]
    for said, number in card.phones:
        if not person.phone and len(number) <= PHONE_CHARS:
            person.phone = number
        else:
            extra.append(f"{said}: {number}")
    for said, address in card.emails:
        if not person.email and len(address) <= EMAIL_CHARS and email_ok(address):
            person.email = address
        else:
            extra.append(f"{said}: {address}")
    for said, handle in card.messaging:
        if not person.other_contact and len(handle) <= OTHER_CHARS:
            person.other_contact = handle
        else:
            extra.append(f"{said}: {handle}")
    extra += card.extra
    person.notes = card.notes_text(extra)
    person.kept = [line.partition(":")[0].partition(" (")[0] for line in extra]
    return person
