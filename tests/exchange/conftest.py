"""A data folder with one account ("robin"), made once and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.exchange.helpers import make_account


@pytest.fixture(scope="session")
def robin_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("robin") / "data"
    make_account(folder, "robin")
    return folder


@pytest.fixture
def data_dir(robin_template, tmp_path) -> Path:
    # The command that made it has ended, so the file is closed and safe to copy.
    return Path(shutil.copytree(robin_template, tmp_path / "data"))
