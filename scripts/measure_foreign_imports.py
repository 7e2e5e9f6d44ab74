#!/usr/bin/env python3
"""How long ten years' size of contacts (vCard) and Daylio entries takes to read and add.

    TENDING_DATA_DIR=/tmp/measure .venv/bin/python scripts/measure_foreign_imports.py
    DATABASE_URL=postgres://… .venv/bin/python scripts/measure_foreign_imports.py

Makes its own account in the database named by the environment (a fresh data folder when
TENDING_DATA_DIR is unset), writes 2,000 contacts (one in five with a photo, one in ten
twice) and 3,650 days of Daylio entries, and prints seconds for read and add of each. The
goal (issue 11) is 15 s at most for each import.
"""

from __future__ import annotations

import base64
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHOTO = base64.b64encode(random.Random(1).randbytes(30_000)).decode()


def contacts(count: int) -> bytes:
    rng = random.Random(2)
    lines = []
    for n in range(count):
        same = n - 1 if n % 10 == 9 else n  # every tenth card repeats the one before
        lines += [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:Family{same};Given{same};;;",
            f"FN:Given{same} Family{same}",
            f"TEL;type=CELL;type=pref:+44 7700 {same:06d}",
            f"TEL;type=HOME:0113 {rng.randrange(10**6):06d}",
            f"item1.EMAIL;type=INTERNET:person{same}@example.org",
            "item1.X-ABLabel:_$!<Other>!$_",
            f"item2.ADR;type=HOME:;;{n} Long Road\\nFlat 2;Leeds;;LS1 1AA;United Kingdom",
            "ORG:Somewhere Ltd;",
            f"BDAY:19{50 + n % 50}-0{1 + n % 9}-1{n % 9}",
            "NOTE:Met at a friend's wedding\\, long ago.\\nLikes tea.",
        ]
        if n % 5 == 0:
            photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO
            lines += [photo[:75]] + [" " + photo[i : i + 74] for i in range(75, len(photo), 74)]
        lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode()


def daylio(days: int) -> bytes:
    import csv
    import io

    rng = random.Random(3)
    moods = ["rad", "good", "meh", "bad", "awful", "tired", "calm"]
    activities = ["friends", "family", "work", "walk", "reading", "bad sleep", "cooking"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
    )
    start = date.today() - timedelta(days=days)
    for n in range(days):
        day = start + timedelta(days=n)
        chosen = " | ".join(rng.sample(activities, rng.randrange(4)))
        note = "" if n % 3 else f'Day {n}: talked with someone, walked, "rested".\nMore text.'
        at = f"{rng.randrange(24)}:{rng.randrange(60):02d}"
        mood = rng.choice(moods)
        writer.writerow(
            [day.isoformat(), f"{day:%b} {day.day}", f"{day:%A}", at, mood, chosen, "", note]
        )
    return out.getvalue().encode()


def measure(name: str, data: bytes, user) -> None:
    from django.db import transaction

    from tending.exchange.foreign import source

    module = source(name)
    started = time.perf_counter()
    reading = module.read(data, user)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    with transaction.atomic():
        counts = module.add(reading, user)
    add_s = time.perf_counter() - started
    again = time.perf_counter()
    repeat = module.read(data, user).new_counts()
    again_s = time.perf_counter() - again
    print(
        f"{name}: {len(data) / 1e6:.1f} MB, read {read_s:.2f} s, add {add_s:.2f} s "
        f"(total {read_s + add_s:.2f} s), added {counts}; "
        f"reading it again {again_s:.2f} s finds new {repeat}"
    )


def main() -> int:
    if not os.environ.get("DATABASE_URL") and not os.environ.get("TENDING_DATA_DIR"):
        os.environ["TENDING_DATA_DIR"] = tempfile.mkdtemp(prefix="tending-measure-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from tending.core.models import User

    call_command("migrate", verbosity=0)
    user = User.objects.create(username=f"measure-{time.time_ns()}")
    measure("vcard", contacts(2_000), user)
    measure("daylio", daylio(3_650), user)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
