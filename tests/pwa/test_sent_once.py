"""A form sent again with the same key is saved once; the answer is where the first led."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory
from django.utils import timezone

from tending.circle.models import Person
from tending.housekeeping import forget_old_keys
from tending.pwa import sent_once as sent_once_module
from tending.pwa.models import SentOnce
from tending.pwa.sent_once import sent_once

KEY = "0b6f2a4e-8d1c-4a53-9e77-2f1c0d9b8a61"


@pytest.fixture
def saving_view():
    """A view that saves a person from the form and leads to them; `fail` answers 200."""

    @sent_once
    def view(request):
        if request.POST.get("name") == "fail":
            return HttpResponse("a note at a field", status=200)
        person = Person.objects.create(owner=request.user, name=request.POST["name"])
        return redirect(f"/circle/{person.pk}/")

    return view


def post(user, data, **headers):
    request = RequestFactory().post("/anywhere/", data, **headers)
    request.user = user
    return request


def test_the_same_key_twice_saves_once_and_leads_to_the_first(owner, saving_view):
    first = saving_view(post(owner, {"name": "Ana", "sent_once": KEY}))
    second = saving_view(post(owner, {"name": "Ana", "sent_once": KEY}))
    assert Person.objects.filter(owner=owner).count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert SentOnce.objects.get(owner=owner, key=KEY).led_to == first["Location"]


def test_another_key_or_none_is_another_form(owner, saving_view):
    saving_view(post(owner, {"name": "Ana", "sent_once": KEY}))
    saving_view(post(owner, {"name": "Ana", "sent_once": KEY.replace("0b6f", "1b6f")}))
    saving_view(post(owner, {"name": "Ana"}))
    saving_view(post(owner, {"name": "Ana"}))
    assert Person.objects.filter(owner=owner).count() == 4
    assert SentOnce.objects.count() == 2


def test_keys_are_each_accounts_own(owner, other, saving_view):
    saving_view(post(owner, {"name": "Ana", "sent_once": KEY}))
    answer = saving_view(post(other, {"name": "Bo", "sent_once": KEY}))
    assert Person.objects.filter(owner=other).count() == 1
    assert answer["Location"] != SentOnce.objects.get(owner=owner).led_to


@pytest.mark.parametrize(
    "key", ["short", "x" * 65, "has spaces in it, too many", "ключ-ключ-ключ-ключ"]
)
def test_a_key_that_is_not_one_is_ignored(owner, saving_view, key):
    saving_view(post(owner, {"name": "Ana", "sent_once": key}))
    saving_view(post(owner, {"name": "Ana", "sent_once": key}))
    assert Person.objects.filter(owner=owner).count() == 2
    assert not SentOnce.objects.exists()


def test_a_form_with_a_note_at_a_field_keeps_no_key(owner, saving_view):
    answer = saving_view(post(owner, {"name": "fail", "sent_once": KEY}))
    assert answer.status_code == 200 and not SentOnce.objects.exists()
    saving_view(post(owner, {"name": "Ana", "sent_once": KEY}))  # corrected, sent again
    assert Person.objects.filter(owner=owner, name="Ana").count() == 1


def test_the_page_sending_from_the_queue_is_told_where_to_go(owner, saving_view):
    answer = saving_view(post(owner, {"name": "Ana", "sent_once": KEY}, HTTP_X_TENDING_QUEUE="1"))
    assert answer.status_code == 200 and answer["Content-Type"] == "application/json"
    person = Person.objects.get(owner=owner)
    assert json.loads(answer.content) == {"next": f"/circle/{person.pk}/"}
    again = saving_view(post(owner, {"name": "Ana", "sent_once": KEY}, HTTP_X_TENDING_QUEUE="1"))
    assert json.loads(again.content) == {"next": f"/circle/{person.pk}/"}
    failed = saving_view(post(owner, {"name": "fail"}, HTTP_X_TENDING_QUEUE="1"))
    assert failed.status_code == 200 and failed.content == b"a note at a field"


def test_a_twin_arriving_mid_save_is_rolled_back_and_led_to_the_first(
    owner, saving_view, monkeypatch
):
    """Two sendings at once: the first's key is kept while the second is still saving, so
    the second's key collides as it is kept, and its save is undone."""
    SentOnce.objects.create(owner=owner, key=KEY, led_to="/first/")
    looks = []
    real = sent_once_module.led_to

    def not_yet_the_first_time(user, key):
        looks.append(key)
        return None if len(looks) == 1 else real(user, key)

    monkeypatch.setattr(sent_once_module, "led_to", not_yet_the_first_time)
    answer = saving_view(post(owner, {"name": "Twin", "sent_once": KEY}))
    assert answer["Location"] == "/first/" and len(looks) == 2
    assert not Person.objects.filter(owner=owner, name="Twin").exists()


def test_old_keys_are_forgotten_after_thirty_days(owner):
    old = SentOnce.objects.create(owner=owner, key=KEY, led_to="/a/")
    new = SentOnce.objects.create(owner=owner, key=KEY.upper(), led_to="/b/")
    SentOnce.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=31))
    assert forget_old_keys() == 1
    assert list(SentOnce.objects.values_list("pk", flat=True)) == [new.pk]
