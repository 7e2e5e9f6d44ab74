"""Item 14: what plain_text leaves out (comments, scripts, styles), pinned exactly (no Django)."""

from __future__ import annotations

from tending.journal.plain import _without_hidden, plain_text


def test_item_14_hidden_parts_are_left_out_and_the_rest_kept_exactly():
    assert _without_hidden("abc") == "abc"
    assert _without_hidden("a <!-- x --> b") == "a   b"
    assert _without_hidden("<script>x</script>a") == " a"
    assert _without_hidden("a <SCRIPT>x</SCRIPT > b") == "a   b"


def test_item_14_a_hidden_part_at_the_very_start_and_one_after_another():
    assert _without_hidden("<!--a-->b<!--c-->d") == " b d"
    assert _without_hidden("<!--a--><!--b-->c") == "  c"
    assert _without_hidden("a<style>1</style>b<script>2</script>c<!--3-->d") == "a b c d"


def test_item_14_an_unclosed_hidden_part_hides_the_rest():
    assert _without_hidden("a <script>x") == "a "
    assert _without_hidden("a <script>x <b>") == "a "
    assert _without_hidden("a <script>x </script") == "a "
    assert _without_hidden("a <!-->b") == "a "


def test_item_14_plain_text_of_hidden_parts_and_nothing():
    assert plain_text("<script>x</script>a") == "a"
    assert plain_text("a <!-- c --> b <!-- d --> e") == "a b e"
    assert plain_text("") == "" and plain_text(None) == ""
    assert plain_text("<p>a</p><p>b</p>") == "a b"
