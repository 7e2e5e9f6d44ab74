"""Every page, read by a German account, has no English left in it.

Each route is drawn twice for the same account and the same rows, once in English and once
in German, and every piece of text a person reads (the words, and the titles, labels,
placeholders and JavaScript's words in attributes) is compared. A piece that reads the same
in both languages is a word nobody marked for translation, unless it is the person's own
data (the rows tests/routes.py makes all say "Marker"), a name, a number or a date, or one
of the few words German shares with English (SAME_IN_BOTH).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.routes import OBJECT_ARGUMENTS, ROUTES, unknown_arguments, url_kwargs

pytestmark = pytest.mark.django_db

READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description"}
SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "textarea", "option"}
# Words that are the same in German, or names that are not translated.
SAME_IN_BOTH = {
    "tending", "English", "Deutsch", "OK", "Name", "Check-in", "Check-ins", "E-Mail", "API",
    "Tags", "Tag", "Moment", "Start", "Details", "Status", "Export", "Import", "Johari", "PDF",
    "JSON", "CSV", "Markdown", "vCard", "Daylio", "iCalendar", "HTTPS", "Token", "Tokens",
    "Minuten", "Notizen", "Hobbys", "Team", "Online", "Offline", "Chat", "Video", "Text",
    "Stress", "Mirror", "UTC", "Ziel", "Ende", "Fokus", "Ring", "Code", "Link", "Links",
    "TelefonSeelsorge", "intelligent", "sentimental", "tolerant", "Android", "Portugal",
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Nov",  # months German writes as English
    "April", "August", "September", "November",
}  # fmt: skip
# What a piece of text may be made of and still be no word to translate: numbers, dates,
# times, signs, and the account's own name.
NOT_WORDS = re.compile(
    r"^[\W\d_]*$|^(owner|other)$|^\(?tnd_[\w-]+…\)?$"  # an API token's first letters
    r"|^[+\-−–]?\d[\d.,:/ ]*\s?(%|h|min)?$"
)


class Reading(HTMLParser):
    """The pieces of text a person reads on a page, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or name.startswith("data-word-")):
                self.pieces.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(data)


def read(html: str) -> list[str]:
    reading = Reading()
    reading.feed(html)
    return [" ".join(piece.split()) for piece in reading.pieces if piece.strip()]


def untranslated(english: str, german: str) -> list[str]:
    """The pieces of the German page that are also on the English one, word for word."""
    said_in_english = set(read(english))
    left = []
    for piece in read(german):
        if piece not in said_in_english or "Marker" in piece or NOT_WORDS.match(piece):
            continue
        words = re.findall(r"[^\W\d_](?:[\w’'-]*[^\W\d_])?", piece)
        if words and not all(word in SAME_IN_BOTH for word in words):
            left.append(piece)
    return left


def pages():
    for name, args in ROUTES:
        if not unknown_arguments(args):
            yield name, args


@pytest.fixture
def every_kind(owner):
    return {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}


def draw(client: Client, url: str) -> str | None:
    response = client.get(url)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    return response.content.decode()


def test_every_page_is_german_for_a_german_account(owner, owner_client, every_kind):
    left: dict[str, list[str]] = {}
    drawn = 0
    for name, args in pages():
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        url = reverse(name, kwargs=url_kwargs(args, objects))
        type(owner).objects.filter(pk=owner.pk).update(language="en")
        english = draw(owner_client, url)
        type(owner).objects.filter(pk=owner.pk).update(language="de")
        german = draw(owner_client, url)
        if english is None or german is None:
            continue
        drawn += 1
        assert 'lang="de"' in german
        found = untranslated(english, german)
        if found:
            left[url] = found
    assert drawn > 80  # the walk reached the pages, not just their redirects
    report = "\n".join(f"{url}: {pieces}" for url, pieces in sorted(left.items()))
    assert not left, f"English left on German pages:\n{report}"


def test_the_pages_before_logging_in_follow_a_german_browser(db):
    for address in ("/welcome/", "/help/", "/offline/", "/forgot/"):
        english = Client().get(address, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        german = Client().get(address, HTTP_ACCEPT_LANGUAGE="de").content.decode()
        assert untranslated(english, german) == [], address


def test_the_walk_sees_a_word_nobody_marked():
    english = '<p>Hello there</p><button aria-label="Close the box">×</button><p>Marker note</p>'
    german = '<p>Hallo</p><button aria-label="Close the box">×</button><p>Marker note</p>'
    assert untranslated(english, german) == ["Close the box"]
    # An API token's first letters are URL-safe base64, dashes and underscores included.
    same = "<p>14.05.2026, 14:05</p><p>tending</p><p>−2.5</p><p>owner</p><p>(tnd_wp-X…)</p>"
    assert untranslated(same, same) == []
