"""The invitations page: administrators make a link (shown once), see who used which, and
withdraw one; for every other account the page is not there."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tending.core.tokens import token_hash
from tending.invitations.admins import is_administrator
from tending.invitations.models import Invitation
from tending.invitations.services import make_invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'value="(http://testserver/invite/([A-Za-z0-9_-]{43})/)"')


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_first_account_of_a_personal_tending_is_its_administrator(owner, other):
    assert is_administrator(owner) and not is_administrator(other)
    # A hosted server has no welcome page: there, being first counts for nothing.
    with override_settings(HOSTED=True):
        assert not is_administrator(owner)
        other.is_staff = True
        assert is_administrator(other)
    other.is_staff = False
    staff = UserFactory(is_superuser=True)
    assert is_administrator(staff)
    owner.is_active = False
    owner.save()
    assert is_administrator(other)  # the oldest active account
    assert not is_administrator(owner)


def test_an_administrator_makes_a_link_shown_once_with_only_its_hash_kept(owner, owner_client):
    page = owner_client.get(reverse("invitations:manage"))
    assert page.status_code == 200 and "No invitations yet." in page.content.decode()
    made = owner_client.post(reverse("invitations:manage"), {"note": "For Sam", "days": "30"})
    assert made.status_code == 200 and made["Cache-Control"] == "no-store"
    html = made.content.decode()
    link, token = LINK.search(html).groups()
    assert 'data-copy-target="invitation-link"' in html and "<script>" not in html
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash
    assert invitation.created_by == owner and invitation.note == "For Sam"
    assert (invitation.expires_at - invitation.created_at).days == 30
    # The list afterwards names it, without the link.
    listed = owner_client.get(reverse("invitations:manage")).content.decode()
    assert "For Sam" in listed and "waiting, until" in listed and token not in listed
    assert Client().get(link).status_code == 200


def test_bad_input_is_refused_at_the_field_and_nothing_is_made(owner_client):
    response = owner_client.post(reverse("invitations:manage"), {"note": "x" * 101, "days": "365"})
    assert response.status_code == 400
    form = response.context["form"]
    assert "Please keep this to 100 characters" in form.errors["note"][0]
    assert "Please choose one of the options given." in form.errors["days"]
    assert not Invitation.objects.exists()


def test_the_list_says_who_used_which_and_which_ran_out(owner, owner_client):
    from datetime import timedelta

    from django.utils import timezone

    used = make_invitation(owner, note="Used one").invitation
    kim = UserFactory(username="kim")
    Invitation.objects.filter(pk=used.pk).update(used_at=timezone.now(), used_by=kim)
    old = make_invitation(None, note="Old one", now=timezone.now() - timedelta(days=8))
    page = owner_client.get(reverse("invitations:manage")).content.decode()
    assert "used by <bdi>kim</bdi>" in page
    assert "ran out on" in page and "made at the terminal" in page
    # Only the waiting one could be withdrawn; there is none.
    assert "Withdraw" not in page
    assert old.invitation.state(timezone.now()) == "expired"


def test_withdrawing_ends_the_link_and_a_used_one_stays(owner, owner_client):
    made = make_invitation(owner, note="Withdraw me")
    url = reverse("invitations:withdraw", args=[made.invitation.pk])
    assert owner_client.get(url)["Location"] == reverse("invitations:manage")  # POST only
    response = owner_client.post(url, follow=True)
    assert "That link no longer works." in response.content.decode()
    assert not Invitation.objects.exists()
    assert Client().get(reverse("invitations:accept", args=[made.token])).status_code == 404

    from django.utils import timezone

    used = make_invitation(owner).invitation
    Invitation.objects.filter(pk=used.pk).update(used_at=timezone.now())
    again = owner_client.post(reverse("invitations:withdraw", args=[used.pk]), follow=True)
    assert "already used or withdrawn" in again.content.decode()
    assert Invitation.objects.filter(pk=used.pk).exists()


def test_for_anyone_else_the_pages_are_not_there(owner, other, other_client, anon_client):
    made = make_invitation(owner, note="Marker note")
    manage = reverse("invitations:manage")
    withdraw = reverse("invitations:withdraw", args=[made.invitation.pk])
    assert other_client.get(manage).status_code == 404
    assert other_client.post(manage, {"note": "mine", "days": "7"}).status_code == 404
    assert other_client.post(withdraw).status_code == 404
    assert Invitation.objects.get().note == "Marker note"  # neither made nor withdrawn
    assert "Marker" not in other_client.get(manage).content.decode()
    assert anon_client.get(manage)["Location"].startswith(reverse("core:login"))
    # On a hosted server, the first account is nobody special either.
    with override_settings(HOSTED=True, SECURE_SSL_REDIRECT=False):
        assert client_for(owner).get(manage).status_code == 404
        other.is_staff = True
        other.save()
        assert client_for(other).get(manage).status_code == 200
        assert client_for(other).post(withdraw).status_code == 302  # administrators share them
    assert not Invitation.objects.exists()


def test_the_settings_page_links_to_it_only_for_administrators(owner_client, other_client):
    manage = reverse("invitations:manage")
    assert manage in owner_client.get(reverse("core:settings")).content.decode()
    assert manage not in other_client.get(reverse("core:settings")).content.decode()
