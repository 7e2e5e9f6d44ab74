"""Choosing one's country and adding one's own crisis numbers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tending.safety.models import CrisisSettings, OwnCrisisLine
from tests.factories import CrisisSettingsFactory, OwnCrisisLineFactory
from tests.safety.helpers import field_error

pytestmark = pytest.mark.django_db

NUMBERS = reverse("safety:settings")
ADD_LINE = reverse("safety:line_add")


def test_the_page_offers_every_country_and_the_general_numbers(owner_client):
    page = owner_client.get(NUMBERS).content.decode()
    assert '<option value="">No country: show the general numbers</option>' in page
    # Nothing chosen yet: the owner's time zone (Europe/Berlin) points to Germany.
    assert '<option value="DE" selected>Germany</option>' in page
    assert '<option value="NZ">New Zealand</option>' in page
    assert "No numbers of your own yet" in page and 'class="empty-state"' in page


def test_choosing_a_country_changes_the_crisis_page(owner, owner_client):
    response = owner_client.post(NUMBERS, {"region": "NZ"})
    assert response["Location"] == NUMBERS
    assert CrisisSettings.objects.get(owner=owner).region == "NZ"
    assert "Saved. You will see the numbers for New Zealand." in (
        owner_client.get(NUMBERS).content.decode()
    )
    crisis = owner_client.get(reverse("safety:crisis")).content.decode()
    assert (
        'href="tel:111"' in crisis and 'href="tel:1737"' in crisis and 'href="sms:1737"' in crisis
    )
    assert "Emergency numbers by country" not in crisis  # tucked under "In another country?"


def test_choosing_again_updates_the_one_setting(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="GB")
    owner_client.post(NUMBERS, {"region": ""})
    assert list(CrisisSettings.objects.values_list("owner", "region")) == [(owner.pk, "")]
    assert "Saved. You will see the general numbers." in owner_client.get(NUMBERS).content.decode()


def test_an_unknown_country_is_refused_at_the_field(owner, owner_client):
    CrisisSettingsFactory(owner=owner, region="GB")
    response = owner_client.post(NUMBERS, {"region": "XX"})
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_region") == "Please choose a country from the list."
    assert CrisisSettings.objects.get(owner=owner).region == "GB"


def test_settings_are_per_person(owner, other, owner_client, other_client):
    owner_client.post(NUMBERS, {"region": "AU"})
    other_client.post(NUMBERS, {"region": "CA"})
    assert dict(CrisisSettings.objects.values_list("owner__username", "region")) == {
        "owner": "AU",
        "other": "CA",
    }


def test_adding_an_own_number(owner, owner_client):
    response = owner_client.post(
        ADD_LINE, {"name": " My  crisis team ", "number": "030  1234 5678", "note": "Weekdays"}
    )
    assert response["Location"] == NUMBERS
    line = OwnCrisisLine.objects.get(owner=owner)
    assert (line.name, line.number, line.note) == ("My crisis team", "030 1234 5678", "Weekdays")
    page = owner_client.get(NUMBERS).content.decode()
    assert "Added My crisis team. It is shown first when you need help." in page
    assert "030 1234 5678" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "number": "112"}, "id_name", "Please give it a name"),
        ({"name": "   ", "number": "112"}, "id_name", "Please give it a name"),
        ({"name": "Team", "number": ""}, "id_number", "Please give the number to call."),
        ({"name": "Team", "number": "call Sam"}, "id_number", "is not a phone number"),
        ({"name": "Team", "number": "1"}, "id_number", "has 1 digits"),
        ({"name": "Team", "number": "1" * 41}, "id_number", "40 characters or fewer"),
        ({"name": "T" * 101, "number": "112"}, "id_name", "100 characters or fewer"),
        ({"name": "Team", "number": "112", "note": "n" * 201}, "id_note", "200 characters"),
    ],
)
def test_bad_numbers_are_explained_at_the_field_and_nothing_is_saved(
    owner, owner_client, data, field, message
):
    OwnCrisisLineFactory(owner=owner, name="Kept line")
    response = owner_client.post(ADD_LINE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in field_error(page, field)
    assert list(OwnCrisisLine.objects.values_list("name", flat=True)) == ["Kept line"]
    assert "Kept line" in page


def test_removing_an_own_number(owner, owner_client):
    line = OwnCrisisLineFactory(owner=owner, name="Old clinic")
    response = owner_client.post(reverse("safety:line_remove", args=[line.pk]))
    assert response["Location"] == NUMBERS
    assert not OwnCrisisLine.objects.exists()
    assert "Removed Old clinic." in owner_client.get(NUMBERS).content.decode()


def test_another_account_cannot_remove_or_see_my_numbers(owner, other_client):
    line = OwnCrisisLineFactory(owner=owner, name="Private line")
    response = other_client.post(reverse("safety:line_remove", args=[line.pk]))
    assert response.status_code == 404
    assert OwnCrisisLine.objects.filter(pk=line.pk).exists()
    assert "Private line" not in other_client.get(NUMBERS).content.decode()
    assert "Private line" not in other_client.get(reverse("safety:crisis")).content.decode()


def test_the_page_says_plainly_whether_a_countrys_numbers_were_compared_with_a_source(
    owner, owner_client
):
    """No page claims a check that nobody made: each country's own `checked` line decides."""
    CrisisSettingsFactory(owner=owner, region="GB")  # compared with official pages, 4 Dec 2026
    page = owner_client.get(NUMBERS).content.decode()
    assert 'data-checked="2026-12-04"' in page
    assert "last compared with official sources on 4 December 2026" in page
    assert "checked before each release" not in page
    CrisisSettings.objects.filter(owner=owner).update(region="NZ")  # not yet compared
    page = owner_client.get(NUMBERS).content.decode()
    assert 'data-checked="no"' in page
    assert "not yet compared with an official source" in page
