"""Copy Swagger UI from its npm package into tending/static/vendor/swagger-ui/, with the
pictures its stylesheet carries as data: addresses written out as files of their own.

tending's Content Security Policy allows pictures from tending itself only (img-src 'self'),
so the API's documentation page would lose its small icons (and log a refusal for each).
Usage, from a fresh `npm pack swagger-ui-dist` unpacked into DIR:

    python3 scripts/vendor_swagger_ui.py DIR/package
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tending/static/vendor/swagger-ui"
COPIED = ["LICENSE", "NOTICE", "swagger-ui-bundle.js", "swagger-ui-bundle.js.LICENSE.txt"]
# url("data:…") with \" inside, or url(data:…) unquoted.
DATA_URL = re.compile(r'url\(\s*(?:"((?:[^"\\]|\\.)*)"|(data:[^)"]*))\s*\)')
PICTURE = re.compile(r"data:image/([a-z+]+)((?:;[a-z-]+=[^;,]*)*)(;base64)?,(.*)", re.DOTALL)
ENDINGS = {"svg+xml": "svg", "png": "png", "jpeg": "jpg", "gif": "gif"}


def picture(address: str) -> tuple[str, bytes]:
    """A data: address's file ending and bytes."""
    found = PICTURE.fullmatch(address)
    kind, encoded, payload = found[1], found[3], found[4]
    if encoded:
        return ENDINGS[kind], base64.b64decode(payload)
    text = urllib.parse.unquote(payload.replace('\\"', '"'))
    return ENDINGS[kind], text.encode("utf-8")


def write_out(css: str, folder: Path) -> str:
    """The stylesheet with each data: picture replaced by a file in `folder` (by content)."""

    def replace(match: re.Match) -> str:
        address = match[1] if match[1] is not None else match[2]
        if not address.startswith("data:"):
            return match[0]
        ending, content = picture(address)
        name = f"{hashlib.sha256(content).hexdigest()[:16]}.{ending}"
        (folder / name).write_bytes(content)
        return f"url(img/{name})"

    return DATA_URL.sub(replace, css)


def main(package: Path) -> None:
    version = re.search(r'"version":\s*"([^"]+)"', (package / "package.json").read_text())[1]
    shutil.rmtree(TARGET, ignore_errors=True)
    (TARGET / "img").mkdir(parents=True)
    for name in COPIED:
        shutil.copyfile(package / name, TARGET / name)
    css = (package / "swagger-ui.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)  # the map is not shipped
    (TARGET / "swagger-ui.css").write_text(write_out(css, TARGET / "img"), encoding="utf-8")
    (TARGET / "VERSION").write_text(
        f"swagger-ui-dist {version} (npm registry), Apache License 2.0: see LICENSE and NOTICE.\n"
        "Copied by scripts/vendor_swagger_ui.py: swagger-ui-bundle.js (with its bundled\n"
        "licences) unchanged; swagger-ui.css with its data: pictures written out into img/ and\n"
        "its sourceMappingURL comment removed (tending's CSP allows pictures from itself only).\n"
        "Used by the API's documentation page (Settings > API tokens).\n"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
