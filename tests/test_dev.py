"""dev.py keeps one environment for `start` and `test`: switching between them installs nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGEST = "a" * 64


def load_dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def installs(commands: list[str], stamp: str = "", digests: list[str] | None = None) -> list[str]:
    """What each run of dev.py would install, for a sequence of `start` and `test` runs."""
    dev = load_dev()
    extras = {"start": "", "test": "[test]"}
    done = []
    for at, command in enumerate(commands):
        digest = digests[at] if digests else DIGEST
        wanted = dev.extras_to_install(stamp, digest, extras[command])
        if wanted is not None:
            done.append(f"{command}{wanted}")
            stamp = dev.stamp_text(digest, wanted)
    return done


def test_item_25_start_then_test_installs_once_each_and_then_never():
    assert installs(["start", "test", "start", "test", "start"]) == ["start", "test[test]"]


def test_item_25_test_first_serves_start_too():
    assert installs(["test", "start", "test", "start"]) == ["test[test]"]


def test_item_25_a_changed_pyproject_installs_once_with_the_test_tools_kept():
    digests = [DIGEST, DIGEST, "b" * 64, "b" * 64]
    done = installs(["test", "start", "start", "test"], digests=digests)
    assert done == ["test[test]", "start[test]"]


def test_item_25_a_stamp_from_an_older_dev_py_installs_once():
    assert installs(["start", "start"], stamp="c" * 64) == ["start"]


def test_item_15_screenshots_runs_the_screenshot_test_alone():
    dev = load_dev()
    command = dev.screenshots_command(["-x"])
    assert command[:3] == [str(dev.PYTHON), "-m", "pytest"]
    assert command[3] == "tests/browser/test_screenshots.py"
    assert (ROOT / command[3]).exists()
    assert command[-1] == "-x"
    assert "screenshots" in dev.__doc__
