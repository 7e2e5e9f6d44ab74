"""Loading and validating instrument definitions: the built-ins, and one test per kind of error."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tending.checkins.definitions import (
    FREQUENCIES,
    InstrumentError,
    builtin_folder,
    load_instrument,
    load_instruments,
)

BUILTINS = ("connection", "daily-pulse", "five-moods", "hard-days", "stress", "weekly-wellbeing")

# A small valid definition; each bad-file test changes one thing in a copy of it.
BASE = {
    "id": "well-being",
    "version": 1,
    "title": "Well-being",
    "measures": "How well you have been",
    "description": "A test instrument.",
    "time_frame": "Over the last two weeks",
    "frequency": "weekly",
    "higher_is": "better",
    "scale": {"values": [0, 1, 2, 3, 4, 5], "labels": ["a", "b", "c", "d", "e", "f"]},
    "scoring": {
        "method": "sum_times",
        "factor": 4,
        "missing": "prorate",
        "max_missing": 1,
        "meaningful_change": 10,
    },
    "items": [{"id": f"item-{n}", "text": f"Question {n}", "reverse": n == 2} for n in range(1, 6)],
    "bands": [
        {"low": 0, "high": 50, "label": "Low", "meaning": "Low. Not a diagnosis."},
        {"low": 51, "high": 100, "label": "Good", "meaning": "Good. Not a diagnosis."},
    ],
    "safety": [{"item": "item-1", "at_least": 1, "message": "Help is here."}],
    "subscales": [{"id": "first", "title": "First two", "items": ["item-1", "item-2"]}],
}


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)  # JSON strings and numbers are valid TOML


def to_toml(data: dict) -> str:
    """Enough of a TOML writer for these definitions: scalars, tables, arrays of tables."""
    lines, later = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            later.append(f"\n[{key}]")
            later += [f"{k} = {_toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for row in value:
                later.append(f"\n[[{key}]]")
                later += [f"{k} = {_toml_value(v)}" for k, v in row.items()]
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines + later) + "\n"


def write(folder: Path, data: dict, name: str = "well-being.toml") -> Path:
    path = folder / name
    path.write_text(to_toml(data), encoding="utf-8")
    return path


def error_for(tmp_path: Path, change) -> str:
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(InstrumentError) as caught:
        load_instrument(write(tmp_path, data))
    return str(caught.value)


def test_the_base_definition_is_valid(tmp_path):
    inst = load_instrument(write(tmp_path, BASE))
    assert inst.id == "well-being" and inst.score_range() == (0.0, 100.0)
    assert inst.item("item-2").reverse and not inst.item("item-1").reverse
    assert inst.factor == 4.0 and inst.max_missing == 1 and inst.can_switch_off is False
    assert inst.path == str(tmp_path / "well-being.toml")


@pytest.mark.parametrize("ident", BUILTINS)
def test_every_builtin_loads_and_reads_plainly(ident):
    inst = load_instrument(builtin_folder() / f"{ident}.toml")
    assert inst.id == ident and inst.version >= 1 and inst.frequency in FREQUENCIES
    assert "tending's own" in inst.description
    for band in inst.bands:
        assert "not a diagnosis" in band.meaning.lower()
    low, high = inst.score_range()
    if inst.bands:
        assert (inst.bands[0].low, inst.bands[-1].high) == (low, high)


def test_builtins_load_together_with_expected_shapes():
    found = load_instruments([builtin_folder()])
    assert sorted(found) == list(BUILTINS)
    assert found["weekly-wellbeing"].score_range() == (0.0, 100.0)
    assert found["stress"].score_range() == (0.0, 16.0)
    assert found["connection"].score_range() == (3.0, 9.0)
    assert found["hard-days"].score_range() == (0.0, 6.0)
    assert found["daily-pulse"].score_range() == (1.0, 5.0)
    assert [i.id for i in found["stress"].items if i.reverse] == ["handling", "going-well"]
    hard = found["hard-days"]
    assert hard.can_switch_off and not hard.item("self-harm").scored
    assert [(r.item, r.at_least) for r in hard.safety_rules] == [("self-harm", 1)]
    assert [i.id for i in hard.scored_items] == ["little-interest", "feeling-low"]
    assert [s.items for s in found["daily-pulse"].subscales] == [
        ("mood",),
        ("energy",),
        ("stress",),
        ("connected",),
    ]


def test_host_folder_adds_instruments_after_the_builtins(tmp_path):
    write(tmp_path, BASE)
    found = load_instruments([builtin_folder(), tmp_path])
    assert list(found)[-1] == "well-being" and len(found) == len(BUILTINS) + 1


def test_duplicate_id_names_both_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, BASE)
    write(second, BASE, "again.toml")
    with pytest.raises(InstrumentError) as caught:
        load_instruments([first, second])
    message = str(caught.value)
    assert message.startswith(f"{second / 'again.toml'}: id: 'well-being' is already defined")
    assert str(first / "well-being.toml") in message


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(InstrumentError, match="folder: is not a folder"):
        load_instruments([tmp_path / "nowhere"])


def test_invalid_toml(tmp_path):
    path = tmp_path / "well-being.toml"
    path.write_text('id = "unclosed\n', encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"^well-being\.toml: toml: is not valid TOML"):
        load_instrument(path)


def test_unreadable_file(tmp_path):
    with pytest.raises(InstrumentError, match=r"^gone\.toml: file: cannot be read"):
        load_instrument(tmp_path / "gone.toml")


def _set(path: str, value):
    """A change to BASE: set the value at a dotted path such as "bands.1.low"."""

    def change(data):
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(path: str):
    def change(data):
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


def _refuse_missing(data):
    data["scoring"]["missing"] = "refuse"


def _two_items_allow_two_missing(data):
    data["items"] = data["items"][:2]
    data["scoring"]["max_missing"] = 2
    data["bands"] = []


# (change, field, what the message must say): one case per kind of validation error.
BAD = {
    "unknown top-level key": (_set("frequncy", "weekly"), "frequncy", "did you mean 'frequency'"),
    "unknown key in an item": (_set("items.0.revers", True), "items[0].revers", "unknown field"),
    "required field missing": (_drop("title"), "title", "is required"),
    "wrong type": (_set("version", "1"), "version", "must be a whole number, not text ('1')"),
    "bool is not a number": (_set("version", True), "version", "must be a whole number"),
    "empty text": (_set("title", "  "), "title", "must be non-empty text"),
    "id not a slug": (_set("id", "Well Being"), "id", "'Well Being' is not a slug"),
    "item id not a slug": (_set("items.0.id", "item_1"), "items[0].id", "is not a slug"),
    "version not positive": (_set("version", 0), "version", "must be a positive whole number"),
    "frequency unknown": (_set("frequency", "monthly"), "frequency", "'monthly' is not one of"),
    "higher_is unknown": (_set("higher_is", "up"), "higher_is", "'up' is not one of"),
    "no items": (_set("items", []), "items", "needs at least one item"),
    "no scored items": (
        lambda d: [i.update(scored=False) for i in d["items"]] and d.update(subscales=[]),
        "items",
        "needs at least one scored item",
    ),
    "duplicate item id": (_set("items.3.id", "item-1"), "items[3].id", "already used by items[0]"),
    "scale value not an integer": (
        _set("scale.values", [0, 1.5, 2, 3, 4, 5]),
        "scale.values[1]",
        "must be a whole number, not a number (1.5)",
    ),
    "scale values not increasing": (
        _set("scale.values", [0, 1, 3, 2, 4, 5]),
        "scale.values",
        "must go up from lowest to highest (2 after 3)",
    ),
    "scale value repeated": (
        _set("scale.values", [0, 1, 1, 2, 3, 4]),
        "scale.values",
        "1 appears more than once",
    ),
    "scale too short": (
        lambda d: d["scale"].update(values=[0], labels=["a"]),
        "scale.values",
        "needs at least 2 answers",
    ),
    "labels do not match values": (
        _set("scale.labels", ["a", "b"]),
        "scale.labels",
        "has 2 labels for 6 values",
    ),
    "empty label": (_set("scale.labels.2", ""), "scale.labels[2]", "must be non-empty text"),
    "reverse without a midpoint": (
        _set("scale.values", [0, 1, 2, 3, 4, 6]),
        "items[1].reverse",
        "evenly spaced values and a midpoint; 0, 1, 2, 3, 4, 6 is not",
    ),
    "method unknown": (_set("scoring.method", "median"), "scoring.method", "'median' is not one"),
    "factor missing for sum_times": (
        _drop("scoring.factor"),
        "scoring.factor",
        "is required when method is 'sum_times'",
    ),
    "factor not positive": (_set("scoring.factor", 0), "scoring.factor", "must be greater than 0"),
    "factor without sum_times": (
        lambda d: d["scoring"].update(method="sum") or d.update(bands=[]),
        "scoring.factor",
        "is only used with method 'sum_times', not 'sum'",
    ),
    "missing policy unknown": (_set("scoring.missing", "guess"), "scoring.missing", "not one of"),
    "max_missing negative": (_set("scoring.max_missing", -1), "scoring.max_missing", "negative"),
    "max_missing too large": (
        _two_items_allow_two_missing,
        "scoring.max_missing",
        "must be less than the number of scored items (2)",
    ),
    "max_missing with refuse": (
        _refuse_missing,
        "scoring.max_missing",
        "is only used with missing = 'prorate'",
    ),
    "meaningful change not positive": (
        _set("scoring.meaningful_change", 0),
        "scoring.meaningful_change",
        "must be greater than 0",
    ),
    "band outside the range": (
        _set("bands.1.high", 120),
        "bands[1]",
        "range 51-120 is outside the possible scores 0-100",
    ),
    "band low above high": (_set("bands.1.low", 101), "bands[1]", "low 101 is above high 100"),
    "bands overlap": (_set("bands.1.low", 20), "bands[1]", "range 20-100 overlaps bands[0] (0-50)"),
    "bands share an edge": (
        _set("bands.1.low", 50),
        "bands[1]",
        "range 50-100 overlaps bands[0] (0-50)",
    ),
    "bands out of order": (
        lambda d: d["bands"].reverse(),
        "bands[1]",
        "range 0-50 comes after bands[0] (51-100); list bands lowest first",
    ),
    "gap between bands": (
        _set("bands.1.low", 60),
        "bands[1]",
        "leaves a gap after bands[0] (0-50): totals between 50 and 60 would have no band",
    ),
    "bands do not start at the lowest score": (
        _set("bands.0.low", 10),
        "bands[0]",
        "starts at 10 but scores start at 0",
    ),
    "bands do not reach the highest score": (
        _set("bands.1.high", 90),
        "bands[1]",
        "ends at 90 but scores reach 100",
    ),
    "safety rule names a missing item": (
        _set("safety.0.item", "item-9"),
        "safety[0].item",
        "names 'item-9', which is not one of the items",
    ),
    "safety threshold not a scale value": (
        _set("safety.0.at_least", 7),
        "safety[0].at_least",
        "7 is not one of the scale's values (0, 1, 2, 3, 4, 5)",
    ),
    "subscale names a missing item": (
        _set("subscales.0.items", ["item-1", "item-9"]),
        "subscales[0].items[1]",
        "names 'item-9', which is not one of the items",
    ),
    "subscale names an unscored item": (
        lambda d: d["items"][1].update(scored=False) or d.update(bands=[]),
        "subscales[0].items[1]",
        "'item-2' is not scored",
    ),
}


@pytest.mark.parametrize(("change", "field", "what"), BAD.values(), ids=BAD.keys())
def test_bad_definition_is_refused_with_a_precise_message(tmp_path, change, field, what):
    message = error_for(tmp_path, change)
    assert message.startswith(f"well-being.toml: {field}: "), message
    assert what in message, message


def test_error_carries_its_parts(tmp_path):
    data = copy.deepcopy(BASE)
    data["bands"][1]["low"] = 20
    with pytest.raises(InstrumentError) as caught:
        load_instrument(write(tmp_path, data))
    err = caught.value
    assert (err.file, err.field) == ("well-being.toml", "bands[1]")
    assert str(err) == "well-being.toml: bands[1]: range 20-100 overlaps bands[0] (0-50)"


def test_definition_modules_do_not_import_django():
    code = (
        "import sys, tending.checkins.definitions, tending.checkins.scoring\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


def test_not_a_number_is_refused(tmp_path):
    path = write(tmp_path, BASE)
    path.write_text(path.read_text().replace("factor = 4", "factor = nan"), encoding="utf-8")
    with pytest.raises(InstrumentError) as caught:
        load_instrument(path)
    assert "factor" in str(caught.value) and "a finite number" in str(caught.value)


def test_a_safety_rule_on_the_lowest_answer_is_refused(tmp_path):
    message = error_for(tmp_path, lambda d: d["safety"][0].update(at_least=0))
    assert "safety[0]" in message and "would fire on every answer" in message


def test_bands_of_a_mean_may_not_leave_gaps(tmp_path):
    def to_mean(data):
        data["scoring"] = {"method": "mean", "missing": "refuse"}
        data["bands"] = [
            {"low": 0, "high": 2, "label": "Low", "meaning": "Low."},
            {"low": 3, "high": 5, "label": "High", "meaning": "High."},
        ]

    message = error_for(tmp_path, to_mean)
    assert "leaves a gap" in message and "at most 0.01 apart" in message
