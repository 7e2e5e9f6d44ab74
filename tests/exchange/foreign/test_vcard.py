"""Bringing contacts into the circle: the preview, duplicates, choosing who, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction

from tending.circle.drift import RING_RHYTHM_DAYS
from tending.circle.models import Person
from tending.exchange.foreign import SOURCES, ForeignFileError, source
from tending.exchange.foreign.vcard import add, read
from tests.factories import PersonFactory

SAMPLES = Path(__file__).parent / "samples"
pytestmark = pytest.mark.django_db


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def bring_in(data: bytes, user, chosen=None) -> dict[str, int]:
    with transaction.atomic():
        return add(read(data, user), user, chosen)


def test_registered_under_its_name():
    module = source("vcard")
    assert SOURCES["vcard"] == module.__name__ and module.NAME == "vcard" and module.LABEL


def test_apple_sample_adds_people_with_their_details_and_the_form_defaults(owner):
    reading = read(sample("contacts-apple-3.0.vcf"), owner)
    assert [item.title for item in reading.items] == [
        "Dr. Sam Alex Lee · +44 7700 900123 · sam.lee@example.org · birthday 12 April 1985",
        "Chidi Okafor · (555) 010-4477 · chidi@example.net · birthday 3 August",
    ]
    assert reading.new_counts() == {"person": 2}
    assert "Photos of 1 person → not brought in: tending keeps no pictures" in reading.kept_as_text
    assert "Address, for 1 person → their notes" in reading.kept_as_text
    assert any("Friends from choir" in line for line in reading.kept_as_text)
    assert Person.objects.count() == 0  # reading writes nothing
    with transaction.atomic():
        assert add(reading, owner) == {"person": 2}
    sam = Person.objects.get(name="Dr. Sam Alex Lee")
    assert (sam.owner, sam.ring, sam.rhythm_days, sam.kind) == (
        owner,
        "middle",
        RING_RHYTHM_DAYS["middle"],
        "friend",
    )
    assert (sam.birthday_day, sam.birthday_month, sam.birthday_year) == (12, 4, 1985)
    assert (sam.phone, sam.email, sam.other_contact) == (
        "+44 7700 900123",
        "sam.lee@example.org",
        "signal:+447700900123",
    )
    assert "- Organisation: Harbour Bakery, Ovens" in sam.notes
    chidi = Person.objects.get(name="Chidi Okafor")
    assert (chidi.birthday_day, chidi.birthday_month, chidi.birthday_year) == (3, 8, None)


def test_android_sample_recognises_the_same_person_twice_in_one_file(owner):
    reading = read(sample("contacts-android-3.0.vcf"), owner)
    names = [item.data.name for item in reading.items]
    assert names == ["Élodie François", "山田花子", "élodie FRANÇOIS", "Mo"]
    reasons = [item.duplicate for item in reading.items]
    assert reasons[:2] == ["", ""]
    assert reasons[2] == "Also in this file as Élodie François (line 1) (same name)"
    assert reasons[3] == "Also in this file as Élodie François (line 1) (same phone number)"
    assert "1 empty card → nothing in them to bring in" in reading.kept_as_text
    assert bring_in(sample("contacts-android-3.0.vcf"), owner) == {"person": 2}


def test_version_4_sample(owner):
    reading = read(sample("contacts-4.0.vcf"), owner)
    assert [item.data.name for item in reading.items] == [
        "Priya Raman",
        "Jordan Mills",
        "Kenji Nakamura",
    ]
    assert any("Book club" in line for line in reading.kept_as_text)
    assert bring_in(sample("contacts-4.0.vcf"), owner) == {"person": 3}
    assert Person.objects.get(name="Priya Raman").birthday == "12 April"


def test_google_and_thunderbird_samples_add_everyone(owner):
    assert bring_in(sample("contacts-google-3.0.vcf"), owner) == {"person": 2}
    assert bring_in(sample("contacts-thunderbird-4.0.vcf"), owner) == {"person": 1}
    tom = Person.objects.get(name="Tom Becker")
    assert (tom.birthday, tom.email) == ("5 June 1988", "tom@example.net")


def test_people_already_in_the_circle_by_name_phone_or_email(owner):
    PersonFactory(owner=owner, name="  sam  ALEX lee", phone="")
    PersonFactory(owner=owner, name="C. O.", phone="+1 555 010 4477", is_archived=True)
    PersonFactory(owner=owner, name="Pri", email="PRIYA.RAMAN@example.com")
    apple = read(sample("contacts-apple-3.0.vcf"), owner)
    assert apple.items[0].duplicate == ""  # "Dr. Sam Alex Lee" is another name
    assert apple.items[1].duplicate == "Already in your circle as C. O. (same phone number)"
    four = read(sample("contacts-4.0.vcf"), owner)
    assert four.items[0].duplicate == "Already in your circle as Pri (same e-mail)"
    PersonFactory(owner=owner, name="jordan mills")
    assert read(sample("contacts-4.0.vcf"), owner).items[1].duplicate == (
        "Already in your circle as jordan mills (same name)"
    )


def test_bringing_in_the_same_file_again_adds_nobody(owner):
    names = sorted(path.name for path in SAMPLES.glob("*.vcf"))
    assert len(names) == 5
    for name in names:
        bring_in(sample(name), owner)
    count = Person.objects.count()
    for name in names:
        reading = read(sample(name), owner)
        assert reading.new_counts() == {} and all(item.duplicate for item in reading.items)
        assert bring_in(sample(name), owner) == {}
    assert Person.objects.count() == count == 10


def test_duplicates_are_only_looked_for_in_the_importing_account(owner, other):
    PersonFactory(owner=other, name="Chidi Okafor", phone="(555) 010-4477")
    reading = read(sample("contacts-apple-3.0.vcf"), owner)
    assert [item.duplicate for item in reading.items] == ["", ""]
    assert bring_in(sample("contacts-apple-3.0.vcf"), owner) == {"person": 2}
    assert Person.objects.filter(owner=other).count() == 1


def test_choose_who_to_add_including_a_duplicate(owner):
    reading = read(sample("contacts-android-3.0.vcf"), owner)
    with transaction.atomic():
        assert add(reading, owner, chosen=[1, 3, 3]) == {"person": 2}
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Mo", "山田花子"]
    with transaction.atomic():
        assert add(reading, owner, chosen=[]) == {}
    with pytest.raises(ForeignFileError, match="not in the file"):
        add(reading, owner, chosen=[4])
    with pytest.raises(ForeignFileError, match="not in the file"):
        add(reading, owner, chosen=[-1])
    assert Person.objects.count() == 2


def test_an_address_that_is_not_an_email_goes_to_notes(owner):
    data = b"BEGIN:VCARD\nFN:Al\nEMAIL:al@@x\nEMAIL:al@example.org\nEND:VCARD\n"
    bring_in(data, owner)
    al = Person.objects.get()
    assert al.email == "al@example.org" and "- E-mail: al@@x" in al.notes


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02",
        b"not a vcard at all",
        b"BEGIN:VCARD\nFN:a\nEND:VCARD\nBEGIN:VCARD\nFN:b\n",
        b"BEGIN:VCARD\nFN:a\nEND:VCARD\n" * 20_001,
    ],
)
def test_a_bad_file_writes_nothing(owner, data):
    with pytest.raises(ForeignFileError):
        bring_in(data, owner)
    assert Person.objects.count() == 0
