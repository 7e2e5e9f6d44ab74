"""Text people write shows in its own direction: right-to-left names and notes read right."""

from __future__ import annotations

from html.parser import HTMLParser

from django.urls import reverse

from tests.factories import (
    MomentFactory,
    OwnCrisisLineFactory,
    PersonFactory,
    PlanEntryFactory,
    PlanHelperFactory,
)

RTL = "שרה כהן"
NOTE = "מחר נדבר"
# The browser's own title bar and a select's options cannot hold markup; both follow the
# text's direction there already. Hidden text is only read aloud, never seen.
NOT_SHOWN = {"title", "option", "textarea", "script"}


class Unmarked(HTMLParser):
    """Every piece of `words` whose nearest element is neither dir="auto" nor <bdi>."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "circle", "path", "polyline"}

    def __init__(self, words: tuple[str, ...]) -> None:
        super().__init__()
        self.words = words
        self.stack: list[tuple[str, dict]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(word in data for word in self.words) or not self.stack:
            return
        if any(tag in NOT_SHOWN for tag, _ in self.stack):
            return
        if any("visually-hidden" in (a.get("class") or "") for _, a in self.stack):
            return
        tag, attrs = self.stack[-1]
        if tag != "bdi" and attrs.get("dir") != "auto":
            self.found.append(f"<{tag} {attrs}>{data.strip()}")


def test_item_21_user_text_outside_the_journal_carries_its_own_direction(owner, owner_client):
    person = PersonFactory(owner=owner, name=RTL, notes=NOTE, other_contact=NOTE, is_safe=True)
    PlanHelperFactory(owner=owner, person=person)
    moment = MomentFactory(owner=owner, note=NOTE, people=[person])
    PlanEntryFactory(owner=owner, text=NOTE)
    OwnCrisisLineFactory(owner=owner, name=RTL, note=NOTE)
    pages = [
        reverse("circle:circle"),
        reverse("circle:person", args=[person.pk]),
        reverse("circle:person_edit", args=[person.pk]),
        reverse("circle:person_delete", args=[person.pk]),
        reverse("moments:list"),
        reverse("moments:detail", args=[moment.pk]),
        reverse("moments:delete", args=[moment.pk]),
        reverse("moments:add"),
        reverse("safety:plan"),
        reverse("safety:crisis"),
        reverse("safety:settings"),
        reverse("safety:print"),
    ]
    unmarked = []
    for url in pages:
        html = owner_client.get(url).content.decode()
        assert RTL in html, url
        parser = Unmarked((RTL, NOTE))
        parser.feed(html)
        unmarked += [f"{url}: {found}" for found in parser.found]
    assert not unmarked, "\n".join(unmarked)
