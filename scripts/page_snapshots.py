"""Write every page tending serves to a folder, so two versions of the templates can be compared.

    .venv/bin/python scripts/page_snapshots.py DIR            write DIR/<route>.html
    .venv/bin/python scripts/page_snapshots.py DIR --compare OLD   write, then diff against OLD

The data is the demo's (two years, seed 1) on a fresh SQLite file, at a fixed moment in time,
so two runs on the same code give the same bytes. Every route of the URL configuration is
fetched as the demo account (or logged out, for pages that want that); every page with a form
is also posted empty, so the error states are compared too. Secrets made for the run (CSRF
tokens, the calendar link, kept searches) are replaced by a placeholder, and runs of white
space are folded into one, since moving from one template language to another may move them.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
from pathlib import Path

DESTRUCTIVE = re.compile(r"delete|remove|archive|restore|logout")
FIXED_NOW = "2026-06-15 09:30:00+00:00"
SECRET = re.compile(
    r'(csrfmiddlewaretoken" value="|"X-CSRFToken": "|/feed/|/data/import/|[?&]s=)[A-Za-z0-9_\-]+'
)


def normalised(html: str) -> str:
    html = SECRET.sub(r"\1SECRET", html)
    html = html.replace("&#x27;", "&#39;")  # the same apostrophe, as Django and Jinja2 write it
    html = re.sub(r"\s+", " ", html)
    return re.sub(r">\s*<", ">\n<", html).strip() + "\n"


def snapshot(folder: Path) -> int:
    import time_machine

    with tempfile.TemporaryDirectory() as data, time_machine.travel(FIXED_NOW, tick=False):
        os.environ["TENDING_DATA_DIR"] = data
        os.environ.pop("DATABASE_URL", None)
        from tending.core.terminal_support import migrate, setup_django

        setup_django()
        migrate()
        return _write_pages(folder)


def _write_pages(folder: Path) -> int:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tending.bench.pages import kept_search, page_addresses, samples_for
    from tending.core import tokens as feed
    from tending.demo import fill_demo
    from tending.today.models import CalendarFeed

    user = get_user_model().objects.create_user(username="snap", password=None)
    fill_demo(user, years=2, seed=1)
    token = feed.new_token()
    CalendarFeed.objects.create(owner=user, token_hash=feed.token_hash(token))
    samples = samples_for(user, feed_token=token)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    nobody = Client(HTTP_HOST="127.0.0.1")
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    addresses = [(name, url) for name, url, _ in page_addresses(samples) if url]
    addresses += [("journal:search", kept_search(client, words)) for words in samples.searches]
    forms = []
    for number, (name, url) in enumerate(addresses):
        if name == "core:logout":
            continue
        who = client
        answer = who.get(url)
        if answer.status_code == 302 and "/login/" not in answer["Location"]:
            who, answer = nobody, nobody.get(url)
        stem = f"{number:02d}-{name.replace(':', '-')}"
        if answer.status_code == 200 and "html" in answer.get("Content-Type", ""):
            (folder / f"{stem}.html").write_text(normalised(answer.content.decode()))
            written += 1
            if b'method="post"' in answer.content and not DESTRUCTIVE.search(name):
                forms.append((stem, who, url))
    # Empty forms last, so a form that does save something cannot change a page above.
    for stem, who, url in forms:
        posted = who.post(url, {})
        if posted.status_code == 200:
            (folder / f"{stem}-posted.html").write_text(normalised(posted.content.decode()))
            written += 1
    return written


def compare(new: Path, old: Path) -> int:
    differing = 0
    names = sorted({p.name for p in new.glob("*.html")} | {p.name for p in old.glob("*.html")})
    for name in names:
        a = (old / name).read_text().splitlines(True) if (old / name).exists() else []
        b = (new / name).read_text().splitlines(True) if (new / name).exists() else []
        if a != b:
            differing += 1
            sys.stdout.writelines(difflib.unified_diff(a, b, f"old/{name}", f"new/{name}", n=1))
    print(f"{differing} of {len(names)} pages differ.")
    return differing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--compare", type=Path, metavar="OLD")
    args = parser.parse_args()
    print(f"{snapshot(args.folder)} pages written to {args.folder}")
    return 1 if args.compare and compare(args.folder, args.compare) else 0


if __name__ == "__main__":
    sys.exit(main())
