"""The export's declared shape: checks that name where a document is wrong, upgrades, schema."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from tending.exchange.checking import DocumentError, check_document, parse_document
from tending.exchange.document import BY_NAME, FORMAT, KINDS, VERSION
from tending.exchange.document_schema import SCHEMA_FILE, json_schema, render
from tending.exchange.upgrades import UPGRADES, UpgradeError, upgrade

SMALL = {
    "format": FORMAT,
    "version": VERSION,
    "exported_at": "2026-03-14T19:30:00Z",
    "tending_version": "0.1.0",
    "account": {"time_zone": "Europe/Berlin"},
    "tags": [{"key": "tag-1", "name": "walk"}],
    "people": [
        {"key": "person-1", "name": "Sam", "ring": "inner"},
        {"key": "person-2", "name": "Alex"},
    ],
    "moments": [
        {"occurred_at": "2026-03-14T19:30:00+01:00", "people": ["person-1"], "tags": ["tag-1"]},
        {"occurred_at": "2026-03-15T09:00:00Z", "people": ["person-2", "person-1"]},
    ],
    "journal_entries": [{"key": "entry-1", "written_on": "2026-03-14", "body": "A walk."}],
    "journal_drafts": [{"entry": "entry-1", "body": "A longer walk."}, {"body": "New"}],
    "snoozes": [{"person": "person-2", "until": "2026-04-01"}],
    "calendar": None,
}


def broken(change) -> dict:
    document = copy.deepcopy(SMALL)
    change(document)
    return document


def problem(document) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        check_document(document)
    return caught.value


def test_a_small_document_is_sound_and_gets_its_defaults():
    checked = check_document(copy.deepcopy(SMALL))
    sam, alex = checked.rows["people"]
    assert sam["ring"] == "inner" and alex["ring"] == "middle"
    assert alex["rhythm_days"] is None  # worked out from the ring when written
    assert checked.rows["moments"][0]["occurred_at"].isoformat() == "2026-03-14T18:30:00+00:00"
    assert checked.rows["checkins"] == [] and checked.rows["calendar"] == []
    assert checked.version_read == VERSION


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (
            lambda d: d["moments"][1]["people"].append("person-9"),
            "moments[1].people[2]",
            "no person",
        ),
        (lambda d: d["moments"][0].update(people="person-1"), "moments[0].people", "list of keys"),
        (lambda d: d["moments"][0]["people"].append("person-1"), "moments[0].people[1]", "twice"),
        (lambda d: d["moments"][1].pop("occurred_at"), "moments[1].occurred_at", "missing"),
        (
            lambda d: d["moments"][0].update(occurred_at="yesterday"),
            "moments[0].occurred_at",
            "date",
        ),
        (
            lambda d: d["moments"][0].update(occurred_at="2026-03-14T19:30"),
            "moments[0].occurred_at",
            "",
        ),
        (lambda d: d["moments"][0].update(felt_safe=6), "moments[0].felt_safe", "outside 1 to 5"),
        (lambda d: d["moments"][0].update(felt_safe=True), "moments[0].felt_safe", "whole number"),
        (lambda d: d["moments"][0].update(mood=3), "moments[0].mood", "no such field"),
        (lambda d: d["people"][1].update(key="person-1"), "people[1].key", "already used"),
        (lambda d: d["people"][0].update(ring="closest"), "people[0].ring", "not one of"),
        (lambda d: d["people"][0].update(name="x" * 101), "people[0].name", "at most 100"),
        (lambda d: d["people"][0].update(notes="a\x00b"), "people[0].notes", "NUL"),
        (lambda d: d["people"][0].update(notes="\ud800"), "people[0].notes", "broken character"),
        (lambda d: d["people"][0].update(name=None), "people[0].name", "null"),
        (lambda d: d["tags"].append({"key": "tag-2", "name": "walk"}), "tags[1].name", "already"),
        (lambda d: d["snoozes"].append(d["snoozes"][0]), "snoozes[1].person", "already"),
        (lambda d: d["snoozes"][0].update(until="2026-02-30"), "snoozes[0].until", "real date"),
        (lambda d: d["journal_drafts"].append({"body": "x"}), "journal_drafts[2].entry", "already"),
        (lambda d: d["journal_drafts"][0].update(entry="entry-2"), "journal_drafts[0].entry", "no"),
        (lambda d: d["account"].update(time_zone="Mars/Olympus"), "account.time_zone", "time zone"),
        (lambda d: d.update(calendar=[]), "calendar", "object or null"),
        (lambda d: d.update(people={}), "people", "should be a list"),
        (lambda d: d.update(diary=[]), "diary", "no such part"),
        (lambda d: d["people"].append("Sam"), "people[2]", "should be an object"),
        (
            lambda d: d.update(
                checkins=[
                    {
                        "instrument_id": "who-5",
                        "instrument_version": 1,
                        "taken_at": "2026-01-01T00:00:00Z",
                        "total": 1e400,
                        "answers": {},
                    }
                ]
            ),
            "checkins[0].total",
            "finite",
        ),
        (
            lambda d: d.update(
                checkins=[
                    {
                        "instrument_id": "who-5",
                        "instrument_version": 1,
                        "taken_at": "2026-01-01T00:00:00Z",
                        "total": 3,
                        "answers": {"q1": "often"},
                    }
                ]
            ),
            "checkins[0].answers.q1",
            "whole number",
        ),
    ],
)
def test_each_problem_names_where_it_is_and_what_is_wrong(change, where, words):
    error = problem(broken(change))
    assert error.where == where
    assert words in error.problem
    assert str(error).startswith(f"{where}: ")


def test_not_a_tending_document():
    assert "not a tending export" in str(problem({"format": "jrnl", "version": 1}))
    assert "JSON object" in str(problem([1, 2]))


def test_a_newer_document_is_refused_with_a_clear_message():
    error = problem(broken(lambda d: d.update(version=VERSION + 1)))
    assert error.where == "version"
    assert "newer tending" in error.problem and "upgrade tending" in error.problem


def test_an_unknown_older_version_is_refused():
    assert "cannot read" in str(problem(broken(lambda d: d.update(version=0))))
    assert "whole number" in str(problem(broken(lambda d: d.update(version="1"))))


def _from_version_0(document: dict) -> dict:
    """A made-up version 0, where people were "friends" and moments said "with"."""
    document["people"] = document.pop("friends")
    for moment in document["moments"]:
        moment["people"] = moment.pop("with")
    document["version"] = 1
    return document


def _from_version_1(document: dict) -> dict:
    document["version"] = 2
    document["moments"] = [{**m, "upgraded": True} for m in document["moments"]]
    return document


def test_the_upgrade_chain_runs_each_step_in_order():
    old = {
        "format": FORMAT,
        "version": 0,
        "friends": [{"key": "person-1", "name": "Sam"}],
        "moments": [{"occurred_at": "2026-03-14T19:30:00Z", "with": ["person-1"]}],
    }
    chain = {0: _from_version_0, 1: _from_version_1}
    upgraded, came_in = upgrade(copy.deepcopy(old), chain, current=2)
    assert came_in == 0
    assert upgraded["version"] == 2
    assert upgraded["moments"] == [
        {"occurred_at": "2026-03-14T19:30:00Z", "people": ["person-1"], "upgraded": True}
    ]
    # Upgraded to version 1 only, the result is a sound current document.
    current, _ = upgrade(copy.deepcopy(old), {0: _from_version_0}, current=1)
    assert current["people"][0]["name"] == "Sam"
    with pytest.raises(UpgradeError, match="newer tending"):
        upgrade({"version": 3}, chain, current=2)


def test_an_older_document_is_upgraded_before_it_is_checked(monkeypatch):
    chain = {0: _from_version_0, **UPGRADES}  # a made-up version 0, then tending's own steps
    monkeypatch.setattr("tending.exchange.upgrades.UPGRADES", chain)
    monkeypatch.setattr(
        "tending.exchange.checking.upgrade", lambda document: upgrade(document, chain)
    )
    old = {
        "format": FORMAT,
        "version": 0,
        "friends": [{"key": "person-1", "name": "Sam"}],
        "moments": [{"occurred_at": "2026-03-14T19:30:00Z", "with": ["person-1"]}],
    }
    checked = check_document(old)
    assert checked.version_read == 0
    assert checked.rows["moments"][0]["people"] == ["person-1"]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"format": ', "not valid JSON: Expecting value at line 1, column 12"),
        (b'{"total": NaN}', "NaN"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"people": [], "people": [{"name": "Sam"}]}', "'people' is in one object twice"),
    ],
)
def test_broken_json_is_a_clear_error(data, words):
    with pytest.raises(DocumentError, match=words):
        parse_document(data)


def test_parse_takes_a_byte_order_mark():
    assert parse_document(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


def test_the_shipped_schema_file_is_the_declared_shape():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "Write it again: python -m tending.exchange.document_schema"
    )
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_the_schema_accepts_the_small_document_and_refuses_what_the_checks_refuse():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    validator.validate(SMALL)
    for change in (
        lambda d: d["people"][0].update(ring="closest"),
        lambda d: d["moments"][0].update(felt_safe=6),
        lambda d: d.update(diary=[]),
        lambda d: d["moments"][1].pop("occurred_at"),
    ):
        assert not validator.is_valid(broken(change))


def test_every_kind_points_only_at_kinds_written_before_it():
    seen = set()
    for kind in KINDS:
        for spec in kind.fields:
            if spec.target:
                assert spec.target in seen, (kind.name, spec.name)
                assert BY_NAME[spec.target].key_prefix
        seen.add(kind.name)


def test_a_message_never_repeats_a_whole_field():
    private = "I told Felix about the diagnosis " * 1000
    document = {"format": FORMAT, "version": VERSION, "moments": [{"occurred_at": private}]}
    with pytest.raises(DocumentError) as found:
        check_document(document)
    said = str(found.value)
    assert "moments[0].occurred_at" in said and len(said) < 200
    assert said.endswith("not 'I told Felix about the diagnosis I tol….")


def test_a_version_1_document_is_read_with_no_language_chosen():
    """Version 2 added the account's language: a file from before has none chosen."""
    old = copy.deepcopy(SMALL)
    old["version"] = 1
    old["account"].pop("language", None)
    checked = check_document(old)
    assert checked.version_read == 1 and checked.rows["account"][0]["language"] == ""
