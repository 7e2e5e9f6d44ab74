"""A definition's other languages: declared, taken out of its tables, checked against the
English, and shown (tending/checkins/translations.py). Pure: no Django, no database."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tending.checkins.definitions import InstrumentError, builtin_folder, load_instrument
from tending.checkins.translations import (
    BASE,
    TranslationError,
    declared,
    spoken,
    take_out,
    texts,
)
from tests.checkins.test_definitions import BASE as ENGLISH

BUILTINS = sorted(path.stem for path in builtin_folder().glob("*.toml"))


def _german(data: dict) -> dict:
    """ENGLISH with German beside every text a person reads."""
    data = copy.deepcopy(data)
    data["languages"] = ["en", "de"]
    data["de"] = {
        "title": "Wohlbefinden",
        "measures": "Wie gut es dir ging",
        "description": "Ein Test.",
        "time_frame": "In den letzten zwei Wochen",
    }
    data["scale"]["de"] = {"labels": ["null", "eins", "zwei", "drei", "vier", "fünf"]}
    for n, item in enumerate(data["items"], start=1):
        item["de"] = {"text": f"Frage {n}"}
    data["bands"][0]["de"] = {"label": "Niedrig", "meaning": "Niedrig. Keine Diagnose."}
    data["bands"][1]["de"] = {"label": "Gut", "meaning": "Gut. Keine Diagnose."}
    data["safety"][0]["de"] = {"message": "Hier ist Hilfe."}
    data["subscales"][0]["de"] = {"title": "Die ersten zwei"}
    return data


GERMAN = _german(ENGLISH)
TABLES = ("scale", "scoring")  # written as [table]; any other table is written inline


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)


def to_toml(data: dict) -> str:
    lines, later = [], []
    for key, value in data.items():
        if key in TABLES and isinstance(value, dict):
            later.append(f"\n[{key}]")
            later += [f"{k} = {_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for row in value:
                later.append(f"\n[[{key}]]")
                later += [f"{k} = {_value(v)}" for k, v in row.items()]
        else:
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines + later) + "\n"


def load(tmp_path: Path, data: dict):
    path = tmp_path / "well-being.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    return load_instrument(path)


def refused(tmp_path: Path, change) -> str:
    data = copy.deepcopy(GERMAN)
    change(data)
    with pytest.raises(InstrumentError) as caught:
        load(tmp_path, data)
    return str(caught.value)


# --- a good file ---------------------------------------------------------------------------


def test_a_file_with_german_beside_every_text_loads(tmp_path):
    inst = load(tmp_path, GERMAN)
    assert inst.languages == ("en", "de") and inst.language == "en"
    assert inst.title == "Well-being" and inst.items[0].text == "Question 1"  # English, the base
    german = inst.translations["de"]
    assert german.title == "Wohlbefinden" and german.time_frame == "In den letzten zwei Wochen"
    assert german.measures == "Wie gut es dir ging" and german.description == "Ein Test."
    assert german.labels == ("null", "eins", "zwei", "drei", "vier", "fünf")
    assert german.items == ("Frage 1", "Frage 2", "Frage 3", "Frage 4", "Frage 5")
    assert german.bands == (
        ("Niedrig", "Niedrig. Keine Diagnose."),
        ("Gut", "Gut. Keine Diagnose."),
    )
    assert german.safety == ("Hier ist Hilfe.",) and german.subscales == ("Die ersten zwei",)


def test_in_german_the_texts_change_and_nothing_else(tmp_path):
    english = load(tmp_path, GERMAN)
    german = english.in_language("de")
    assert german.language == "de" and german.base is english and english.base is english
    assert german.title == "Wohlbefinden" and german.measures == "Wie gut es dir ging"
    assert german.description == "Ein Test." and german.time_frame == "In den letzten zwei Wochen"
    assert [c.label for c in german.scale] == ["null", "eins", "zwei", "drei", "vier", "fünf"]
    assert [i.text for i in german.items] == [f"Frage {n}" for n in range(1, 6)]
    assert [b.label for b in german.bands] == ["Niedrig", "Gut"]
    assert [b.meaning for b in german.bands] == ["Niedrig. Keine Diagnose.", "Gut. Keine Diagnose."]
    assert [r.message for r in german.safety_rules] == ["Hier ist Hilfe."]
    assert [s.title for s in german.subscales] == ["Die ersten zwei"]
    # Ids, values, reversal, bands' ranges, rules and scoring are the English file's.
    assert [c.value for c in german.scale] == [c.value for c in english.scale]
    assert [(i.id, i.reverse, i.scored) for i in german.items] == [
        (i.id, i.reverse, i.scored) for i in english.items
    ]
    assert [(b.low, b.high) for b in german.bands] == [(b.low, b.high) for b in english.bands]
    assert [(r.item, r.at_least) for r in german.safety_rules] == [("item-1", 1)]
    assert [s.items for s in german.subscales] == [s.items for s in english.subscales]
    assert (german.method, german.factor, german.missing_policy) == ("sum_times", 4.0, "prorate")
    assert (german.max_missing, german.meaningful_change) == (1, 10.0)
    assert german.score_range() == english.score_range() == (0.0, 100.0)
    assert (german.id, german.version, german.frequency) == (english.id, 1, "weekly")
    assert german.languages == ("en", "de")


def test_each_language_is_made_once_and_english_is_the_file_itself(tmp_path):
    english = load(tmp_path, GERMAN)
    german = english.in_language("de")
    assert english.in_language("de") is german and german.in_language("de") is german
    assert german.in_language("de-AT") is german  # a regional form shows the language
    assert english.in_language("en") is english and german.in_language("en") is english
    assert german.in_language(None) is english


def test_a_language_the_file_lacks_shows_english(tmp_path):
    english = load(tmp_path, GERMAN)
    assert english.in_language("fr") is english
    only_english = load(tmp_path, ENGLISH)
    assert only_english.languages == ("en",) and only_english.translations == {}
    assert only_english.in_language("de") is only_english


def test_a_kept_band_name_is_shown_in_the_language(tmp_path):
    english = load(tmp_path, GERMAN)
    german = english.in_language("de")
    assert german.band_named("Good") is german.bands[1]
    assert german.band_named("Low") is german.bands[0]
    assert english.band_named("Good") is english.bands[1]
    assert german.band_named("Gone") is None and german.band_named("Gut") is None
    assert german.label_shown("Low") == "Niedrig" and german.label_shown("Good") == "Gut"
    assert german.label_shown("Gone") == "Gone" and german.label_shown("") == ""
    assert english.label_shown("Low") == "Low"


def test_a_definition_equals_and_reads_as_what_it_says(tmp_path):
    one, two = load(tmp_path, GERMAN), load(tmp_path, GERMAN)
    german = one.in_language("de")  # one now keeps its German; two has made none yet
    assert one == two and hash(one) == hash(two)
    assert german == two.in_language("de") and hash(german) == hash(two.in_language("de"))
    assert german == replace(german, original=None)  # not where it was made from
    assert german != one
    # Its repr is its own texts: no other language's, and not the English it came from.
    assert "Wohlbefinden" not in repr(one) and "Well-being" not in repr(german)
    with pytest.raises(ValueError, match="init=False"):
        replace(one, _shown={})  # the languages made are its own to keep


@pytest.mark.parametrize("ident", BUILTINS)
def test_every_builtin_speaks_german_with_the_same_questions_and_answers(ident):
    english = load_instrument(builtin_folder() / f"{ident}.toml")
    assert english.languages == ("en", "de")
    german = english.in_language("de")
    assert german.title != english.title or ident == "stress"  # "Stress" is German too
    assert len(german.items) == len(english.items) and len(german.scale) == len(english.scale)
    for band in german.bands:
        assert "keine diagnose" in band.meaning.lower()
    assert "tending" in german.description
    texts_ = [german.measures, german.description, *(i.text for i in german.items)]
    assert all(text not in {english.measures, english.description} for text in texts_)


# --- declaring languages -------------------------------------------------------------------


def test_no_languages_declared_is_english_alone():
    assert declared({}) == (BASE,) == ("en",)
    assert declared({"languages": ["en", "de", "pt-br"]}) == ("en", "de", "pt-br")
    assert declared({"languages": ["de", "en"]}) == ("de", "en")


@pytest.mark.parametrize(
    ("languages", "field", "message"),
    [
        ("de", "languages", 'must be a list such as ["en", "de"], not \'de\''),
        (["en", 7], "languages[1]", "7 is not a language code"),
        (["en", "DE"], "languages[1]", "'DE' is not a language code (lower case"),
        (["en", "german"], "languages[1]", "'german' is not a language code"),
        (["en", "d"], "languages[1]", "'d' is not a language code"),
        (["en", "de_at"], "languages[1]", "'de_at' is not a language code"),
        (["en", "de-"], "languages[1]", "'de-' is not a language code"),
        (["en", "id"], "languages[1]", "'id' is also a field's name"),
        (["en", "de", "de"], "languages[2]", "'de' is listed twice"),
        (["de"], "languages", "must include 'en', the base every language stands beside (has: de)"),
        ([], "languages", "must include 'en'"),
    ],
)
def test_languages_that_cannot_be_used(tmp_path, languages, field, message):
    with pytest.raises(TranslationError) as caught:
        declared({"languages": languages})
    assert caught.value.field == field and message in caught.value.message
    assert str(caught.value) == f"{field}: {caught.value.message}"
    found = refused(tmp_path, lambda d: d.update(languages=languages))
    assert found.startswith(f"well-being.toml: {field}: ") and message in found


# --- taking the translations out -----------------------------------------------------------


def test_taking_out_leaves_the_english_and_finds_each_language_where_it_was():
    data = copy.deepcopy(GERMAN)
    before = copy.deepcopy(data)
    english, found = take_out(data, ("en", "de"))
    assert data == before  # the definition itself is not changed
    assert "de" not in english and english["title"] == "Well-being"
    assert "de" not in english["scale"] and english["scale"]["labels"] == ENGLISH["scale"]["labels"]
    assert all(
        "de" not in row
        for name in ("items", "bands", "safety", "subscales")
        for row in english[name]
    )
    assert english["scoring"] == ENGLISH["scoring"] and english["items"][0]["id"] == "item-1"
    assert found[("", None)]["de"]["title"] == "Wohlbefinden"
    assert found[("scale", None)]["de"]["labels"][0] == "null"
    assert found[("items", 4)]["de"] == {"text": "Frage 5"}
    assert found[("bands", 1)]["de"]["label"] == "Gut"
    assert found[("safety", 0)]["de"] == {"message": "Hier ist Hilfe."}
    assert found[("subscales", 0)]["de"] == {"title": "Die ersten zwei"}
    assert len(found) == 1 + 1 + 5 + 2 + 1 + 1


def test_taking_out_leaves_what_is_not_a_table_to_the_base_checks():
    data = {"languages": ["en", "de"], "items": ["not a table", {"id": "a"}], "scale": 3}
    english, found = take_out(data, ("en", "de"))
    assert english["items"] == ["not a table", {"id": "a"}] and english["scale"] == 3
    assert found == {}
    english, found = take_out({"items": {"id": "a", "de": {"text": "A"}}}, ("en", "de"))
    assert english["items"] == {"id": "a", "de": {"text": "A"}} and found == {}
    # A table the definition does not know is the base checks' to refuse, translation or not.
    english, found = take_out({"extra": {"de": {"text": "A"}}}, ("en", "de"))
    assert english["extra"] == {"de": {"text": "A"}} and found == {}


def test_a_table_that_only_looks_like_a_language_is_left_alone():
    english, found = take_out({"scale": {"values": [1, 2], "low": {"x": 1}}}, ("en",))
    assert english["scale"] == {"values": [1, 2], "low": {"x": 1}} and found == {}
    english, found = take_out({"items": [{"id": "a", "text": "A", "note": "x"}]}, ("en",))
    assert english["items"][0]["note"] == "x"


def test_an_undeclared_language_is_refused_with_how_to_declare_it(tmp_path):
    message = refused(tmp_path, lambda d: d["items"][2].update(fr={"text": "Question trois"}))
    assert message == (
        "well-being.toml: items[2].fr: is a translation into 'fr', a language the file does not "
        'declare (to add it: languages = ["en", "de", "fr"])'
    )
    message = refused(tmp_path, lambda d: d.pop("languages"))
    assert message.startswith("well-being.toml: de: is a translation into 'de', a language")
    assert 'languages = ["en", "de"]' in message
    message = refused(tmp_path, lambda d: d["scale"].update({"pt-br": {"labels": ["a"]}}))
    assert message.startswith("well-being.toml: scale.pt-br: is a translation into 'pt-br'")


def test_english_under_its_own_code_is_refused(tmp_path):
    message = refused(tmp_path, lambda d: d["bands"][0].update(en={"label": "Low"}))
    assert message == (
        "well-being.toml: bands[0].en: English is the base: its texts are the fields "
        "themselves, not under 'en'"
    )


def test_a_translation_where_nothing_is_read_is_refused(tmp_path):
    message = refused(tmp_path, lambda d: d["scoring"].update(de={"method": "Summe"}))
    assert message == (
        "well-being.toml: scoring.de: 'scoring' has no text a person reads, so nothing to translate"
    )


# --- checking each language against the English --------------------------------------------


def _drop_german(*path):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


def _set_german(value, *path):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


REFUSED = {
    "an item without its German text": (
        _drop_german("items", 1, "de", "text"),
        "items[1].de.text: is missing: item 'item-2' needs its text in 'de', a language the "
        "file declares",
    ),
    "an item without any German": (
        _drop_german("items", 3, "de"),
        "items[3].de: is missing: item 'item-4' needs its text in 'de', a language the file "
        "declares",
    ),
    "too few German labels": (
        _set_german(["null", "eins", "zwei"], "scale", "de", "labels"),
        "scale.de.labels: has 3 labels in 'de' for 6 answers",
    ),
    "too many German labels": (
        _set_german(["a", "b", "c", "d", "e", "f", "g"], "scale", "de", "labels"),
        "scale.de.labels: has 7 labels in 'de' for 6 answers",
    ),
    "German labels missing": (
        _drop_german("scale", "de", "labels"),
        "scale.de.labels: is missing: the scale needs its labels in 'de'",
    ),
    "the scale without any German": (
        _drop_german("scale", "de"),
        "scale.de: is missing: the scale needs its labels in 'de', a language the file declares",
    ),
    "German labels not a list": (
        _set_german("null, eins", "scale", "de", "labels"),
        "scale.de.labels: must be a list of texts, not 'null, eins'",
    ),
    "an empty German label": (
        _set_german(["null", "eins", " ", "drei", "vier", "fünf"], "scale", "de", "labels"),
        "scale.de.labels[2]: must be non-empty text, not ' '",
    ),
    "a German label not text": (
        _set_german(["null", "eins", "zwei", "drei", "vier", 5], "scale", "de", "labels"),
        "scale.de.labels[5]: must be non-empty text, not 5",
    ),
    "the file without a German title": (
        _drop_german("de", "title"),
        "de.title: is missing: the file needs its title, measures, description and time_frame "
        "in 'de', a language the file declares",
    ),
    "the file without a German time frame": (
        _drop_german("de", "time_frame"),
        "de.time_frame: is missing: the file needs its title, measures, description and "
        "time_frame in 'de'",
    ),
    "the file without any German": (
        _drop_german("de"),
        "de: is missing: the file needs its title, measures, description and time_frame in 'de'",
    ),
    "an empty German description": (
        _set_german("  ", "de", "description"),
        "de.description: must be non-empty text, not '  '",
    ),
    "a German text that is not text": (
        _set_german(3, "items", 0, "de", "text"),
        "items[0].de.text: must be non-empty text, not 3",
    ),
    "a misspelt German field": (
        _set_german("Frage", "items", 0, "de", "txt"),
        "items[0].de.txt: is not a text to translate here (did you mean 'text'?)",
    ),
    "a German field that is not read": (
        _set_german(True, "items", 0, "de", "reverse"),
        "items[0].de.reverse: is not a text to translate here (known: text)",
    ),
    "German that is not a table": (
        _set_german("Frage 1", "items", 0, "de"),
        "items[0].de: must be a table of texts (de.text = …), not str",
    ),
    "a band without its German meaning": (
        _drop_german("bands", 1, "de", "meaning"),
        "bands[1].de.meaning: is missing: band 'Good' needs its label and meaning in 'de'",
    ),
    "a band without its German label": (
        _drop_german("bands", 0, "de", "label"),
        "bands[0].de.label: is missing: band 'Low' needs its label and meaning in 'de'",
    ),
    "a safety rule without its German message": (
        _drop_german("safety", 0, "de"),
        "safety[0].de: is missing: the safety rule on 'item-1' needs its message in 'de'",
    ),
    "a subscale without its German title": (
        _drop_german("subscales", 0, "de", "title"),
        "subscales[0].de.title: is missing: subscale 'first' needs its title in 'de'",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_each_missing_or_wrong_translation_is_named(tmp_path, case):
    change, expected = REFUSED[case]
    message = refused(tmp_path, change)
    assert message.startswith(f"well-being.toml: {expected}"), message


def test_the_english_is_checked_before_its_translations(tmp_path):
    message = refused(tmp_path, lambda d: d["scale"].update(labels=["a", "b"]))
    assert message == "well-being.toml: scale.labels: has 2 labels for 6 values"


def test_a_second_language_is_checked_as_fully_as_the_first(tmp_path):
    def add_french(data):
        data["languages"] = ["en", "de", "fr"]
        for key in ("title", "measures", "description", "time_frame"):
            data.setdefault("fr", {})[key] = f"{key} (fr)"
        data["scale"]["fr"] = {"labels": list("abcdef")}
        for item in data["items"]:
            item["fr"] = {"text": "Question"}
        for row in data["bands"]:
            row["fr"] = {"label": "Bande", "meaning": "Sens."}
        data["safety"][0]["fr"] = {"message": "Aide."}

    message = refused(tmp_path, add_french)
    assert message.startswith("well-being.toml: subscales[0].fr: is missing: subscale 'first'")
    data = copy.deepcopy(GERMAN)
    add_french(data)
    data["subscales"][0]["fr"] = {"title": "Les deux"}
    inst = load(tmp_path, data)
    assert inst.languages == ("en", "de", "fr") and sorted(inst.translations) == ["de", "fr"]
    assert inst.in_language("fr").subscales[0].title == "Les deux"
    assert inst.in_language("de").subscales[0].title == "Die ersten zwei"


def test_texts_gives_only_the_languages_beside_english(tmp_path):
    inst = load(tmp_path, ENGLISH)
    assert texts({}, ("en",), inst) == {}
    with pytest.raises(TranslationError) as caught:
        texts({}, ("en", "de"), inst)
    assert caught.value.field == "de"


def test_a_file_without_bands_rules_or_subscales_needs_none_of_their_german(tmp_path):
    data = copy.deepcopy(GERMAN)
    for key in ("bands", "safety", "subscales"):
        data.pop(key)
    inst = load(tmp_path, data).in_language("de")
    assert inst.bands == () and inst.safety_rules == () and inst.subscales == ()
    assert inst.title == "Wohlbefinden"


# --- which language a page shows -----------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("de", "de"),
        ("DE", "de"),
        ("de-at", "de"),
        ("de-AT", "de"),
        ("fr", "en"),
        ("fr-ch", "en"),
        ("en", "en"),
        ("en-gb", "en"),
        (None, "en"),
        ("", "en"),
        ("pt-br", "pt-br"),
        ("pt", "en"),
        ("pt-pt", "en"),
    ],
)
def test_the_language_shown_is_the_asked_one_its_general_form_or_english(asked, shown):
    assert spoken(asked, ("en", "de", "pt-br")) == shown
