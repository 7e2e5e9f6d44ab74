"""Contacts from a phone or mail app (vCard 2.1, 3.0, 4.0) into the circle, duplicates aside."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from tending.circle.drift import default_rhythm
from tending.circle.models import Person, Ring
from tending.core.ownership import owned
from tending.exchange.foreign import ForeignFileError, Item, Reading
from tending.exchange.foreign.vcard_cards import PersonFields, read_cards, to_person
from tending.exchange.foreign.vcard_parse import email_key, name_key, phone_key

NAME = "vcard"
LABEL = "Contacts (vCard, .vcf)"
KIND = "person"
# A person brought in lands where the add-person form puts someone it is told nothing about.
RING = Ring.MIDDLE


def _email_ok(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


class _Known:
    """Who is already in the account's circle (archived people too), and in the file so far."""

    def __init__(self, user):
        self.names: dict[str, str] = {}
        self.phones: dict[str, str] = {}
        self.emails: dict[str, str] = {}
        rows = owned(Person, user).values_list("name", "phone", "email")
        for name, phone, email in rows:
            self.remember(name, [phone], [email], f"Already in your circle as {name}")

    def remember(self, name: str, phones: list[str], emails: list[str], said: str) -> None:
        self.names.setdefault(name_key(name), said)
        for key in filter(None, map(phone_key, phones)):
            self.phones.setdefault(key, said)
        for key in filter(None, map(email_key, emails)):
            self.emails.setdefault(key, said)

    def why(self, person: PersonFields) -> str:
        if name_key(person.name) in self.names:
            return f"{self.names[name_key(person.name)]} (same name)"
        for key in filter(None, map(phone_key, person.phones)):
            if key in self.phones:
                return f"{self.phones[key]} (same phone number)"
        for key in filter(None, map(email_key, person.emails)):
            if key in self.emails:
                return f"{self.emails[key]} (same e-mail)"
        return ""


def title(person: PersonFields) -> str:
    parts = [person.name, person.phone, person.email]
    if person.birthday:
        year, month, day = person.birthday
        parts.append(f"birthday {day} {calendar.month_name[month]}" + (f" {year}" if year else ""))
    return " · ".join(part for part in parts if part)


def read(data: bytes, user) -> Reading:
    cards = read_cards(data, timezone.localdate().year)
    reading = Reading(NAME)
    known = _Known(user)
    kept: Counter[str] = Counter()
    photos, groups, empty = 0, [], 0
    for card in cards:
        if card.is_group:
            groups.append(card.name or f"line {card.line}")
            continue
        if card.is_empty():
            empty += 1
            continue
        person = to_person(card, _email_ok)
        photos += card.photo
        kept.update(set(person.kept))
        reading.items.append(Item(KIND, title(person), known.why(person), person))
        said = f"Also in this file as {person.name} (line {person.line})"
        known.remember(person.name, person.phones, person.emails, said)
    for what, count in sorted(kept.items()):
        reading.kept_as_text.append(f"{what}, for {_people(count)} → their notes")
    if photos:
        reading.kept_as_text.append(
            f"Photos of {_people(photos)} → not brought in: tending keeps no pictures"
        )
    if groups:
        reading.kept_as_text.append(
            f"Contact groups ({', '.join(groups)}) → not brought in: the circle holds people"
        )
    if empty:
        cards = "1 empty card" if empty == 1 else f"{empty:,} empty cards"
        reading.kept_as_text.append(f"{cards} → nothing in them to bring in")
    return reading


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count:,} people"


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    indexes = reading.default_choice() if chosen is None else sorted(set(chosen))
    if any(not 0 <= index < len(reading.items) for index in indexes):
        raise ForeignFileError("That choice names someone who is not in the file.")
    people = [_person(reading.items[index].data, user) for index in indexes]
    Person.objects.bulk_create(people, batch_size=500)
    return {KIND: len(people)} if people else {}


def _person(fields: PersonFields, user) -> Person:
    year, month, day = fields.birthday or (None, None, None)
    return Person(
        owner=user,
        name=fields.name,
        ring=RING,
        rhythm_days=default_rhythm(RING),
        phone=fields.phone,
        email=fields.email,
        other_contact=fields.other_contact,
        birthday_day=day,
        birthday_month=month,
        birthday_year=year,
        notes=fields.notes,
    )
