"""The JSON Schema (draft 2020-12) of tending's export, made from the declared shape.

The schema file shipped next to this module (tending-export.schema.json) is this function's
output; a test fails when the two differ. Write it again after changing document.py with:
    python -m tending.exchange.document_schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tending.exchange.document import FORMAT, KEY_LIMIT, KINDS, MAX_ANSWERS, VERSION, Field, Kind

SCHEMA_FILE = Path(__file__).with_name("tending-export.schema.json")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"


def json_schema() -> dict[str, Any]:
    parts: dict[str, Any] = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "exported_at": {"type": "string", "format": "date-time", "pattern": DATETIME},
        "tending_version": {"type": "string"},
    }
    for kind in KINDS:
        row = _row(kind)
        parts[kind.name] = (
            {"anyOf": [row, {"type": "null"}]} if kind.single else {"type": "array", "items": row}
        )
    return {
        "$schema": DRAFT,
        "$id": "https://tending.invalid/schema/tending-export-1.json",
        "title": "tending export, version 1",
        "description": "Everything one tending account holds. Rows refer to each other by "
        "keys that only mean something inside one document.",
        "type": "object",
        "required": ["format", "version"],
        "additionalProperties": False,
        "properties": parts,
    }


def _row(kind: Kind) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [f.name for f in kind.fields if f.required],
        "additionalProperties": False,
        "properties": {f.name: _field(f) for f in kind.fields},
    }


def _field(spec: Field) -> dict[str, Any]:
    kind = spec.type
    if kind == "text":
        out: dict[str, Any] = {"type": "string", "maxLength": spec.max_length}
        if spec.choices:
            out["enum"] = list(spec.choices)
    elif kind == "integer":
        out = {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    elif kind == "number":
        out = {"type": "number"}
    elif kind == "boolean":
        out = {"type": "boolean"}
    elif kind == "datetime":
        out = {"type": "string", "format": "date-time", "pattern": DATETIME}
    elif kind == "date":
        out = {"type": "string", "format": "date", "pattern": DATE}
    elif kind == "time":
        out = {"type": "string", "pattern": TIME}
    elif kind == "ref":
        out = {"type": "string", "maxLength": KEY_LIMIT, "description": f"a key in {spec.target}"}
    elif kind == "refs":
        out = {
            "type": "array",
            "uniqueItems": True,
            "items": {"type": "string", "maxLength": KEY_LIMIT},
            "description": f"keys in {spec.target}",
        }
    elif kind == "words":
        from tending.mirror.words import WORDS

        out = {
            "type": "array",
            "uniqueItems": True,
            "minItems": spec.minimum,
            "maxItems": spec.maximum,
            "items": {"enum": list(WORDS)},
        }
    else:
        value = {"type": "number"} if kind == "scores" else {"type": ["integer", "null"]}
        out = {
            "type": "object",
            "maxProperties": MAX_ANSWERS,
            "propertyNames": {"maxLength": 64},
            "additionalProperties": value,
        }
    if spec.nullable:
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"Wrote {SCHEMA_FILE}")
