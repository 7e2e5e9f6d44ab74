"""How typed tags become the names kept: the one place the web, the API and the terminal share."""

from __future__ import annotations

import pytest

from tending.core.tag_names import MAX_TAG_LENGTH, parse_tag_names, tag_name, validate_tag_names


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("walk", "walk"),
        ("  Long   Walk ", "long walk"),
        ("#walk", "walk"),
        ("## walk", "walk"),
        ("\uff37alk", "walk"),  # a full-width W, as some phone keyboards type it
        ("\uff03\uff57\uff41\uff4c\uff4b", "walk"),  # all of it full-width, the # too
        ("caf\u0065\u0301", "caf\u00e9"),  # e and a combining accent: the single é
        ("\ufb01shing", "fishing"),  # the fi ligature
        ("walk\u00a0out", "walk out"),  # a no-break space
        ("Straße", "straße"),  # lower case, not case-folded: ß stays as kept before
        ("#", ""),
        ("   ", ""),
    ],
)
def test_a_typed_tag_is_kept_in_one_form(typed, kept):
    assert tag_name(typed) == kept


def test_a_line_of_tags_is_split_tidied_and_kept_once_each():
    line = "walk, Work ,walk\n\uff37ALK,, #work\n family "
    assert parse_tag_names(line) == ["walk", "work", "family"]
    assert parse_tag_names("") == [] and parse_tag_names(None) == []  # type: ignore[arg-type]
    assert parse_tag_names(" , ,\n") == []


def test_a_tag_longer_than_the_limit_is_refused_by_name():
    from django.core.exceptions import ValidationError

    validate_tag_names(["a" * MAX_TAG_LENGTH])
    with pytest.raises(ValidationError) as refused:
        validate_tag_names(["ok", "b" * (MAX_TAG_LENGTH + 1)])
    assert "at most 40 characters" in refused.value.messages[0]
    assert "b" * 20 in refused.value.messages[0]
