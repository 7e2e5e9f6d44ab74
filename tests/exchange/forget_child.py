"""Run in a child process on a SQLite file of its own: plant words, delete through the
pages, and report where in the database's files each word can still be read.

`python -m tests.exchange.forget_child one|account` prints JSON: "before", "during" (right
after the deletes, the log as tending left it) and "after" (once the log is written back),
each mapping a planted word to the files (database, -wal) whose bytes hold it; and
"searched": how many sessions hold a kept search's words, before and after.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# Words no text holds, each read back by its end: an index may keep a word's start shared
# with the word before it, but never its end.
WORDS = {
    "entry title": "zqfroblixtk",
    "entry body": "zqmurvantkb",
    "moment note": "zqpeldwornx",
    "person note": "zqgastrimvd",
}
SEARCHED = "zqhobnastrk"  # kept in a session, which is stored encoded: read back by decoding
TAIL = 7


def where(data_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(data_dir.glob("tending.sqlite3*")):
        content = path.read_bytes().lower()
        for what, word in WORDS.items():
            if word[-TAIL:].encode() in content:
                found.setdefault(what, []).append(path.name)
    return found


def sessions_holding(word: str) -> int:
    from django.contrib.sessions.models import Session

    return sum(word in json.dumps(row.get_decoded()) for row in Session.objects.all())


def main(scenario: str) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tending.circle.models import Person
    from tending.core.models import User
    from tending.journal.kept_searches import keep_search
    from tending.journal.models import Entry
    from tending.moments.models import Moment

    call_command("migrate", verbosity=0)
    user = User.objects.create_user("robin", password="a-long-test-password")
    person = Person.objects.create(
        owner=user, name="Sam", notes=f"Sam {WORDS['person note']}", rhythm_days=30
    )
    entry = Entry.objects.create(
        owner=user,
        title=f"About {WORDS['entry title']}",
        body=f"A day of {WORDS['entry body']} and rain.",
    )
    moment = Moment.objects.create(owner=user, note=f"We spoke of {WORDS['moment note']}")
    moment.people.set([person])
    client = Client()
    client.force_login(user)
    session = client.session
    keep_search(session, {"q": SEARCHED})
    session.save()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data_dir = Path(settings.DATA_DIR)
    before = where(data_dir)
    searched = [sessions_holding(SEARCHED)]

    if scenario == "one":
        done = [
            client.post(reverse("journal:delete", args=[entry.pk])),
            client.post(reverse("moments:delete", args=[moment.pk])),
        ]
    else:
        done = [
            client.post(
                reverse("exchange:delete_account"),
                {"typed": "robin", "password": "a-long-test-password"},
            )
        ]
    assert all(response.status_code == 302 for response in done), done
    during = where(data_dir)  # the connection still open: the log is as tending left it
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = where(data_dir)
    searched.append(sessions_holding(SEARCHED))
    connection.close()
    print(json.dumps({"before": before, "during": during, "after": after, "searched": searched}))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    main(sys.argv[1])
