"""Item 14: comparing a backup's schema with tending's, pinned exactly (no Django)."""

from __future__ import annotations

import sqlite3

from tending.exchange.schema import describe, normalised, read_schema, schema_differences


def test_item_14_read_schema_folds_spacing_and_leaves_out_sqlites_own():
    db = sqlite3.connect(":memory:")
    db.executescript(
        """
        CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT,   body TEXT UNIQUE);
        CREATE INDEX note_body ON note (body);
        CREATE VIEW bodies AS SELECT body FROM note;
        CREATE TRIGGER note_touch AFTER INSERT ON note BEGIN SELECT 1; END;
        INSERT INTO note (body) VALUES ('x');
        """
    )
    assert read_schema(db) == {
        ("table", "note"): (
            "CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT UNIQUE)"
        ),
        ("index", "note_body"): "CREATE INDEX note_body ON note (body)",
        ("view", "bodies"): "CREATE VIEW bodies AS SELECT body FROM note",
        ("trigger", "note_touch"): (
            "CREATE TRIGGER note_touch AFTER INSERT ON note BEGIN SELECT 1; END"
        ),
    }
    assert normalised("  a \n\t b ") == "a b"


def test_item_14_differences_in_order_tables_first():
    expected = {
        ("table", "b"): "B",
        ("table", "a"): "A",
        ("index", "a_i"): "I",
        ("view", "v"): "V",
        ("trigger", "t"): "T",
        ("trigger", "journal_entry_fts_insert"): "F",
        ("index", "same"): "S",
    }
    found = {
        ("index", "same"): "S",
        ("view", "v"): "V2",
        ("table", "b"): "B2",
        ("trigger", "extra"): "X",
        ("index", "extra_i"): "X",
        ("table", "extra"): "X",
    }
    assert schema_differences(expected, found) == [
        "an extra table extra",
        "an extra index extra_i",
        "an extra trigger extra",
        "no table a",
        "no index a_i",
        "no trigger t",
        "a different table b",
        "a different view v",
    ]
    assert schema_differences(expected, expected) == []
    # A name from someone's file never floods a message (its escapes: test_terminal_safety).
    hostile = {
        ("table", "x\x1b]0;owned\x07"): "X",
        ("index", "\u202eevil"): "X",
        ("view", "v" * 500): "X",
        ("trigger", "t" * 60): "X",  # just at the limit: whole
    }
    assert schema_differences({}, hostile) == [
        "an extra table x\x1b]0;owned\x07",
        "an extra index \u202eevil",
        "an extra trigger " + "t" * 60,
        "an extra view " + "v" * 59 + "…",
    ]
    # Only triggers named like the search index's are put back by migrate.
    mended_name_on_a_table = {("table", "journal_entry_fts_insert"): "F"}
    assert schema_differences(mended_name_on_a_table, {}) == ["no table journal_entry_fts_insert"]


def test_item_14_differences_of_one_kind_in_order_of_name():
    found = {("table", name): "X" for name in ("delta", "alpha", "echo", "charlie", "bravo")}
    assert schema_differences({}, found) == [
        f"an extra table {name}" for name in ("alpha", "bravo", "charlie", "delta", "echo")
    ]


def test_item_14_four_differences_are_shown_and_the_rest_counted():
    assert describe([]) == ""
    assert describe(["a", "b", "c", "d"]) == "a; b; c; d"
    assert describe(["a", "b", "c", "d", "e"]) == "a; b; c; d; and 1 more"
    assert describe(["a", "b", "c", "d", "e", "f"]) == "a; b; c; d; and 2 more"
