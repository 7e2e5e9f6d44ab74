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


def test_a_title_shows_its_words_without_markdown_marks():
    from tending.journal.plain import plain_title

    assert plain_title("**Big** day") == "Big day"
    assert plain_title("# A _quiet_ `evening`") == "A quiet evening"
    assert plain_title("[The lake](https://example.org)") == "The lake"
    assert plain_title("") == "" and plain_title("   ") == ""
    # Angle brackets are words in a title, never HTML.
    assert plain_title("Tea & <cake>") == "Tea & <cake>"
    assert plain_title("<i>walk</i> <!-- x --> <3") == "<i>walk</i> <!-- x --> <3"
    assert plain_title("> <b>") == "> <b>"


def test_a_titles_leading_number_dash_or_quote_stays_as_typed():
    from tending.journal.plain import plain_title

    assert plain_title("3. March") == "3. March"
    assert plain_title("12) twelve") == "12) twelve"
    assert plain_title("  2. two") == "2. two"
    assert plain_title("- maybe") == "- maybe"
    assert plain_title("+ plus") == "+ plus"
    assert plain_title("* star") == "* star"
    assert plain_title("> said") == "> said"
    assert plain_title("-") == "-" and plain_title("1.") == "1."
    # Not a list: nothing to escape, the marks go as anywhere else.
    assert plain_title("*x* and 2.5") == "x and 2.5"
    assert plain_title("2025 was good") == "2025 was good"
    assert plain_title("1234567890. ten digits") == "1234567890. ten digits"
    assert plain_title("-x-") == "-x-" and plain_title("3.x") == "3.x"


def test_a_title_that_is_only_marks_is_kept():
    from tending.journal.plain import plain_title

    assert plain_title("***") == "***"
    assert plain_title(" --- ") == "---"
