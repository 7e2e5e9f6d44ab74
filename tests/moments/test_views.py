"""Logging moments: quick, in full, editing, deleting and finding them again."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tending.moments.listing import PAGE_SIZE
from tending.moments.models import Moment
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_quick_log_needs_only_the_people(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    alex = PersonFactory(owner=owner, name="Alex")
    before = timezone.now()
    response = owner_client.post(reverse("moments:quick"), {"people": [sam.pk, alex.pk]})
    moment = Moment.objects.get()
    assert response["Location"] == reverse("moments:detail", args=[moment.pk])
    assert moment.owner == owner
    assert set(moment.people.all()) == {sam, alex}
    assert moment.occurred_at >= before
    assert not moment.has_details
    page = owner_client.get(response["Location"]).content.decode()
    assert "Add how it went" in page


def test_quick_log_page_groups_people_by_ring_and_hides_archived(owner, owner_client):
    PersonFactory(owner=owner, name="Inner Iris", ring="inner")
    PersonFactory(owner=owner, name="Outer Otto", ring="outer")
    PersonFactory(owner=owner, name="Archived Ada", is_archived=True)
    html = owner_client.get(reverse("moments:quick")).content.decode()
    assert html.index("Inner ring") < html.index("Inner Iris") < html.index("Outer ring")
    assert html.index("Outer ring") < html.index("Outer Otto")
    assert "Archived Ada" not in html


def test_quick_log_without_anyone_is_refused(owner_client):
    response = owner_client.post(reverse("moments:quick"), {})
    assert response.status_code == 400
    assert "Please choose at least one person" in response.content.decode()
    assert not Moment.objects.exists()


def full(chosen, **extra):
    data = {
        "people": [p.pk for p in chosen],
        "occurred_at": (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "45",
        "channel": "call",
        "initiated_by": "them",
        "self_disclosure": "3",
        "other_disclosure": "2",
        "felt_understood": "4",
        "felt_validated": "5",
        "felt_cared_for": "5",
        "closeness_after": "6",
        "felt_safe": "5",
        "note": "Talked about the move.",
        "tag_names": "Walk, support, walk",
    }
    data.update(extra)
    return data


def test_full_moment_keeps_every_answer(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    owner_client.post(reverse("moments:add"), full([sam]))
    m = Moment.objects.get()
    assert (m.duration_minutes, m.channel, m.initiated_by) == (45, "call", "them")
    assert (m.self_disclosure, m.other_disclosure) == (3, 2)
    assert (m.felt_understood, m.felt_validated, m.felt_cared_for) == (4, 5, 5)
    assert (m.closeness_after, m.felt_safe, m.note) == (6, 5, "Talked about the move.")
    assert [t.name for t in m.tags.all()] == ["support", "walk"]
    page = owner_client.get(reverse("moments:detail", args=[m.pk])).content.decode()
    assert "Feelings" in page and "Thoughts" in page and "4 of 5" in page


def test_skipped_details_stay_empty(owner, owner_client):
    sam = PersonFactory(owner=owner)
    skipped = {
        k: ""
        for k in (
            "duration_minutes",
            "channel",
            "initiated_by",
            "self_disclosure",
            "other_disclosure",
            "felt_understood",
            "felt_validated",
            "felt_cared_for",
            "closeness_after",
            "felt_safe",
            "note",
            "tag_names",
        )
    }
    owner_client.post(reverse("moments:add"), full([sam], **skipped))
    m = Moment.objects.get()
    assert m.self_disclosure is None and m.felt_understood is None and m.channel == ""
    assert not m.has_details


def test_the_time_is_read_in_the_persons_time_zone(owner, owner_client):
    sam = PersonFactory(owner=owner)
    owner_client.post(reverse("moments:add"), full([sam], occurred_at="2026-03-14T19:30"))
    # The owner lives in Berlin (UTC+1 in March).
    assert Moment.objects.get().occurred_at.isoformat() == "2026-03-14T18:30:00+00:00"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"people": []}, "people", "Please choose at least one person"),
        ({"occurred_at": "yesterday-ish"}, "occurred_at", "Please give a date and time"),
        ({"occurred_at": "2999-01-01T10:00"}, "occurred_at", "still to come"),
        ({"duration_minutes": "0"}, "duration_minutes", "Please give 1 or more."),
        ({"duration_minutes": "2000"}, "duration_minutes", "more than a day"),
        ({"felt_understood": "6"}, "felt_understood", "Please choose one of the options given."),
        ({"self_disclosure": "9"}, "self_disclosure", "Please choose one of the options given."),
        ({"channel": "pigeon"}, "channel", "Please choose one of the options given."),
        ({"tag_names": "x" * 41}, "tag_names", "at most 40 characters"),
        ({"note": "x" * 10_001}, "note", "keep a note to 10,000 characters (this one has 10,001)"),
    ],
)
def test_bad_input_is_refused_at_the_field(owner, owner_client, change, field, message):
    sam = PersonFactory(owner=owner)
    response = owner_client.post(reverse("moments:add"), full([sam], **change))
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in e for e in errors), errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Moment.objects.exists()


def test_a_note_at_the_limit_is_kept_whole(owner, owner_client):
    sam = PersonFactory(owner=owner)
    response = owner_client.post(reverse("moments:add"), full([sam], note="x" * 10_000))
    assert response.status_code == 302
    assert len(Moment.objects.get().note) == 10_000


def test_another_persons_people_are_refused(owner, other, owner_client):
    mine = PersonFactory(owner=owner)
    theirs = PersonFactory(owner=other, name="Not Yours")
    for url in (reverse("moments:add"), reverse("moments:quick")):
        response = owner_client.post(url, full([mine, theirs]))
        assert "That person is not in your circle." in response.content.decode()
    assert not Moment.objects.exists()
    assert "Not Yours" not in owner_client.get(reverse("moments:add")).content.decode()


def test_editing_changes_the_moment_and_bad_input_loses_nothing(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    alex = PersonFactory(owner=owner, name="Alex")
    owner_client.post(reverse("moments:add"), full([sam]))
    moment = Moment.objects.get()
    url = reverse("moments:edit", args=[moment.pk])
    form = owner_client.get(url).context["form"]
    assert form.initial["tag_names"] == "support, walk"
    owner_client.post(url, full([sam], felt_understood="9", note="changed"))
    moment.refresh_from_db()
    assert (moment.felt_understood, moment.note) == (4, "Talked about the move.")
    owner_client.post(url, full([alex], felt_understood="2", tag_names="work"))
    moment.refresh_from_db()
    assert list(moment.people.all()) == [alex]
    assert moment.felt_understood == 2
    assert [t.name for t in moment.tags.all()] == ["work"]


def test_editing_keeps_an_archived_person_choosable(owner, owner_client):
    gone = PersonFactory(owner=owner, name="Gone Now", is_archived=True)
    moment = MomentFactory(owner=owner, people=[gone])
    html = owner_client.get(reverse("moments:edit", args=[moment.pk])).content.decode()
    assert "Gone Now" in html and "Archived" in html


def test_delete_asks_first(owner, owner_client):
    sam = PersonFactory(owner=owner)
    moment = MomentFactory(owner=owner, people=[sam])
    url = reverse("moments:delete", args=[moment.pk])
    assert "Delete this moment?" in owner_client.get(url).content.decode()
    assert Moment.objects.exists()
    assert owner_client.post(url)["Location"] == reverse("moments:list")
    assert not Moment.objects.exists()
    assert sam.__class__.objects.filter(pk=sam.pk).exists()


def test_list_filters_by_person_tag_and_dates(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    alex = PersonFactory(owner=owner, name="Alex")
    owner_client.post(
        reverse("moments:add"),
        full([sam], occurred_at="2026-01-10T10:00", note="january-sam", tag_names="walk"),
    )
    owner_client.post(
        reverse("moments:add"),
        full([alex], occurred_at="2026-02-10T10:00", note="february-alex", tag_names="work"),
    )
    owner_client.post(
        reverse("moments:add"),
        full([sam, alex], occurred_at="2026-03-10T23:30", note="march-both", tag_names="walk"),
    )
    walk = owner.pk and Moment.objects.first().tags.model.objects.get(name="walk")

    def notes(query):
        html = owner_client.get(reverse("moments:list") + query).content.decode()
        return {n for n in ("january-sam", "february-alex", "march-both") if n in html}

    assert notes("") == {"january-sam", "february-alex", "march-both"}
    assert notes(f"?person={sam.pk}") == {"january-sam", "march-both"}
    assert notes(f"?tag={walk.pk}") == {"january-sam", "march-both"}
    assert notes("?since=2026-02-01&until=2026-03-10") == {"february-alex", "march-both"}
    assert notes(f"?person={alex.pk}&tag={walk.pk}") == {"march-both"}


def test_bad_filters_say_so_next_to_the_field(owner, other, owner_client):
    theirs = PersonFactory(owner=other)
    response = owner_client.get(reverse("moments:list") + f"?person={theirs.pk}")
    assert "That person is not in your circle." in response.content.decode()
    response = owner_client.get(reverse("moments:list") + "?since=2026-03-01&until=2026-02-01")
    assert "This is before the “From” date." in response.content.decode()
    response = owner_client.get(reverse("moments:list") + "?since=someday")
    assert "Please give a date" in response.content.decode()


def test_list_is_paginated_with_a_fixed_number_of_queries(owner, owner_client):
    people = [PersonFactory(owner=owner) for _ in range(3)]
    start = timezone.now() - timedelta(days=200)
    for i in range(PAGE_SIZE + 5):
        MomentFactory(
            owner=owner, people=people[: 1 + i % 3], occurred_at=start + timedelta(days=i)
        )
    first = owner_client.get(reverse("moments:list"))
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert "Page 1 of 2" in first.content.decode()
    second = owner_client.get(reverse("moments:list") + "?page=2")
    assert len(second.context["page"].object_list) == 5
    with CaptureQueriesContext(connection) as small:
        owner_client.get(reverse("moments:list") + "?page=2")
    with CaptureQueriesContext(connection) as large:
        owner_client.get(reverse("moments:list"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_odd_query_values_do_not_break_pages(owner, owner_client):
    for url in (
        reverse("moments:add") + "?person=abc",
        reverse("moments:quick") + "?person=99999999999999999999",
        reverse("moments:list") + "?page=abc&person=abc&tag=%00",
    ):
        assert owner_client.get(url).status_code == 200, url
    response = owner_client.get(reverse("moments:list") + "?since=0001-01-01&until=9999-12-31")
    assert response.status_code == 200
    assert response.content.decode().count("Please give a date between 1900 and 2999.") == 2
    huge = reverse("moments:detail", args=[2**70])
    assert owner_client.get(huge).status_code == 404


def test_impossible_person_ids_are_refused_at_the_field(owner, owner_client):
    response = owner_client.post(reverse("moments:quick"), {"people": ["99999999999999999999"]})
    assert "That person is not in your circle." in response.content.decode()
    response = owner_client.post(reverse("moments:add"), full([], people=["x1"]))
    assert "That person is not in your circle." in response.content.decode()
    assert not Moment.objects.exists()


def test_moments_before_1900_are_refused(owner, owner_client):
    sam = PersonFactory(owner=owner)
    response = owner_client.post(
        reverse("moments:add"), full([sam], occurred_at="1850-05-01T10:00")
    )
    assert "Please give a date between 1900 and 2999." in response.content.decode()
    assert not Moment.objects.exists()


def test_tag_filter_offers_only_tags_still_in_use(owner, owner_client):
    sam = PersonFactory(owner=owner)
    owner_client.post(reverse("moments:add"), full([sam], tag_names="kept"))
    owner_client.post(reverse("moments:add"), full([sam], tag_names="gone"))
    Moment.objects.get(tags__name="gone").delete()
    html = owner_client.get(reverse("moments:list")).content.decode()
    assert ">kept</option>" in html and ">gone</option>" not in html


def test_messages_do_not_carry_names_in_cookies(owner, owner_client):
    owner_client.post(
        reverse("circle:person_add"), {"name": "Secret Name", "kind": "friend", "ring": "inner"}
    )
    assert "messages" not in owner_client.cookies
    assert all("Secret" not in str(c.value) for c in owner_client.cookies.values())


def test_past_the_cap_the_list_says_more_than_and_pages_on_without_a_last(
    owner, owner_client, monkeypatch
):
    monkeypatch.setattr("tending.moments.listing.COUNT_CAP", 30)
    sam, alex = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Alex")
    start = timezone.now() - timedelta(days=200)
    for i in range(2 * PAGE_SIZE + 10):  # 60: three pages, past a cap of 30
        MomentFactory(owner=owner, people=[sam], occurred_at=start + timedelta(days=i))
    MomentFactory(owner=owner, people=[alex], occurred_at=start)

    def page(query):
        response = owner_client.get(reverse("moments:list") + query)
        return response.context["page"], response.content.decode()

    first, html = page("")
    main = html[html.index("<main") : html.index("</main>")]
    assert "More than 30 moments." in html and "Page 1</span>" in html and " of " not in main
    assert len(first.object_list) == PAGE_SIZE and first.has_next and first.count is None
    assert ">Older</a>" in html and ">Newer</a>" not in html
    second, html = page("?page=2")
    assert second.has_next and ">Older</a>" in html and ">Newer</a>" in html
    third, html = page("?page=3")
    assert len(third.object_list) == 11 and not third.has_next and ">Older</a>" not in html
    assert "Page 3</span>" in html
    # Past the end, and below one, the last page, as before.
    for query in ("?page=4", "?page=99999999999999999999", "?page=0", "?page=-3"):
        last, html = page(query)
        assert last.number == 3 and not last.has_next, query
    assert page("?page=abc")[0].number == 1
    _, html = page(f"?person={sam.pk}")
    assert "More than 30 moments match." in html
    # Under the cap, exactly as it was.
    alone, html = page(f"?person={alex.pk}")
    assert "1 moment matches." in html and alone.count == 1 and 'class="pagination"' not in html
    monkeypatch.setattr("tending.moments.listing.COUNT_CAP", 61)
    _, html = page("")
    assert "61 moments." in html and "Page 1 of 3" in html
