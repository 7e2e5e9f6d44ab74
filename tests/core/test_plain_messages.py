"""Every form in tending, given bad input, answers in tending's words: no Django stock message."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import django.contrib.auth.password_validation as password_validation
import pytest
from django import forms
from django.contrib.auth import forms as auth_forms
from django.core import validators
from django.urls import reverse

import tending
from tending.checkins.registry import instruments
from tending.core.plain_messages import PlainPasswordChangeForm

pytestmark = pytest.mark.django_db

BAD_VALUES = [
    "",
    "x" * 100_001,
    "-99999999",
    "99999999999",
    "not-one-of-the-choices",
    "abc",
    "a\x00b",
    "2026-02-30",
    "１２",
]


def _stock_messages() -> list[str]:
    """Django's own wording, up to the first placeholder, from fields, validators and auth."""
    texts = []
    for _, cls in inspect.getmembers(forms, inspect.isclass):
        texts += [str(m) for m in getattr(cls, "default_error_messages", {}).values()]
    for _, cls in inspect.getmembers(validators, inspect.isclass):
        if isinstance(getattr(cls, "message", None), str):
            texts.append(cls.message)
        texts.append(str(getattr(cls, "message", "")))
    for form in (auth_forms.SetPasswordForm, auth_forms.PasswordChangeForm):
        texts += [str(m) for m in form.error_messages.values()]
    texts += [
        "This password is too short",
        "This password is too common",
        "This password is entirely numeric",
        "The password is too similar",
        "Ensure this value",
        "Select a valid choice",
    ]
    prefixes = {re.split(r"%\(|\{", t)[0].strip() for t in texts}
    return sorted(p for p in prefixes if len(p) >= 12)


STOCK = _stock_messages()


def _tending_forms() -> list[type]:
    found = set()
    for module in pkgutil.walk_packages(tending.__path__, "tending."):
        if not module.name.endswith(".forms"):
            continue
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.startswith("tending."):
                if getattr(cls, "tag_relation", None) == "":
                    continue  # NarrowingForm: a base, used only through its subclasses
                found.add(cls)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__name__}")


def _make(cls, data, owner):
    if issubclass(cls, auth_forms.SetPasswordForm):
        return cls(owner, data)
    wanted = inspect.signature(cls.__init__).parameters
    kwargs = {}
    if "user" in wanted:
        kwargs["user"] = owner
    if "part" in wanted:
        kwargs["part"] = "warning-signs"
    if "instrument" in wanted:
        kwargs["instrument"] = instruments()["stress"]
    if "instruments" in wanted:
        kwargs["instruments"] = instruments()
        kwargs["current"] = {}
    if "name" in wanted:  # the Mirror's answer form: how the person asking is called
        kwargs["name"] = "Ada"
    if cls.__name__ == "DigestForm":
        kwargs["instance"] = cls._meta.model(owner=owner)
    return cls(data=data, **kwargs)


def test_item_16_every_form_speaks_in_tendings_words(owner):
    classes = _tending_forms() + [PlainPasswordChangeForm]
    assert len(classes) >= 18
    said = []
    for cls in classes:
        for value in BAD_VALUES:
            form = _make(cls, data=None, owner=owner)
            data = {}
            for name, field in form.fields.items():
                many = isinstance(field, forms.MultipleChoiceField)
                data[name] = [value] if many else value
            form = _make(cls, data=data, owner=owner)
            form.is_valid()
            html = str(form)
            for messages in form.errors.values():
                for message in messages:
                    said.append((cls.__name__, value[:12], message))
            for prefix in STOCK:
                assert prefix not in html, f"{cls.__name__} with {value[:12]!r}: {prefix!r}"
    stock_said = [(c, v, m) for c, v, m in said if any(m.startswith(p) for p in STOCK)]
    assert not stock_said, stock_said[:10]
    assert len(said) > 100  # the bad values really were refused


def test_item_16_password_change_page_speaks_in_tendings_words(owner, owner_client):
    response = owner_client.post(
        reverse("core:password"),
        {"old_password": "wrong", "new_password1": "short", "new_password2": "other"},
    )
    html = response.content.decode()
    assert "That is not your current password" in html
    assert "Your old password was entered incorrectly" not in html
    assert "didn’t match" not in html
    response = owner_client.post(
        reverse("core:password"),
        {
            "old_password": "a-long-test-password",
            "new_password1": "password",
            "new_password2": "password",
        },
    )
    html = response.content.decode()
    assert "one of the most common ones" in html and "This password is too common" not in html
    assert password_validation  # the validators run: their messages were replaced, not skipped


def test_fields_are_reworded_once_and_forms_made_later_start_reworded(settings):
    from django import forms

    from tending.core.plain_messages import BY_CODE, PlainMessages

    class Form(PlainMessages, forms.Form):
        count = forms.IntegerField()

    first = Form({"count": ""})
    assert not first.is_valid()
    assert first.errors["count"] == [BY_CODE["required"]]
    assert Form.base_fields["count"].plain_messages is True
    later = Form({"count": ""})
    assert later.fields["count"].plain_messages is True  # copied from the reworded class field
    assert later.fields["count"].error_messages is not Form.base_fields["count"].error_messages
    later.fields["count"].error_messages["required"] = "Only this form says this."
    assert not later.is_valid()
    assert later.errors["count"] == ["Only this form says this."]
    again = Form({"count": ""})
    assert not again.is_valid() and again.errors["count"] == [BY_CODE["required"]]
