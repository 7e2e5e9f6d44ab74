"""Nothing an account holds may be missing from the export: every owned model, every field.

A new model with an owner (or one hanging from an owned model), or a new field on an exported
model, fails here until it is in tending/exchange/document.py or, for a good reason, in the
short lists of what is left out (tending/exchange/kinds.py).
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from tending.exchange.document import BY_NAME, TEXT_LIMIT
from tending.exchange.kinds import LEFT_OUT_FIELDS, LEFT_OUT_MODELS, kind_models, links


def _owned(model) -> bool:
    return any(f.name == "owner" for f in model._meta.concrete_fields)


def _parent_is_owned(model) -> bool:
    return any(
        isinstance(f, models.ForeignKey) and _owned(f.related_model)
        for f in model._meta.concrete_fields
    )


def _exported_links() -> set:
    found = set()
    for name, model in kind_models().items():
        for spec in BY_NAME[name].fields:
            if spec.type == "refs":
                found.add(links(model, spec.name)[0])
    return found


def test_every_model_with_an_owner_is_exported_or_left_out_for_a_reason():
    exported = set(kind_models().values())
    through = _exported_links()
    missing = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        if model in exported or model in through or label in LEFT_OUT_MODELS:
            continue
        if model is get_user_model():
            continue  # the account itself: its time zone is `account`, the rest is listed
        if _owned(model) or _parent_is_owned(model):
            missing.append(label)
    assert not missing, f"not in the export, nor left out with a reason: {missing}"


def test_every_field_of_an_exported_model_is_in_the_document():
    missing = []
    for name, model in {**kind_models(), "account": get_user_model()}.items():
        kind = BY_NAME[name]
        carried = {spec.name for spec in kind.fields}
        left_out = LEFT_OUT_FIELDS.get(model._meta.label, {})
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.primary_key or f.name == "owner":
                continue
            if f.name not in carried and f.name not in left_out:
                missing.append(f"{model._meta.label}.{f.name}")
    assert not missing, f"fields neither exported nor left out with a reason: {missing}"


def test_what_is_left_out_still_exists():
    """A stale entry in the lists would hide a real gap later."""
    for label, fields in LEFT_OUT_FIELDS.items():
        model = apps.get_model(label)
        for name in fields:
            model._meta.get_field(name)


def test_the_documents_limits_are_the_databases():
    for name, model in kind_models().items():
        for spec in BY_NAME[name].fields:
            if spec.type != "text" or spec.name == "key":
                continue
            field = model._meta.get_field(spec.name)
            if field.max_length:
                assert spec.max_length == field.max_length, (name, spec.name)
            else:
                assert spec.max_length <= TEXT_LIMIT
            if field.choices:
                allowed = {value for value, _ in field.choices}
                if field.blank:
                    allowed.add("")
                assert set(spec.choices) == allowed, (name, spec.name)
