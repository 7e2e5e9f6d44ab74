"""The Mirror's window, words and answer codes are plain Python: they load no Django."""

import subprocess
import sys


def test_the_pure_modules_load_no_django():
    check = (
        "import sys; import tending.mirror.codes, tending.mirror.window, tending.mirror.words, "
        "tending.mirror.sheet; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    found = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"
