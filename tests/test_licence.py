"""tending is AGPL-3.0-or-later: the full text ships with it and the package says so."""

from __future__ import annotations

import hashlib
import importlib.metadata
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The GNU AGPL version 3 exactly as the Free Software Foundation publishes it (agpl-3.0.txt).
AGPL_3_SHA256 = "57c8ff33c9c0cfc3ef00e650a1cc910d7ee479a8bc509f6c9209a7c2a11399d6"


def test_item_23_the_licence_is_agpl_3_or_later_everywhere():
    text = (ROOT / "LICENSE").read_bytes()
    assert hashlib.sha256(text).hexdigest() == AGPL_3_SHA256
    assert text.lstrip().startswith(b"GNU AFFERO GENERAL PUBLIC LICENSE")

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "AGPL-3.0-or-later"
    assert project["license-files"] == ["LICENSE"]
    installed = importlib.metadata.metadata("tending")
    assert installed["License-Expression"] == "AGPL-3.0-or-later"

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`AGPL-3.0-or-later`" in readme and "[LICENSE](LICENSE)" in readme
