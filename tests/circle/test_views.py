"""The circle pages: adding, editing, archiving, deleting people and rating closeness."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tending.circle.models import ClosenessRating, Person
from tending.moments.models import Moment
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def add(client, **data):
    return client.post(reverse("circle:person_add"), {"kind": "friend", "ring": "inner", **data})


def test_adding_someone_uses_the_rings_rhythm_and_records_closeness(owner, owner_client):
    response = add(owner_client, name="  Sam   Rivera ", ring="inner", closeness="5")
    person = Person.objects.get()
    assert response["Location"] == reverse("circle:person", args=[person.pk])
    assert (person.owner, person.name, person.ring, person.rhythm_days) == (
        owner,
        "Sam Rivera",
        "inner",
        7,
    )
    assert list(person.closeness_ratings.values_list("value", flat=True)) == [5]
    add(owner_client, name="Jo", ring="outer")
    assert Person.objects.get(name="Jo").rhythm_days == 180


def test_save_and_add_another_returns_to_the_form(owner_client):
    response = add(owner_client, name="Alex", another="1")
    assert response["Location"] == reverse("circle:person_add")


def test_a_chosen_rhythm_and_birthday_are_kept(owner_client):
    add(
        owner_client,
        name="Dana",
        ring="middle",
        rhythm_days="14",
        birthday_day="29",
        birthday_month="2",
        phone="+1 555 0100",
        email="dana@example.org",
        is_safe="on",
    )
    dana = Person.objects.get()
    assert (dana.rhythm_days, dana.birthday, dana.is_safe) == (14, "29 February", True)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "   "}, "name", "Please give a name"),
        ({"name": "A", "birthday_day": "12"}, "birthday_month", "both the day and the month"),
        (
            {"name": "A", "birthday_day": "31", "birthday_month": "4"},
            "birthday_day",
            "does not exist",
        ),
        (
            {"name": "A", "birthday_day": "29", "birthday_month": "2", "birthday_year": "2023"},
            "birthday_day",
            "does not exist",
        ),
        ({"name": "A", "birthday_year": "1990"}, "birthday_year", "add the day and month"),
        (
            {"name": "A", "birthday_day": "1", "birthday_month": "1", "birthday_year": "1850"},
            "birthday_year",
            "between 1900",
        ),
        ({"name": "A", "rhythm_days": "0"}, "rhythm_days", "Please give 1 or more."),
        ({"name": "A", "rhythm_days": "soon"}, "rhythm_days", "Please give a whole number"),
        ({"name": "A", "email": "not-an-address"}, "email", "Please give an e-mail address"),
        ({"name": "A", "ring": "centre"}, "ring", "Please choose one of the options given."),
        ({"name": "A", "closeness": "9"}, "closeness", "Please choose one of the options given."),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_saved(owner_client, data, field, message):
    response = add(owner_client, **data)
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field]), response.context[
        "form"
    ].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Person.objects.exists()
    assert not ClosenessRating.objects.exists()


def test_editing_keeps_what_was_saved_when_input_is_bad(owner, owner_client):
    person = PersonFactory(owner=owner, name="Sam", ring="inner", rhythm_days=7)
    url = reverse("circle:person_edit", args=[person.pk])
    response = owner_client.post(url, {"name": "", "kind": "friend", "ring": "inner"})
    assert "Please give a name" in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Sam"
    owner_client.post(url, {"name": "Sam R", "kind": "family", "ring": "middle", "rhythm_days": ""})
    person.refresh_from_db()
    assert (person.name, person.kind, person.ring, person.rhythm_days) == (
        "Sam R",
        "family",
        "middle",
        30,
    )


def test_archive_hides_and_restore_brings_back(owner, owner_client):
    person = PersonFactory(owner=owner, name="Quietly Gone")
    owner_client.post(reverse("circle:person_archive", args=[person.pk]))
    person.refresh_from_db()
    assert person.is_archived
    assert (
        f'data-person="{person.pk}"'
        not in owner_client.get(reverse("circle:circle")).content.decode()
    )
    shown = owner_client.get(reverse("circle:circle") + "?archived=1").content.decode()
    assert "Quietly Gone" in shown
    owner_client.post(reverse("circle:person_restore", args=[person.pk]))
    person.refresh_from_db()
    assert not person.is_archived
    response = owner_client.get(reverse("circle:person_archive", args=[person.pk]))
    assert response.status_code == 302 and not Person.objects.get(pk=person.pk).is_archived


def test_delete_asks_first_and_says_what_goes_with_them(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    alex = PersonFactory(owner=owner, name="Alex")
    alone = MomentFactory(owner=owner, people=[sam])
    MomentFactory(owner=owner, people=[sam])
    shared = MomentFactory(owner=owner, people=[sam, alex])
    ClosenessRatingFactory(person=sam)
    page = owner_client.get(reverse("circle:person_delete", args=[sam.pk])).content.decode()
    assert "2 moments you had only with them" in page
    assert "1 closeness rating." in page
    assert "1 moment shared with other people will stay" in page
    assert Person.objects.filter(pk=sam.pk).exists()
    owner_client.post(reverse("circle:person_delete", args=[sam.pk]))
    assert not Person.objects.filter(pk=sam.pk).exists()
    assert not Moment.objects.filter(pk=alone.pk).exists()
    assert list(Moment.objects.get(pk=shared.pk).people.all()) == [alex]
    assert not ClosenessRating.objects.exists()


def test_circle_places_people_in_rings_coloured_by_drift(owner, owner_client):
    now = timezone.now()
    inner = PersonFactory(owner=owner, name="Inner Recent", ring="inner", rhythm_days=7)
    due = PersonFactory(owner=owner, name="Middle Due", ring="middle", rhythm_days=30)
    drifting = PersonFactory(owner=owner, name="Outer Drifting", ring="outer", rhythm_days=180)
    PersonFactory(owner=owner, name="Never Seen", ring="outer", rhythm_days=180)
    MomentFactory(owner=owner, people=[inner], occurred_at=now - timedelta(days=1))
    MomentFactory(owner=owner, people=[due], occurred_at=now - timedelta(days=100))
    MomentFactory(owner=owner, people=[due], occurred_at=now - timedelta(days=27))
    MomentFactory(owner=owner, people=[drifting], occurred_at=now - timedelta(days=200))
    html = owner_client.get(reverse("circle:circle")).content.decode()
    for person, ring, drift in [
        (inner, "inner", "in-rhythm"),
        (due, "middle", "due"),
        (drifting, "outer", "drifting"),
    ]:
        assert f'data-person="{person.pk}" data-ring="{ring}" data-drift="{drift}"' in html
    assert 'data-ring="outer" data-drift="never"' in html
    assert "Never Seen" in html


def test_circle_filters_by_kind(owner, owner_client):
    PersonFactory(owner=owner, name="Fam Member", kind="family")
    PersonFactory(owner=owner, name="Work Mate", kind="colleague")
    html = owner_client.get(reverse("circle:circle") + "?kind=family").content.decode()
    assert "Fam Member" in html and "Work Mate" not in html
    html = owner_client.get(reverse("circle:circle") + "?kind=bogus").content.decode()
    assert "Fam Member" in html and "Work Mate" in html


def test_empty_circle_invites_the_first_person(owner_client, other):
    PersonFactory(owner=other, name="Not Yours")  # someone else's circle is not this one
    html = owner_client.get(reverse("circle:circle")).content.decode()
    empty = html[html.index('<div class="empty-state">') :]
    assert '<p class="empty-title">Nobody here yet</p>' in empty
    assert f'<a class="button" href="{reverse("circle:person_add")}">Add someone</a>' in empty
    assert html.count("Add someone") == 1  # one next step, not two
    assert "Not Yours" not in html and 'class="circle-map"' not in html


def test_each_person_is_one_row_wide_link_with_the_whole_name_and_drift_in_words(
    owner, owner_client
):
    long = "Maximiliane Alexandra von Hohenzollern-Sigmaringen"
    person = PersonFactory(owner=owner, name=long, ring="inner", rhythm_days=7)
    html = owner_client.get(reverse("circle:circle")).content.decode()
    href = reverse("circle:person", args=[person.pk])
    assert (
        f'<li><a href="{href}"><span class="person-name" dir="auto" title="{long}">{long}</span>'
        in html
    )
    row = html[html.index(f'<li><a href="{href}">') :]
    row = row[: row.index("</li>")]
    # The drift in words, inside the same link: the colour is never the only sign.
    assert row.endswith(
        '<span class="status drift-never" data-drift="never"><span class="swatch"></span>'
        "No moments yet</span></a>"
    )


def test_last_contact_follows_the_latest_moment_however_it_was_logged(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=20))
    url = reverse("circle:person", args=[sam.pk])
    assert 'data-drift="drifting"' in owner_client.get(url).content.decode()
    owner_client.post(reverse("moments:quick"), {"people": [sam.pk]})
    page = owner_client.get(url).content.decode()
    assert 'data-drift="in-rhythm"' in page
    assert "Last moment today" in page


def test_days_since_counts_in_the_persons_own_time_zone(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner", rhythm_days=7)
    # 23:30 in Berlin on the 14th is 22:30 UTC; "today" there is the 15th at 00:30.
    with time_machine.travel("2026-03-14 23:00:00+00:00", tick=False):
        MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(minutes=30))
        page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "Last moment yesterday" in page


def test_closeness_history_and_bad_rating(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    url = reverse("circle:closeness_add", args=[sam.pk])
    today = timezone.localdate().isoformat()
    owner_client.post(url, {"value": "3", "rated_on": "2026-01-05"})
    owner_client.post(url, {"value": "6", "rated_on": today})
    page = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert "Right now: 6 of 7." in page
    assert '<polyline points="' in page
    response = owner_client.post(url, {"value": "", "rated_on": today})
    assert response.status_code == 400
    assert "Please tap the pair of circles" in response.content.decode()
    response = owner_client.post(url, {"value": "4", "rated_on": "2999-01-01"})
    assert "still to come" in response.content.decode()
    assert sam.closeness_ratings.count() == 2
    rating = sam.closeness_ratings.get(value=3)
    owner_client.post(reverse("circle:closeness_delete", args=[rating.pk]))
    assert list(sam.closeness_ratings.values_list("value", flat=True)) == [6]


def test_circle_page_queries_do_not_grow_with_the_circle(owner, owner_client):
    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert owner_client.get(reverse("circle:circle")).status_code == 200
        return len(ctx.captured_queries)

    PersonFactory(owner=owner)
    few = count_queries()
    for i in range(30):
        person = PersonFactory(owner=owner, ring=["inner", "middle", "outer"][i % 3])
        MomentFactory(owner=owner, people=[person])
        ClosenessRatingFactory(person=person)
    assert count_queries() == few


def test_person_page_queries_do_not_grow_with_moments(owner, owner_client):
    sam = PersonFactory(owner=owner)
    MomentFactory(owner=owner, people=[sam])
    url = reverse("circle:person", args=[sam.pk])
    with CaptureQueriesContext(connection) as ctx:
        owner_client.get(url)
    few = len(ctx.captured_queries)
    for _ in range(25):
        MomentFactory(owner=owner, people=[sam, PersonFactory(owner=owner)])
        ClosenessRatingFactory(person=sam)
    with CaptureQueriesContext(connection) as ctx:
        owner_client.get(url)
    assert len(ctx.captured_queries) == few


def test_each_ring_lists_people_by_name(owner, owner_client):
    for name in ("Zoe", "Adam", "Maya"):
        person = PersonFactory(owner=owner, name=name, ring="middle")
        MomentFactory(owner=owner, people=[person])
    html = owner_client.get(reverse("circle:circle")).content.decode()
    listed = html[html.index('data-ring="middle"', html.index("people-list") - 40) :]
    assert listed.index("Adam") < listed.index("Maya") < listed.index("Zoe")


def test_moving_to_another_ring_moves_to_its_rhythm_unless_chosen(owner, owner_client):
    usual = PersonFactory(owner=owner, name="Usual", ring="inner", rhythm_days=7)
    chosen = PersonFactory(owner=owner, name="Chosen", ring="inner", rhythm_days=10)
    form = owner_client.get(reverse("circle:person_edit", args=[usual.pk])).context["form"]
    assert form["rhythm_days"].value() is None
    form = owner_client.get(reverse("circle:person_edit", args=[chosen.pk])).context["form"]
    assert form["rhythm_days"].value() == 10
    for person, rhythm in ((usual, ""), (chosen, "10")):
        owner_client.post(
            reverse("circle:person_edit", args=[person.pk]),
            {"name": person.name, "kind": "friend", "ring": "outer", "rhythm_days": rhythm},
        )
    usual.refresh_from_db()
    chosen.refresh_from_db()
    assert (usual.rhythm_days, chosen.rhythm_days) == (180, 10)


def test_archived_people_stay_reachable_when_everyone_is_archived(owner, owner_client):
    PersonFactory(owner=owner, name="Only One", is_archived=True)
    html = owner_client.get(reverse("circle:circle")).content.decode()
    assert 'class="empty-state"' not in html
    assert "Include archived" in html and "Nobody matches this filter" in html


def test_an_archived_persons_page_offers_to_bring_them_back(owner, owner_client):
    gone = PersonFactory(owner=owner, name="Gone", is_archived=True)
    html = owner_client.get(reverse("circle:person", args=[gone.pk])).content.decode()
    assert "We were in touch just now" not in html
    assert "Bring back to the circle" in html


def test_closeness_dates_before_1900_are_refused(owner, owner_client):
    sam = PersonFactory(owner=owner)
    response = owner_client.post(
        reverse("circle:closeness_add", args=[sam.pk]), {"value": "4", "rated_on": "0001-01-01"}
    )
    assert "Please give a date between 1900 and 2999." in response.content.decode()
    assert not sam.closeness_ratings.exists()
