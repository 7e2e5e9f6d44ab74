"""The export formats tending writes, by name: what the CLI's --format and Settings offer.

Each format writes one account to a binary stream as it reads it (memory stays flat) and
returns how many rows of each kind went in. Formats are added here, one line each.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO


def _(text: str) -> str:
    """Marks a label for the catalogue (gettext_noop, without loading Django: the command's
    help reads this module); the page says it in its language."""
    return text


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as typed after --format
    label: str  # as shown in Settings → Your data, translated there
    suffix: str  # the file name's ending, with its dot
    media_type: str  # the download's Content-Type
    write: Callable[[object, BinaryIO], dict[str, int]]  # (user, out) → rows per kind


def _write_json(user, out: BinaryIO) -> dict[str, int]:
    from tending.exchange.export import write_document

    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
    try:
        return write_document(user, text)
    finally:
        text.flush()
        text.detach()


def _write_csv(user, out: BinaryIO) -> dict[str, int]:
    from tending.exchange.export_csv import write_csv_zip

    return write_csv_zip(user, out)


def _write_markdown(user, out: BinaryIO) -> dict[str, int]:
    from tending.exchange.export_markdown import write_markdown_zip

    return write_markdown_zip(user, out)


def _write_vcard(user, out: BinaryIO) -> dict[str, int]:
    from tending.exchange.export_vcard import write_vcards

    return write_vcards(user, out)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(
        "json", _("Everything, as one JSON file"), ".json", "application/json", _write_json
    ),
    "csv": ExportFormat(
        "csv",
        _("Spreadsheets: a CSV file per kind, in a zip"),
        ".csv.zip",
        "application/zip",
        _write_csv,
    ),  # fmt: skip
    "markdown": ExportFormat(
        "markdown",
        _("The journal as Markdown files, in a zip"),
        ".md.zip",
        "application/zip",
        _write_markdown,
    ),  # fmt: skip
    "vcard": ExportFormat(
        "vcard", _("Your circle as contacts (vCard)"), ".vcf", "text/vcard", _write_vcard
    ),
}
