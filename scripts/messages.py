"""Gather, translate and compile tending's words: one catalogue per part and language.

    python scripts/messages.py update [PART]   # gather marked words into each part's .po
                                               # (or PART's alone) and compile its .mo
    python scripts/messages.py check [PART]    # exit 1 if a catalogue is behind the code, a
                                               # word lacks its translation, or a .mo is stale

A part's words live in `tending/<part>/locale/<language>/LC_MESSAGES/django.po`, gathered from
its Python (`gettext`, `gettext_lazy`, `ngettext`, `pgettext` and `_`), its Jinja templates
(`{{ _("…") }}`, `{% trans %}`) and its JavaScript. Code outside a part (the terminal, the
benchmark, the demo data, the site-wide templates in tending/jinja2) belongs to core's
catalogue. Each translation kept in a .po survives an update; a word no longer in the code is
dropped. The .mo files are compiled here and kept in the repository, so tending runs without
this script or Babel (a test dependency).
"""

from __future__ import annotations

import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tending"
LANGUAGES = ("de",)  # every language but English, the words' own
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}
SKIPPED_FOLDERS = {"migrations", "locale", "vendor", "__pycache__"}


def _installed() -> set[str]:
    """tending's parts Django loads (their locale folders are the ones it reads)."""
    settings = (PACKAGE / "settings.py").read_text()
    block = settings[
        settings.index("INSTALLED_APPS") : settings.index("]", settings.index("INSTALLED_APPS"))
    ]
    return set(re.findall(r'"tending\.(\w+)"', block))


def parts() -> dict[str, list[Path]]:
    """Each catalogue's part folder, and the folders and files whose words go into it."""
    found: dict[str, list[Path]] = {"core": [PACKAGE / "core", PACKAGE / "jinja2"]}
    for folder in sorted(PACKAGE.iterdir()):
        if not folder.is_dir() or folder.name in found or folder.name in SKIPPED_FOLDERS:
            continue
        if folder.name in _installed():
            found[folder.name] = [folder]
        elif folder.name not in ("static",):
            found["core"].append(folder)
    found["core"].extend(sorted(PACKAGE.glob("*.py")))
    found["core"].append(PACKAGE / "static" / "tending")
    return found


def _files(places: list[Path]):
    for place in places:
        if place.is_file():
            yield place
            continue
        for path in sorted(place.rglob("*")):
            if path.is_file() and not SKIPPED_FOLDERS.intersection(path.relative_to(place).parts):
                yield path


def _method(path: Path) -> tuple[str, dict] | None:
    if path.suffix == ".py":
        return "python", {}
    if path.suffix in (".html", ".txt") and "jinja2" in path.parts:
        return "jinja2", JINJA_OPTIONS
    if path.suffix == ".js":
        return "javascript", {}
    return None


def gathered(part: str, places: list[Path]) -> Catalog:
    """The words marked in a part's code, as a template catalogue."""
    template = Catalog(project="tending", domain="django")
    for path in _files(places):
        method = _method(path)
        if method is None:
            continue
        found = extract_from_file(
            method[0], path, keywords=KEYWORDS, options=method[1], comment_tags=("Translators:",)
        )
        where = path.relative_to(ROOT).as_posix()
        for line, message, comments, context in found:
            template.add(
                message, locations=[(where, line)], auto_comments=comments, context=context
            )
    return template


def _po_path(part: str, language: str) -> Path:
    return PACKAGE / part / "locale" / language / "LC_MESSAGES" / "django.po"


def _read(path: Path, language: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain="django")
    return Catalog(locale=language, project="tending", domain="django")


def merged(template: Catalog, path: Path, language: str) -> Catalog:
    catalog = _read(path, language)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()  # a word no longer in the code is not kept
    catalog.project, catalog.version = "tending", ""
    catalog.header_comment = (
        f"# tending's words in {catalog.locale.english_name}: gathered from the code by\n"
        "# scripts/messages.py; only the msgstr lines are written by hand."
    )
    catalog.msgid_bugs_address = ""
    # The header's dates would change on every run and make the .mo differ for nothing.
    catalog.creation_date = catalog.revision_date = datetime(2026, 1, 1, tzinfo=UTC)
    catalog.last_translator = catalog.language_team = "tending"
    catalog.fuzzy = False
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, omit_header=False, sort_output=True)
    # The header's dates change on every write; they say nothing a repository does not.
    lines = [
        line
        for line in out.getvalue().split(b"\n")
        if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date', b'"Generated-By'))
    ]
    return b"\n".join(lines)


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def missing(catalog: Catalog) -> list[str]:
    """Words with no translation yet (or only a guess marked fuzzy)."""
    gaps = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


def run(command: str, only: str | None = None) -> int:
    problems: list[str] = []
    said: dict[tuple, dict[str, object]] = {}  # (language, word, context) -> part -> translation
    every = parts()
    if only is not None and only not in every:
        print(f"No part called {only!r}; the parts are: {', '.join(every)}")
        return 2
    for part, places in every.items():
        if only is not None and part != only:
            continue
        template = gathered(part, places)
        for language in LANGUAGES:
            po_path = _po_path(part, language)
            mo_path = po_path.with_suffix(".mo")
            if not len(template) and not po_path.exists():
                continue
            catalog = merged(template, po_path, language)
            po, mo = po_bytes(catalog), mo_bytes(catalog)
            if command == "update":
                po_path.parent.mkdir(parents=True, exist_ok=True)
                po_path.write_bytes(po)
                mo_path.write_bytes(mo)
                gaps = missing(catalog)
                note = f", {len(gaps)} to translate" if gaps else ""
                print(f"{po_path.relative_to(ROOT)}: {len(catalog)} words{note}")
                continue
            where = po_path.relative_to(ROOT)
            if not po_path.exists() or po_path.read_bytes() != po:
                problems.append(f"{where}: behind the code; run python scripts/messages.py update")
            elif not mo_path.exists() or mo_path.read_bytes() != mo:
                problems.append(f"{where}: its .mo is stale; run python scripts/messages.py update")
            for word in missing(catalog):
                problems.append(f"{where}: no {language} for {word!r}")
            for message in catalog:
                if message.id and message.string:
                    key = (language, str(message.id), message.context)
                    said.setdefault(key, {})[part] = message.string
    problems += _said_twice(said)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def _said_twice(said: dict[tuple, dict[str, object]]) -> list[str]:
    """Words two parts translate differently. Django reads the catalogues in the order of
    INSTALLED_APPS, so the first part's translation is shown everywhere and the other is
    dead: say the same, or give the word a context (pgettext)."""
    return [
        f"{language}: {word!r} is translated differently in {', '.join(sorted(ways))}"
        for (language, word, _context), ways in said.items()
        if len({str(way) for way in ways.values()}) > 1
    ]


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2) or argv[0] not in ("update", "check"):
        print(__doc__.strip().split("\n\n")[1])
        return 2
    return run(argv[0], argv[1] if len(argv) == 2 else None)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
