"""Which translation a language code finds: one rule for every data file's reader."""

from __future__ import annotations

import pytest

from tending.core.language_tags import ENGLISH, best, general


@pytest.mark.parametrize(
    ("code", "expected"),
    [("de", "de"), ("de-AT", "de"), ("DE_de", "de"), ("pt-br", "pt"), (None, "en"), ("", "en")],
)
def test_general_drops_the_region_and_the_case(code, expected):
    assert general(code) == expected


def test_best_prefers_the_exact_language_then_the_general_then_the_fallback():
    available = {"de", "pt-br", "pt"}
    assert best("pt-BR", available) == "pt-br"  # the exact one, whatever its case
    assert best("pt_br", available) == "pt-br"  # as a terminal's locale writes it
    assert best("pt-PT", available) == "pt"
    assert best("de-CH", available) == "de"
    assert best("fr", available) == ENGLISH
    assert best("fr", available, fallback="base") == "base"
    assert best(None, available, fallback="base") == "base"
    assert best("", available) == ENGLISH


def test_the_data_files_find_german_through_it():
    from tending.checkins.translations import spoken
    from tending.mirror.words import shown_words
    from tending.safety.crisis_lines import shown_table

    assert spoken("de-AT", ["en", "de"]) == "de"
    assert shown_words("de-DE")["kind"] == shown_words("de")["kind"] != "kind"
    assert shown_table("de_DE").region("DE").name == "Deutschland"
