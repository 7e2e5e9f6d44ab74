"""A definition that passes `tending instruments check` fits the database: the column limits."""

from __future__ import annotations

import copy

import pytest
from django.apps import apps
from django.db import connection

from tending.checkins import definitions as d
from tending.checkins.definitions import load_instrument
from tending.checkins.models import CheckIn
from tending.checkins.services import save_checkin
from tending.cli import main
from tests.checkins.test_definitions import BASE, write


def test_item_7_every_limit_fits_the_column_it_is_stored_in():
    # Every model column that holds an instrument's id, from any app, now and later.
    id_columns = [
        model._meta.get_field("instrument_id")
        for model in apps.get_models()
        if any(f.name == "instrument_id" for f in model._meta.get_fields())
    ]
    assert len(id_columns) >= 3
    assert all(column.max_length >= d.MAX_ID_CHARS for column in id_columns)
    version = CheckIn._meta.get_field("instrument_version")
    low, high = connection.ops.integer_field_range(version.get_internal_type())
    assert (low or 0) <= 1 and high >= d.MAX_VERSION
    assert CheckIn._meta.get_field("band_label").max_length >= d.MAX_LABEL_CHARS
    # The largest possible total is a finite, exact float.
    biggest = d.MAX_ITEMS * d.MAX_ANSWER_VALUE * d.MAX_FACTOR
    assert biggest < 2**53


def _with(**changes) -> dict:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value
    return data


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"version": 99999999999999999999}, "version: must be at most 2147483647"),
        ({"id": "a" * 70}, "id: is 70 characters long; at most 64"),
        ({"bands__0__label": "L" * 101}, "label: is 101 characters long; at most 100"),
        ({"scoring__factor": 10**6}, "factor: must be from 0 to 1000"),
        (
            {"scale": {"values": [0, 10**20], "labels": ["a", "b"]}},
            "values[1]: must be from -1000 to 1000",
        ),
    ],
)
def test_item_7_instruments_check_refuses_what_the_database_cannot_hold(
    tmp_path, capsys, changes, says
):
    path = write(tmp_path, _with(**changes))
    assert main(["instruments", "check", str(path)]) == 1
    assert says in capsys.readouterr().err


def test_item_7_deeply_nested_toml_is_refused_not_a_crash(tmp_path, capsys):
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main(["instruments", "check", str(path)]) == 1
    assert "nests lists or tables too deeply" in capsys.readouterr().err
    shallow = tmp_path / "shallow.toml"
    shallow.write_text("x = " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
    assert main(["instruments", "check", str(shallow)]) == 1
    assert "nests lists or tables too deeply" in capsys.readouterr().err


@pytest.mark.django_db
def test_item_7_a_definition_at_every_limit_saves(tmp_path, owner):
    data = _with(id="a" * 64, version=d.MAX_VERSION, bands__1__label="G" * 100)
    inst = load_instrument(write(tmp_path, data))
    checkin = save_checkin(owner, inst, {item.id: 5 for item in inst.items})
    checkin.refresh_from_db()
    assert (checkin.instrument_id, checkin.instrument_version) == ("a" * 64, d.MAX_VERSION)
    assert checkin.band_label == "G" * 100
