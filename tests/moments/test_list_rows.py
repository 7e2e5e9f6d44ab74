"""What each row of the moments list says, written in Python: links, escaping, notes, tags."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tending.moments.services import log_moment
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def items(client) -> list[str]:
    html = client.get(reverse("moments:list")).content.decode()
    listing = html.split('<ul class="moment-list">', 1)[1].split("</ul>", 1)[0]
    return [part.split("</li>", 1)[0] for part in listing.split("<li>")[1:]]


def test_a_full_row_links_escapes_and_cuts_as_the_page_did(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam O'Neil <b>")
    kit = PersonFactory(owner=owner, name="Kit")
    note = "Wir haben über den Umzug geredet & es war gut. " * 5  # not plain ASCII, 245 long
    moment = log_moment(
        owner,
        [sam, kit],
        tag_names=["walk & talk", "<3"],
        occurred_at=datetime(2026, 6, 14, 9, 5, tzinfo=UTC),
        channel="in-person",
        self_disclosure=3,
        felt_understood=4,
        note=note,
    )
    (item,) = items(owner_client)
    when = "Sun 14 Jun 2026, 11:05"  # in the owner's own time zone
    assert f'<a href="/moments/{moment.pk}/"><span class="when">{when}</span></a>' in item
    assert (
        "<div><bdi>Kit</bdi>, <bdi>Sam O&#x27;Neil &lt;b&gt;</bdi> · In person"
        " · I shared: feelings · understood 4/5</div>"
    ) in item
    shown = note[:139].replace("&", "&amp;") + "…"
    assert f'<div class="muted" dir="auto">{shown}</div>' in item
    assert (
        '<div><span class="pill" dir="auto">&lt;3</span> '
        '<span class="pill" dir="auto">walk &amp; talk</span> </div>'
    ) in item


def test_a_bare_row_has_no_empty_parts(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    log_moment(owner, [sam], occurred_at=datetime(2026, 6, 14, 9, 5, tzinfo=UTC))
    (item,) = items(owner_client)
    assert "<div><bdi>Sam</bdi></div>" in item
    assert 'class="muted"' not in item and "pill" not in item
    assert item.count("<div>") == 1


def test_rows_come_newest_first_each_with_its_own_link(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    older = log_moment(owner, [sam], occurred_at=datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    newer = log_moment(owner, [sam], occurred_at=datetime(2026, 6, 2, 9, 0, tzinfo=UTC))
    first, second = items(owner_client)
    assert f"/moments/{newer.pk}/" in first and f"/moments/{older.pk}/" in second


def test_the_count_comes_with_the_rows_in_one_query(owner, owner_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sam, kit = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kit")
    for day in range(1, 4):
        log_moment(owner, [sam], occurred_at=datetime(2026, 6, day, 9, 0, tzinfo=UTC))
    log_moment(owner, [kit], tag_names=["walk"], occurred_at=datetime(2026, 6, 9, tzinfo=UTC))
    with CaptureQueriesContext(connection) as queries:
        page = owner_client.get(reverse("moments:list")).content.decode()
    assert "4 moments." in page
    # The session, the user, the filters' choices, the page with its count, its people and tags.
    assert len(queries) == 5
    just_sam = owner_client.get(reverse("moments:list") + f"?person={sam.pk}").content.decode()
    assert "3 moments match." in just_sam
    walks = owner_client.get(reverse("moments:list") + "?since=2026-06-02").content.decode()
    assert "3 moments match." in walks
