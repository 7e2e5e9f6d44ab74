"""Contacts from a phone or mail app (vCard 2.1, 3.0, 4.0) into the circle, duplicates aside."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from tending.circle.drift import default_rhythm
from tending.circle.models import Person, Ring
from tending.core.date_format import format_date
from tending.core.ownership import owned
from tending.exchange.checking import number
from tending.exchange.foreign import ForeignFileError, Item, Reading
from tending.exchange.foreign.vcard_cards import PersonFields, read_cards, to_person
from tending.exchange.foreign.vcard_parse import email_key, name_key, phone_key

NAME = "vcard"
LABEL = gettext_noop("Contacts (vCard, .vcf)")
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
        in_circle = _("Already in your circle as %(name)s")
        for name, phone, email in rows:
            self.remember(name, [phone], [email], in_circle % {"name": name})
        # Why a card is taken to be someone already there, said once for the whole file.
        self.same = {
            "name": _("%(who)s (same name)"),
            "phone": _("%(who)s (same phone number)"),
            "email": _("%(who)s (same e-mail)"),
        }

    def remember(self, name: str, phones: list[str], emails: list[str], said: str) -> None:
        self.names.setdefault(name_key(name), said)
        for key in filter(None, map(phone_key, phones)):
            self.phones.setdefault(key, said)
        for key in filter(None, map(email_key, emails)):
            self.emails.setdefault(key, said)

    def why(self, person: PersonFields) -> str:
        if name_key(person.name) in self.names:
            return self.same["name"] % {"who": self.names[name_key(person.name)]}
        for key in filter(None, map(phone_key, person.phones)):
            if key in self.phones:
                return self.same["phone"] % {"who": self.phones[key]}
        for key in filter(None, map(email_key, person.emails)):
            if key in self.emails:
                return self.same["email"] % {"who": self.emails[key]}
        return ""


def title(person: PersonFields, birthday: str = "") -> str:
    """The preview's line for a card; `birthday` is how it says one, translated once for a
    whole file."""
    parts = [person.name, person.phone, person.email]
    if person.birthday:
        year, month, day = person.birthday
        # A leap year, so that 29 February stands when the year is not known.
        born = format_date(date(year or 2000, month, day), "j F Y" if year else "j F")
        parts.append((birthday or _("birthday %(date)s")) % {"date": born})
    return " · ".join(part for part in parts if part)


def read(data: bytes, user) -> Reading:
    cards = read_cards(data, timezone.localdate().year)
    reading = Reading(NAME)
    known = _Known(user)
    kept: Counter[str] = Counter()
    photos, groups, empty = 0, [], 0
    birthday, also = _("birthday %(date)s"), _("Also in this file as %(name)s (line %(line)d)")
    for card in cards:
        if card.is_group:
            groups.append(card.name or _("line %(line)d") % {"line": card.line})
            continue
        if card.is_empty():
            empty += 1
            continue
        person = to_person(card, _email_ok)
        photos += card.photo
        kept.update(set(person.kept))
        reading.items.append(Item(KIND, title(person, birthday), known.why(person), person))
        said = also % {"name": person.name, "line": person.line}
        known.remember(person.name, person.phones, person.emails, said)
    # What went into the notes is named as the notes name it (in English, as written).
    for what, count in sorted(kept.items()):
        reading.kept_as_text.append(
            ngettext(
                "%(what)s, for %(count)s person → their notes",
                "%(what)s, for %(count)s people → their notes",
                count,
            )
            % {"what": what, "count": number(count)}
        )
    if photos:
        reading.kept_as_text.append(
            ngettext(
                "Photos of %(count)s person → not brought in: tending keeps no pictures",
                "Photos of %(count)s people → not brought in: tending keeps no pictures",
                photos,
            )
            % {"count": number(photos)}
        )
    if groups:
        reading.kept_as_text.append(
            _("Contact groups (%(names)s) → not brought in: the circle holds people")
            % {"names": ", ".join(groups)}
        )
    if empty:
        reading.kept_as_text.append(
            ngettext(
                "%(count)s empty card → nothing in them to bring in",
                "%(count)s empty cards → nothing in them to bring in",
                empty,
            )
            % {"count": number(empty)}
        )
    return reading


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    indexes = reading.default_choice() if chosen is None else sorted(set(chosen))
    if any(not 0 <= index < len(reading.items) for index in indexes):
        raise ForeignFileError(_("That choice names someone who is not in the file."))
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
